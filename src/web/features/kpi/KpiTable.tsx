// The KPI table: one row per group with the counts behind each rate (fewer columns in care mode), sortable, with a totals row.
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import type { KpiGroupBy } from './api.ts';
import { groupLabel } from './group-label.ts';
import { compareNullsLast, formatRate, headlineRates, rateKeys, rateParts, type RateKey } from './rates.ts';

interface Leaf {
  key: string;
  title: ReactNode;
  render: (row: KpiRow) => ReactNode;
  sorter?: (a: KpiRow, b: KpiRow, order?: 'ascend' | 'descend' | null) => number;
}

const countLeaf = (key: keyof KpiRow, title: string): Leaf => ({
  key,
  title,
  render: (row) => row[key] as number,
  sorter: (a, b) => (a[key] as number) - (b[key] as number),
});

export function KpiTable({ rows, summary, groupBy, loading }: { rows: KpiRow[]; summary: KpiRow | undefined; groupBy: KpiGroupBy; loading: boolean }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { locale, settings } = usePreferences();
  const rates = settings.showSecondary ? rateKeys : headlineRates;

  const rateLeaf = (key: RateKey, title: ReactNode): Leaf => ({
    key,
    title,
    render: (row) => <Typography.Text strong>{formatRate(row[key])}</Typography.Text>,
    sorter: (a, b, order) => compareNullsLast(a[key], b[key], order),
  });
  const rateTitle = (key: RateKey) => (
    <Tooltip title={t(`kpiPage.rateHints.${key}`)}>
      <span>{tc(`kpiPage.rates.${key}`)}</span>
    </Tooltip>
  );

  const labelLeaf: Leaf = { key: 'label', title: t(`kpiPage.groupColumn.${groupBy}`), render: (row) => groupLabel(row, groupBy, t, locale) };
  const totalLeaf = countLeaf('total', t('kpiPage.counts.total'));
  /** Each rate: in full, its denominator, numerator and the rate under one heading; in care mode the rate alone. */
  const rateGroups = rates.map((key) => {
    const { numerator, denominator } = rateParts[key];
    const leaves = settings.showSecondary
      ? [countLeaf(denominator, t(`kpiPage.counts.${denominator}`)), countLeaf(numerator, t(`kpiPage.counts.${numerator}`)), rateLeaf(key, t('kpiPage.rateColumn'))]
      : [rateLeaf(key, rateTitle(key))];
    return { key, leaves };
  });
  const leaves = [labelLeaf, totalLeaf, ...rateGroups.flatMap((group) => group.leaves)];

  const toColumn = (leaf: Leaf, prefix = '') => ({
    key: `${prefix}${leaf.key}`,
    title: leaf.title,
    align: leaf.key === 'label' ? ('left' as const) : ('right' as const),
    render: (_: unknown, row: KpiRow) => leaf.render(row),
    sorter: leaf.sorter,
  });
  const columns: ColumnsType<KpiRow> = [
    { ...toColumn(labelLeaf), fixed: 'left' },
    toColumn(totalLeaf),
    ...rateGroups.map((group) =>
      settings.showSecondary ? { key: group.key, title: rateTitle(group.key), children: group.leaves.map((leaf) => toColumn(leaf, `${group.key}.`)) } : toColumn(group.leaves[0]!),
    ),
  ];

  return (
    <Table<KpiRow>
      data-testid="kpi-table"
      rowKey="key"
      size={settings.showSecondary ? 'small' : 'middle'}
      bordered={settings.showSecondary}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > settings.tablePageSize * 2 ? { pageSize: settings.tablePageSize * 2, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('kpiPage.empty') }}
      summary={() =>
        summary && rows.length > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="kpi-table-total">
              {leaves.map((leaf, index) => (
                <Table.Summary.Cell key={`${leaf.key}-${index}`} index={index} align={index === 0 ? 'left' : 'right'}>
                  <Typography.Text strong>{index === 0 ? t('kpiPage.totalRow') : leaf.render(summary)}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
