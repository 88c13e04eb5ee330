// One enterprise as the registry holds it: identity, division and industry by name, size with its basis, yearly figures, tags and contacts; edit buttons by the record's abilities.
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/roles.ts';
import type { EnterpriseView } from '../../../shared/schemas/enterprises.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { EditEnterpriseModal, type EditScope } from './EditEnterpriseModal.tsx';
import { FiguresPanel } from './FiguresPanel.tsx';
import { formatWan } from './format-wan.ts';
import { SizeTag } from './SizeTag.tsx';
import { TagsPanel } from './TagsPanel.tsx';

/** The size basis sentence in the UI language, falling back to the server's zh-CN sentence. */
export function sizeBasisFor(enterprise: Pick<EnterpriseView, 'sizeBasis' | 'sizeBasisTranslations'>, locale: Locale): string | null {
  return enterprise.sizeBasisTranslations?.[locale] ?? enterprise.sizeBasis;
}

/** 浙江省 › 湖州市 › 吴兴区: the names above the division and its own. */
export function divisionText(enterprise: Pick<EnterpriseView, 'division' | 'divisionCode'>): string {
  if (!enterprise.division) return enterprise.divisionCode ?? '—';
  return enterprise.division.fullName || [...enterprise.division.parents.map((p) => p.name), enterprise.division.name].join(' › ');
}

/** 制造业 › 纺织服装、服饰业 › 机织服装制造: the levels above the class (the class itself is named beside it). */
export function industryPathText(industry: NonNullable<EnterpriseView['industry']>): string {
  return industry.path
    .filter((p) => p.code !== industry.code)
    .map((p) => p.name)
    .join(' › ');
}

export function EnterpriseDetail({ enterprise, onChanged, own = false }: { enterprise: EnterpriseView; onChanged: () => void; own?: boolean }) {
  const { t } = useTranslation();
  const { locale, settings } = usePreferences();
  const [editing, setEditing] = useState<EditScope | null>(null);
  const none = t('enterprisesPage.detail.none');
  const basis = sizeBasisFor(enterprise, locale);
  const editScope: EditScope | null = enterprise.abilities.includes('update') ? 'all' : enterprise.abilities.includes('update-contact') ? 'contact' : null;
  const columns = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 };

  const contactsCard = (
    <Card title={t('enterprisesPage.detail.contacts')} data-testid="enterprise-contacts">
      <Descriptions column={columns} size="small">
        <Descriptions.Item label={t('enterprisesPage.detail.contactName')}>{enterprise.contact.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('enterprisesPage.detail.contactPhone')}>
          {enterprise.contact.phone ?? none}
          {enterprise.contact.phoneMasked && settings.showSecondary && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              （{t('enterprisesPage.detail.phoneMasked')}）
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprisesPage.detail.contactEmail')}>{enterprise.contact.email ?? none}</Descriptions.Item>
      </Descriptions>
    </Card>
  );

  return (
    <Flex vertical gap={16} data-testid="enterprise-detail" data-uscc={enterprise.uscc}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={own ? 3 : 4} style={{ marginTop: 0 }} data-testid="enterprise-name">
              {enterprise.name}
            </Typography.Title>
            <Space wrap size={[8, 4]}>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                {enterprise.uscc}
              </Typography.Text>
              <SizeTag size={enterprise.size} year={enterprise.sizeYear} />
              {enterprise.status === 'deregistered' && <Tag color="red">{t('enterprisesPage.statuses.deregistered')}</Tag>}
            </Space>
          </div>
          {editScope && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(editScope)} data-testid="enterprise-edit" size={own ? 'large' : undefined}>
              {editScope === 'all' ? t('enterprisesPage.detail.edit') : t('enterprisesPage.detail.editContacts')}
            </Button>
          )}
        </Flex>
      </Card>

      {own && contactsCard}
      <Card title={t('enterprisesPage.detail.identity')} data-testid="enterprise-identity">
        <Descriptions column={columns} size="small">
          <Descriptions.Item label={t('enterprisesPage.detail.uscc')}>
            <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{enterprise.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.formerNames')}>{enterprise.formerNames.length ? enterprise.formerNames.join('、') : none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.legalRepresentative')}>{enterprise.legalRepresentative ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.division')}>
            <span data-testid="enterprise-division" title={enterprise.divisionCode ?? undefined}>
              {divisionText(enterprise)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.industry')}>
            <Flex vertical>
              <span data-testid="enterprise-industry">
                {enterprise.industry ? `${enterprise.industry.code} ${enterprise.industry.name}` : (enterprise.industryCode ?? none)}
              </span>
              {enterprise.industry && settings.showSecondary && (
                <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                  {industryPathText(enterprise.industry)}
                </Typography.Text>
              )}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.foundedOn')}>{enterprise.foundedOn ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.registeredAddress')}>{enterprise.registeredAddress ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.registeredCapital')}>
            {enterprise.registeredCapital ? t('enterprisesPage.detail.wanValue', { value: formatWan(enterprise.registeredCapital) }) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.taxpayerType')}>{enterprise.taxpayerType ? t(`enterprisesPage.taxpayerTypes.${enterprise.taxpayerType}`) : none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.creditRating')}>{enterprise.creditRating ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprisesPage.detail.status')}>{t(`enterprisesPage.statuses.${enterprise.status}`)}</Descriptions.Item>
        </Descriptions>
      </Card>

      {!own && contactsCard}
      <Card title={t('enterprisesPage.detail.size')} data-testid="enterprise-size">
        {/* The sector is named in the basis sentence, in the UI language. */}
        <SizeTag size={enterprise.size} year={enterprise.sizeYear} />
        {basis ? (
          <Alert style={{ marginTop: 12 }} type="info" showIcon={settings.showSecondary} title={<span data-testid="enterprise-size-basis">{basis}</span>} />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('enterprisesPage.detail.noSize')}
          </Typography.Paragraph>
        )}
      </Card>

      <FiguresPanel enterprise={enterprise} onChanged={onChanged} />
      <TagsPanel enterprise={enterprise} onChanged={onChanged} />

      {editing && <EditEnterpriseModal enterprise={enterprise} scope={editing} open onClose={() => setEditing(null)} onSaved={onChanged} />}
    </Flex>
  );
}
