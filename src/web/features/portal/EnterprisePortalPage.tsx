// The enterprise portal (企业服务): a welcome with the enterprise's name and the services, honestly marked "coming soon".
import { CalendarOutlined, FileSearchOutlined, FormOutlined, GiftOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Grid, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ComingSoonCard } from '../../components/ComingSoonCard.tsx';
import { LinkCard } from '../../components/LinkCard.tsx';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

export function EnterprisePortalPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { user } = useSession();
  const { settings } = usePreferences();
  const screens = Grid.useBreakpoint();
  return (
    <div data-testid="page-portal">
      <Card style={{ marginBottom: 16, background: 'linear-gradient(120deg, #fff5f5, #eef4ff)' }} variant="borderless">
        <Typography.Title level={screens.md ? 2 : 3} style={{ marginTop: 0 }}>
          {t('portal.welcome', { name: user.enterpriseName ?? user.displayName })}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{tc('portal.intro')}</Typography.Paragraph>
        {!user.enterpriseName && (
          <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
            {t('portal.noEnterprise')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <ComingSoonCard testId="portal-card-report" icon={<FormOutlined />} title={tc('portal.report')} description={tc('portal.reportDesc')} />
        </Col>
        <Col xs={24} md={8}>
          <ComingSoonCard testId="portal-card-appeals" icon={<FileSearchOutlined />} title={tc('portal.myAppeals')} description={tc('portal.myAppealsDesc')} />
        </Col>
        <Col xs={24} md={8}>
          <ComingSoonCard testId="portal-card-policies" icon={<GiftOutlined />} title={tc('portal.policies')} description={tc('portal.policiesDesc')} />
        </Col>
        {settings.showSecondary && (
          <Col xs={24} md={8}>
            <LinkCard to="/calendar" icon={<CalendarOutlined />} title={t('portal.calendar')} description={t('portal.calendarDesc')} />
          </Col>
        )}
      </Row>
      <Alert type="info" showIcon icon={<PhoneOutlined />} title={tc('portal.meanwhile')} style={{ marginTop: 16 }} />
    </div>
  );
}
