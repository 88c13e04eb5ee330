// The appeal KPI page (诉求考核指标): period, five rates, rates by department/district/channel/month, monthly trend, table, exports and 部门比服务.
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Tabs, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { hasAbility, useMe } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchKpis, fetchRanking, kpiKeys, kpiWorkbookUrl, ledgerWorkbookUrl, type KpiGroupBy } from './api.ts';
import { rateBarOption, monthlyTrendOption } from './chart-options.ts';
import EChart from './EChart.tsx';
import { groupLabel, monthLabel, spansYears, UNASSIGNED_KEY } from './group-label.ts';
import { KpiTable } from './KpiTable.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { usePeriodInUrl } from './use-period-in-url.ts';
import { RankingTable } from './RankingTable.tsx';
import { RateCards } from './RateCards.tsx';
import { headlineRates, rateKeys, type RateKey } from './rates.ts';
import './messages.ts';

const groupings: KpiGroupBy[] = ['department', 'district', 'channel', 'month'];
/** More bars than this make the chart unreadable; the table keeps every group. */
const MAX_BARS = 20;


export default function KpiPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { locale, settings } = usePreferences();
  const { data: me } = useMe();
  const { period, groupBy, update } = usePeriodInUrl(groupings, 'department');

  const grouped = useQuery({ queryKey: kpiKeys.rows(period, groupBy), queryFn: () => fetchKpis(period, groupBy), placeholderData: keepPreviousData });
  const monthly = useQuery({ queryKey: kpiKeys.rows(period, 'month'), queryFn: () => fetchKpis(period, 'month'), placeholderData: keepPreviousData });
  const ranking = useQuery({ queryKey: kpiKeys.ranking(period), queryFn: () => fetchRanking(period), placeholderData: keepPreviousData });

  const names = useMemo(() => Object.fromEntries(rateKeys.map((key) => [key, tc(`kpiPage.rates.${key}`)])) as Record<RateKey, string>, [tc]);
  const chartRates = settings.showSecondary ? rateKeys : headlineRates;
  const barOption = useMemo(() => {
    const rows = (grouped.data?.items ?? []).filter((row) => row.key !== UNASSIGNED_KEY && row.total > 0).slice(0, MAX_BARS);
    const label = groupBy === 'department' ? undefined : (row: (typeof rows)[number]) => groupLabel(row, groupBy, t, locale);
    return rateBarOption({ rows, keys: chartRates, names, shown: headlineRates, care: settings.careMode, label });
  }, [grouped.data, groupBy, chartRates, names, settings.careMode, t, locale]);
  const trendOption = useMemo(() => {
    const rows = monthly.data?.items ?? [];
    const withYear = spansYears(rows.map((row) => row.key));
    return monthlyTrendOption({ rows, keys: chartRates, names, volumeName: t('kpiPage.volume'), monthLabel: (key) => monthLabel(key, locale, withYear), care: settings.careMode });
  }, [monthly.data, chartRates, names, t, locale, settings.careMode]);

  const chartHeight = settings.careMode ? 440 : 340;
  const groupName = t(`kpiPage.groupBy.${groupBy}`);
  const exports = (
    <>
      <Tooltip title={t('kpiPage.exportHint')}>
        <Button icon={<DownloadOutlined />} href={kpiWorkbookUrl(period, groupBy)} data-testid="kpi-export">
          {t('kpiPage.exportKpis')}
        </Button>
      </Tooltip>
      {hasAbility(me, 'appeal.export') && (
        <Tooltip title={t('kpiPage.exportHint')}>
          <Button icon={<DownloadOutlined />} href={ledgerWorkbookUrl(period)} data-testid="kpi-export-ledger">
            {t('kpiPage.exportLedger')}
          </Button>
        </Tooltip>
      )}
    </>
  );

  return (
    <div data-testid="page-kpi">
      <PageTitle title={tc('kpiPage.title')} description={t('kpiPage.intro')} extra={exports} />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('kpiPage.period')}</Typography.Text>
        <PeriodPicker value={period} onChange={(next) => update(next)} testId="kpi-period" />
      </Flex>
      <ErrorAlert error={grouped.error ?? monthly.error ?? ranking.error} onRetry={() => void Promise.all([grouped.refetch(), monthly.refetch(), ranking.refetch()])} />
      <RateCards summary={grouped.data?.summary} loading={grouped.isLoading} />

      <Card title={t('kpiPage.chartTrend')} style={{ marginBottom: 16 }}>
        <EChart option={trendOption} height={chartHeight} label={t('kpiPage.chartLabel', { title: t('kpiPage.chartTrend') })} testId="kpi-trend-chart" />
      </Card>

      <Card style={{ marginBottom: 16 }} data-testid="kpi-groups">
        <Tabs
          activeKey={groupBy}
          onChange={(key) => update({ groupBy: key as KpiGroupBy })}
          items={groupings.map((key) => ({ key, label: <span data-testid={`kpi-group-${key}`}>{t(`kpiPage.groupBy.${key}`)}</span> }))}
        />
        {/* By month the trend above already draws the rates. */}
        {groupBy !== 'month' && (
          <div style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>{t('kpiPage.chartByGroup', { group: groupName })}</Typography.Title>
            <EChart option={barOption} height={chartHeight} label={t('kpiPage.chartLabel', { title: t('kpiPage.chartByGroup', { group: groupName }) })} testId="kpi-bar-chart" />
          </div>
        )}
        <Typography.Title level={5}>{t('kpiPage.table')}</Typography.Title>
        <KpiTable rows={grouped.data?.items ?? []} summary={grouped.data?.summary} groupBy={groupBy} loading={grouped.isFetching} />
      </Card>

      <RankingTable ranking={ranking.data} loading={ranking.isFetching} />
    </div>
  );
}
