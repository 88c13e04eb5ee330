// The staff workbench (工作台): a welcome, the user's unit and roles, and the role's (coming) queues.
import {
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  EditOutlined,
  FileDoneOutlined,
  GiftOutlined,
  InboxOutlined,
  MoneyCollectOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Card, Col, Grid, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ComingSoonCard } from '../../components/ComingSoonCard.tsx';
import { LinkCard } from '../../components/LinkCard.tsx';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { roleCardsFor, type RoleCardIcon } from './role-cards.ts';

const icons: Record<RoleCardIcon, ReactNode> = {
  inbox: <InboxOutlined />,
  send: <SendOutlined />,
  sign: <EditOutlined />,
  work: <FileDoneOutlined />,
  phone: <PhoneOutlined />,
  policy: <GiftOutlined />,
  payout: <MoneyCollectOutlined />,
  inspect: <SafetyCertificateOutlined />,
  alert: <AlertOutlined />,
};

export function StaffWorkbenchPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const { settings } = usePreferences();
  const screens = Grid.useBreakpoint();
  const cards = roleCardsFor(me.user.roles);
  return (
    <div data-testid="page-workbench">
      <Card style={{ marginBottom: 16 }} variant="borderless">
        <Typography.Title level={screens.md ? 2 : 3} style={{ marginTop: 0 }}>
          {t('workbench.welcome', { name: me.user.displayName })}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Typography.Text>{me.user.orgUnitName ? t('workbench.unit', { unit: me.user.orgUnitName }) : t('workbench.noUnit')}</Typography.Text>
          {me.user.roles.map((role) => (
            <Tag key={role} color="blue">
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Flex>
        {settings.showSecondary && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('workbench.queueComing')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col xs={24} md={12} xl={8} key={card.key}>
            <ComingSoonCard testId={`workbench-card-${card.key}`} icon={icons[card.icon]} title={tc(`workbench.cards.${card.key}.title`)} description={tc(`workbench.cards.${card.key}.desc`)} />
          </Col>
        ))}
        {settings.showSecondary && me.abilities.includes('calendar.read') && (
          <Col xs={24} md={12} xl={8}>
            <LinkCard to="/calendar" icon={<CalendarOutlined />} title={t('workbench.deadlineTool')} description={t('workbench.deadlineToolDesc')} />
          </Col>
        )}
        {settings.showSecondary && me.abilities.includes('audit.read') && (
          <Col xs={24} md={12} xl={8}>
            <LinkCard to="/audit" icon={<AuditOutlined />} title={t('nav.audit')} description={t('admin.cards.audit')} />
          </Col>
        )}
      </Row>
    </div>
  );
}
