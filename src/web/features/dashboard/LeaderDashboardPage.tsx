// The leader dashboard (驾驶舱): the three headline rates against their targets, open and overdue counts, the monthly trend, best and worst departments, links onward.
import { AccountBookOutlined, AlertOutlined, BarChartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Tooltip } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LinkCard } from '../../components/LinkCard.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { todayInShanghai } from '../../lib/format.ts';
import { hasAbility, useSession } from '../auth/use-me.ts';
import { fetchKpis, fetchRanking, kpiKeys } from '../kpi/api.ts';
import { defaultPeriod } from '../kpi/period.ts';
import { headlineRates } from '../kpi/rates.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { countOpenAppeals, dashboardKeys, type OpenCount } from './api.ts';
import { DepartmentStanding } from './DepartmentStanding.tsx';
import { HeadlineRate } from './HeadlineRate.tsx';
import { rateTargets } from './targets.ts';
import '../kpi/messages.ts';
import './messages.ts';

/** ECharts stays out of the first load: the dashboard is not code-split, its chart is. */
const TrendChart = lazy(() => import('./TrendChart.tsx'));

function OpenCountCard({ kind, alarming }: { kind: OpenCount; alarming?: boolean }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { data, isLoading } = useQuery({ queryKey: dashboardKeys.count(kind), queryFn: () => countOpenAppeals(kind), staleTime: 60_000 });
  const red = alarming && (data ?? 0) > 0;
  return (
    <Card loading={isLoading} style={{ height: '100%' }} data-testid={`dashboard-count-${kind}`}>
      <Tooltip title={t(`leaderDashboard.countHints.${kind}`)}>
        <Statistic title={tc(`leaderDashboard.counts.${kind}`)} value={data ?? 0} styles={red ? { content: { color: '#cf1322' } } : undefined} />
      </Tooltip>
    </Card>
  );
}

export function LeaderDashboardPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const session = useSession();
  const { settings } = usePreferences();
  const period = defaultPeriod(todayInShanghai());
  const mayKpi = hasAbility(session, 'appeal.kpi');
  const monthly = useQuery({ queryKey: kpiKeys.rows(period, 'month'), queryFn: () => fetchKpis(period, 'month'), enabled: mayKpi });
  const ranking = useQuery({ queryKey: kpiKeys.ranking(period), queryFn: () => fetchRanking(period), enabled: mayKpi });
  const summary = monthly.data?.summary;
  const rateSpan = settings.showSecondary ? { xs: 24, md: 8 } : { xs: 24, lg: 8 };

  return (
    <div data-testid="page-dashboard">
      <PageTitle
        title={`${tc('leaderDashboard.title')} · ${t('leaderDashboard.welcome', { name: session.user.displayName })}`}
        description={t('leaderDashboard.period', { from: period.from, to: period.to })}
      />
      {!mayKpi && <Alert type="info" showIcon title={t('leaderDashboard.noAccess')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={monthly.error ?? ranking.error} onRetry={() => void Promise.all([monthly.refetch(), ranking.refetch()])} />

      {mayKpi && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {headlineRates.map((key) => (
            <Col key={key} {...rateSpan}>
              <HeadlineRate rateKey={key} target={rateTargets[key]!} summary={summary} loading={monthly.isLoading} />
            </Col>
          ))}
        </Row>
      )}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {mayKpi && settings.showSecondary && (
          <Col xs={12} md={6}>
            <Card loading={monthly.isLoading} style={{ height: '100%' }} data-testid="dashboard-count-total">
              <Tooltip title={t('leaderDashboard.countHints.total')}>
                <Statistic title={t('leaderDashboard.counts.total')} value={summary?.total ?? 0} />
              </Tooltip>
            </Card>
          </Col>
        )}
        <Col xs={12} md={settings.showSecondary ? 6 : 12}>
          <OpenCountCard kind="open" />
        </Col>
        <Col xs={12} md={settings.showSecondary ? 6 : 12}>
          <OpenCountCard kind="overdue" alarming />
        </Col>
        {settings.showSecondary && (
          <Col xs={12} md={6}>
            <OpenCountCard kind="supervised" alarming />
          </Col>
        )}
      </Row>

      {mayKpi && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={16}>
            <Card title={t('leaderDashboard.trend')} style={{ height: '100%' }}>
              {monthly.data ? (
                <Suspense fallback={<Skeleton active />}>
                  <TrendChart rows={monthly.data.items} />
                </Suspense>
              ) : (
                <Skeleton active />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <DepartmentStanding ranking={ranking.data} loading={ranking.isLoading} />
          </Col>
        </Row>
      )}

      <Row gutter={[16, 16]}>
        {mayKpi && (
          <Col xs={24} md={12}>
            <LinkCard to="/kpi" icon={<BarChartOutlined />} title={t('leaderDashboard.links.kpi')} description={settings.showSecondary ? t('leaderDashboard.links.kpiHint') : undefined} testId="dashboard-link-kpi" />
          </Col>
        )}
        {hasAbility(session, 'appeal.supervision') && (
          <Col xs={24} md={12}>
            <LinkCard to="/supervision" icon={<AlertOutlined />} title={t('leaderDashboard.links.supervision')} description={settings.showSecondary ? t('leaderDashboard.links.supervisionHint') : undefined} testId="dashboard-link-supervision" />
          </Col>
        )}
        {hasAbility(session, 'policy.ledger') && (
          <Col xs={24} md={12}>
            <LinkCard to="/policy-payouts" icon={<AccountBookOutlined />} title={t('leaderDashboard.links.payouts')} description={settings.showSecondary ? t('leaderDashboard.links.payoutsHint') : undefined} testId="dashboard-link-payouts" />
          </Col>
        )}
      </Row>
    </div>
  );
}
