// The administration home (系统管理): links to the admin pages the user may open, and the calendar status.
import { ApartmentOutlined, ApiOutlined, AuditOutlined, CalendarOutlined, ProfileOutlined, TeamOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkCard } from '../../components/LinkCard.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

const sections: { key: string; to: string; ability: string; icon: ReactNode }[] = [
  { key: 'users', to: '/admin/users', ability: 'user.manage', icon: <TeamOutlined /> },
  { key: 'org', to: '/admin/org', ability: 'org.manage', icon: <ApartmentOutlined /> },
  { key: 'appealRules', to: '/admin/appeal-rules', ability: 'appeal.rules.manage', icon: <ProfileOutlined /> },
  { key: 'calendar', to: '/calendar', ability: 'calendar.read', icon: <CalendarOutlined /> },
  { key: 'audit', to: '/audit', ability: 'audit.read', icon: <AuditOutlined /> },
  { key: 'tokens', to: '/tokens', ability: 'token.manage', icon: <ApiOutlined /> },
];

export function AdminHomePage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const { settings } = usePreferences();
  // In care mode the home shows as many cards as the navigation has sections (the home entry itself excluded).
  const shown = sections.filter((section) => me.abilities.includes(section.ability)).slice(0, settings.careMode ? settings.navLimit - 1 : undefined);
  return (
    <div data-testid="page-admin">
      <PageTitle title={t('admin.welcome', { name: me.user.displayName })} description={t('admin.intro')} />
      <Row gutter={[16, 16]}>
        {shown.map((section) => (
          <Col xs={24} md={12} xl={8} key={section.key}>
            <LinkCard testId={`admin-card-${section.key}`} to={section.to} icon={section.icon} title={tc(`nav.${section.key}`)} description={tc(`admin.cards.${section.key}`)} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
