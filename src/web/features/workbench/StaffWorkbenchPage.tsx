// The staff workbench (工作台): a welcome, the user's unit and roles, and the role's queues with their counts.
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
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Grid, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ComingSoonCard } from '../../components/ComingSoonCard.tsx';
import { LinkCard } from '../../components/LinkCard.tsx';
import { appealKeys, fetchAppeals, type AppealFilters } from '../appeals/api.ts';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { roleCardsFor, type RoleCard, type RoleCardIcon } from './role-cards.ts';

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

/** How many appeals wait in a card's queue (the list's total), shown as a badge. */
function QueueCount({ filters }: { filters: AppealFilters }) {
  const { data } = useQuery({ queryKey: appealKeys.count(filters), queryFn: () => fetchAppeals(filters, 1, 1), refetchInterval: 60_000 });
  if (data === undefined) return null;
  return <Badge count={data.total} showZero overflowCount={999} color={data.total > 0 ? '#c8102e' : '#8c8c8c'} data-testid="queue-count" />;
}

function WorkbenchCard({ card }: { card: RoleCard }) {
  const tc = useCareText();
  const title = tc(`workbench.cards.${card.key}.title`);
  const description = tc(`workbench.cards.${card.key}.desc`);
  if (!card.to) return <ComingSoonCard testId={`workbench-card-${card.key}`} icon={icons[card.icon]} title={title} description={description} />;
  return <LinkCard testId={`workbench-card-${card.key}`} to={card.to} icon={icons[card.icon]} title={title} description={description} badge={card.count ? <QueueCount filters={card.count} /> : undefined} />;
}

export function StaffWorkbenchPage() {
  const { t } = useTranslation();
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
      </Card>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col xs={24} md={12} xl={8} key={card.key}>
            <WorkbenchCard card={card} />
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
