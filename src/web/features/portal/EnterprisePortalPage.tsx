// The enterprise portal (企业服务): a welcome, the two big doors (report a problem, my appeals), the latest appeals, and what is still coming.
import { CalendarOutlined, FileSearchOutlined, FormOutlined, GiftOutlined, PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, Grid, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComingSoonCard } from '../../components/ComingSoonCard.tsx';
import { LinkCard } from '../../components/LinkCard.tsx';
import { AppealCardList } from '../appeals/AppealCardList.tsx';
import { appealKeys, fetchAppeals, type AppealFilters } from '../appeals/api.ts';
import { enterpriseStatusGroups } from '../appeals/list-presets.ts';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

const recentFilters: AppealFilters = { sort: 'submitted' };
const openFilters: AppealFilters = { status: [...enterpriseStatusGroups.open] };

export function EnterprisePortalPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { user } = useSession();
  const { settings } = usePreferences();
  const screens = Grid.useBreakpoint();
  const recentCount = settings.careMode ? 2 : 3;
  const recent = useQuery({ queryKey: appealKeys.list(recentFilters, 1, recentCount), queryFn: () => fetchAppeals(recentFilters, 1, recentCount), enabled: !!user.enterpriseId });
  const open = useQuery({ queryKey: appealKeys.count(openFilters), queryFn: () => fetchAppeals(openFilters, 1, 1), enabled: !!user.enterpriseId });
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
        <Col xs={24} md={12} xl={8}>
          <LinkCard testId="portal-card-report" to="/appeals/new" icon={<FormOutlined />} title={tc('portal.report')} description={tc('portal.reportDesc')} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <LinkCard
            testId="portal-card-appeals"
            to="/appeals"
            icon={<FileSearchOutlined />}
            title={tc('portal.myAppeals')}
            description={tc('portal.myAppealsDesc')}
            badge={open.data ? <Badge count={open.data.total} showZero color={open.data.total ? '#1456d9' : '#8c8c8c'} title={t('portal.openCount', { count: open.data.total })} /> : undefined}
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ComingSoonCard testId="portal-card-policies" icon={<GiftOutlined />} title={tc('portal.policies')} description={tc('portal.policiesDesc')} />
        </Col>
        {settings.showSecondary && (
          <Col xs={24} md={12} xl={8}>
            <LinkCard to="/calendar" icon={<CalendarOutlined />} title={t('portal.calendar')} description={t('portal.calendarDesc')} />
          </Col>
        )}
      </Row>
      {(recent.data?.items.length ?? 0) > 0 && (
        <Card
          title={tc('portal.recent')}
          extra={<Link to="/appeals">{t('portal.allAppeals')}</Link>}
          style={{ marginTop: 16 }}
          styles={{ body: { padding: 12 } }}
          data-testid="portal-recent"
        >
          <AppealCardList
            items={recent.data?.items ?? []}
            loading={recent.isFetching}
            countdownOf={() => null}
            page={1}
            pageSize={recentCount}
            total={recent.data?.items.length ?? 0}
            onPage={() => undefined}
            showEnterprise={false}
          />
        </Card>
      )}
      <Alert type="info" showIcon icon={<PhoneOutlined />} title={tc('portal.meanwhile')} style={{ marginTop: 16 }} />
    </div>
  );
}
