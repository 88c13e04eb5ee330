// An enterprise's tags with who set them, when, and until when; those allowed add and revoke them (revoked tags stay on record).
import { App, Button, Card, DatePicker, Flex, Form, Input, List, Modal, Popconfirm, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterpriseTags, type EnterpriseTag, type EnterpriseTagView, type EnterpriseView } from '../../../shared/schemas/enterprises.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { addTag, revokeTag } from './api.ts';
import { RegistryTag } from './SizeTag.tsx';

/** Held tags first, then the rest (newest first); the history (revoked, expired) only when asked. */
export function tagsToShow(tags: readonly EnterpriseTagView[], withHistory: boolean): EnterpriseTagView[] {
  return tags
    .filter((tag) => withHistory || tag.held)
    .sort((a, b) => Number(b.held) - Number(a.held) || b.setAt.localeCompare(a.setAt));
}

interface TagForm {
  tag: EnterpriseTag;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs | null;
  note?: string;
}

export function TagsPanel({ enterprise, onChanged }: { enterprise: EnterpriseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { message } = App.useApp();
  const canTag = enterprise.abilities.includes('tag');
  const [history, setHistory] = useState(false);
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<TagForm>();
  const tags = tagsToShow(enterprise.tags, history);

  const add = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await addTag(enterprise.uscc, {
        tag: values.tag,
        validFrom: values.validFrom?.format('YYYY-MM-DD'),
        validUntil: values.validUntil ? values.validUntil.format('YYYY-MM-DD') : null,
        note: values.note?.trim() || null,
      });
      message.success(t('enterprisesPage.detail.saved'));
      setAdding(false);
      form.resetFields();
      onChanged();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (tag: EnterpriseTagView) => {
    try {
      await revokeTag(enterprise.uscc, tag.id);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <Card
      title={t('enterprisesPage.detail.tags')}
      data-testid="enterprise-tags"
      extra={
        <Flex gap={8} align="center" wrap>
          <Switch size="small" checked={history} onChange={setHistory} aria-label={t('enterprisesPage.detail.showHistory')} />
          <Typography.Text type="secondary">{t('enterprisesPage.detail.showHistory')}</Typography.Text>
          {canTag && (
            <Button onClick={() => setAdding(true)} data-testid="tag-add">
              {t('enterprisesPage.detail.addTag')}
            </Button>
          )}
        </Flex>
      }
    >
      <List
        dataSource={tags}
        locale={{ emptyText: t('enterprisesPage.detail.noTags') }}
        renderItem={(tag) => (
          <List.Item
            data-testid={`tag-${tag.tag}`}
            actions={
              canTag && !tag.revokedAt
                ? [
                    <Popconfirm key="revoke" title={t('enterprisesPage.detail.revokeConfirm', { tag: t(`enterprisesPage.tags.${tag.tag}`) })} onConfirm={() => void revoke(tag)}>
                      <Button type="link" size="small" danger data-testid={`tag-revoke-${tag.tag}`}>
                        {t('enterprisesPage.detail.revoke')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} align="center" wrap>
                  <RegistryTag tag={tag.tag} muted={!tag.held} />
                  <Typography.Text type={tag.held ? 'success' : 'secondary'}>
                    {tag.revokedAt ? t('enterprisesPage.detail.revoked') : tag.held ? t('enterprisesPage.detail.held') : t('enterprisesPage.detail.notHeld')}
                  </Typography.Text>
                  <Typography.Text>
                    {tag.validUntil
                      ? t('enterprisesPage.detail.tagValidRange', { from: tag.validFrom, until: tag.validUntil })
                      : t('enterprisesPage.detail.tagValid', { from: tag.validFrom })}
                  </Typography.Text>
                </Flex>
              }
              description={
                <>
                  {tag.setBy ? t('enterprisesPage.detail.setBy', { by: tag.setBy.displayName, at: formatDateTime(tag.setAt, locale) }) : t('enterprisesPage.detail.setAt', { at: formatDateTime(tag.setAt, locale) })}
                  {tag.revokedAt && <>；{t('enterprisesPage.detail.revokedBy', { by: tag.revokedBy?.displayName ?? '—', at: formatDateTime(tag.revokedAt, locale) })}</>}
                  {tag.note && <div>{tag.note}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal open={adding} title={t('enterprisesPage.detail.addTag')} onCancel={() => setAdding(false)} onOk={() => void add()} okText={t('common.save')} okButtonProps={{ 'data-testid': 'tag-save' } as never} confirmLoading={saving} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" data-testid="tag-form">
          <Form.Item name="tag" label={t('enterprisesPage.detail.tags')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={enterpriseTags.map((tag) => ({ value: tag, label: t(`enterprisesPage.tags.${tag}`) }))} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('enterprisesPage.detail.validFrom')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validUntil" label={t('enterprisesPage.detail.validUntil')} extra={t('enterprisesPage.detail.validUntilHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('enterprisesPage.detail.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
