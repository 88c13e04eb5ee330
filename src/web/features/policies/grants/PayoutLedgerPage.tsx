// 兑付台账 (/policy-payouts): payouts of 免申即享 and other policies within dates, grouped by policy, issuing department, district or month, with charts, totals, a table and the CSV export.
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PayoutLedger } from '../../../../shared/schemas/policies.ts';
import { fenToWan, wanToFen } from '../../../../shared/rules/money.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { shortLabel } from '../../kpi/chart-options.ts';
import EChart from '../../kpi/EChart.tsx';
import { PeriodPicker } from '../../kpi/PeriodPicker.tsx';
import { usePeriodInUrl } from '../../kpi/use-period-in-url.ts';
import { usePreferences } from '../../preferences/PreferencesProvider.tsx';
import { fetchLedger, grantKeys, ledgerCsvUrl, type LedgerGroupBy } from './api.ts';
import { everyMonth, ledgerBarOption, ledgerMonthOption } from './ledger-chart-options.ts';
import './messages.ts';

type Group = PayoutLedger['groups'][number];

const groupings: LedgerGroupBy[] = ['policy', 'department', 'district', 'month'];
/** More bars than this make the chart unreadable; the table keeps every group. */
const MAX_BARS = 15;
const fen = (wan: string) => wanToFen(wan) ?? 0;


/** Largest first, except months, which read in order. */
export function orderedGroups(groups: readonly Group[], groupBy: LedgerGroupBy): Group[] {
  if (groupBy === 'month') return [...groups];
  return [...groups].sort((a, b) => fen(b.total) - fen(a.total) || a.label.localeCompare(b.label));
}

const sharePercent = (part: string, whole: string) => (fen(whole) > 0 ? `${(Math.round((fen(part) / fen(whole)) * 1000) / 10).toFixed(1)}%` : '—');

export default function PayoutLedgerPage() {
  const { t } = useTranslation();
  const { settings } = usePreferences();
  const { period, groupBy, update } = usePeriodInUrl(groupings, 'policy');
  const grouped = useQuery({ queryKey: grantKeys.ledger({ groupBy, ...period }), queryFn: () => fetchLedger({ groupBy, ...period }), placeholderData: keepPreviousData });
  const monthly = useQuery({ queryKey: grantKeys.ledger({ groupBy: 'month', ...period }), queryFn: () => fetchLedger({ groupBy: 'month', ...period }), placeholderData: keepPreviousData });

  const groups = useMemo(() => orderedGroups(grouped.data?.groups ?? [], groupBy), [grouped.data, groupBy]);
  const care = settings.careMode;
  const barOption = useMemo(
    () => ledgerBarOption({ groups: groups.slice(0, MAX_BARS), amountName: t('ledgerPage.amount'), countName: t('ledgerPage.count'), care, label: groupBy === 'department' ? (g) => shortLabel(g.label) : undefined }),
    [groups, groupBy, t, care],
  );
  const monthOption = useMemo(() => ledgerMonthOption({ groups: everyMonth(monthly.data?.groups ?? [], period.from, period.to), amountName: t('ledgerPage.amount'), countName: t('ledgerPage.count'), care }), [monthly.data, period.from, period.to, t, care]);
  const chartHeight = settings.careMode ? 420 : 320;
  const groupName = t(`ledgerPage.groupBy.${groupBy}`);
  const total = grouped.data?.total ?? '0';

  const exportButton = (
    <Tooltip title={t('ledgerPage.exportHint')}>
      <Button icon={<DownloadOutlined />} href={ledgerCsvUrl(period)} data-testid="ledger-export">
        {t('ledgerPage.export')}
      </Button>
    </Tooltip>
  );

  return (
    <div data-testid="page-policy-payouts">
      <PageTitle title={t('ledgerPage.title')} description={t('ledgerPage.intro')} extra={exportButton} />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('ledgerPage.period')}</Typography.Text>
        <PeriodPicker value={period} onChange={(next) => update(next)} testId="ledger-period" />
      </Flex>
      <ErrorAlert error={grouped.error ?? monthly.error} onRetry={() => void Promise.all([grouped.refetch(), monthly.refetch()])} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('ledgerPage.amount')} value={grouped.data?.total ?? '—'} loading={grouped.isLoading} data-testid="ledger-total" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('ledgerPage.count')} value={grouped.data?.count ?? '—'} loading={grouped.isLoading} data-testid="ledger-count" />
          </Card>
        </Col>
      </Row>

      <Card title={t('ledgerPage.chartByMonth')} style={{ marginBottom: 16 }}>
        <EChart option={monthOption} height={chartHeight} label={t('ledgerPage.chartLabel', { title: t('ledgerPage.chartByMonth') })} testId="ledger-month-chart" />
      </Card>

      <Card style={{ marginBottom: 16 }} data-testid="ledger-groups">
        <Tabs
          activeKey={groupBy}
          onChange={(key) => update({ groupBy: key as LedgerGroupBy })}
          items={groupings.map((key) => ({ key, label: <span data-testid={`ledger-group-${key}`}>{t(`ledgerPage.groupBy.${key}`)}</span> }))}
        />
        {groupBy !== 'month' && (
          <div style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>{t('ledgerPage.chartByGroup', { group: groupName })}</Typography.Title>
            <EChart option={barOption} height={chartHeight} label={t('ledgerPage.chartLabel', { title: t('ledgerPage.chartByGroup', { group: groupName }) })} testId="ledger-bar-chart" />
            {groups.length > MAX_BARS && <Typography.Text type="secondary">{t('ledgerPage.more', { count: MAX_BARS })}</Typography.Text>}
          </div>
        )}
        <Typography.Title level={5}>{t('ledgerPage.table')}</Typography.Title>
        <Table<Group>
          rowKey="key"
          size="small"
          dataSource={groups}
          loading={grouped.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="ledger-table"
          locale={{ emptyText: t('ledgerPage.empty') }}
          columns={[
            {
              key: 'label',
              title: t(`ledgerPage.groupColumn.${groupBy}`),
              // Long policy titles wrap, so the figures stay in view on a phone.
              render: (_, g) => <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{groupBy === 'policy' ? <Link to={`/policies/${g.key}/grants`}>{g.label}</Link> : g.label}</span>,
            },
            { key: 'count', title: t('ledgerPage.count'), dataIndex: 'count', align: 'right' },
            { key: 'total', title: t('ledgerPage.amount'), align: 'right', render: (_, g) => <span data-testid={`ledger-row-total-${g.key}`}>{g.total}</span> },
            { key: 'share', title: t('ledgerPage.share'), align: 'right', render: (_, g) => sharePercent(g.total, total) },
          ]}
          summary={() =>
            groups.length > 0 && (
              <Table.Summary.Row data-testid="ledger-table-total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('ledgerPage.totalRow')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{grouped.data?.count ?? 0}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{fenToWan(fen(total))}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  100%
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </Card>
    </div>
  );
}
