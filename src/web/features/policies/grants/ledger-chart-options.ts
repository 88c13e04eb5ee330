// ECharts options of the payout ledger (兑付台账), built as plain data from its groups: amounts by group as bars, amounts by month as a line (tested without a canvas).
import type { PayoutLedger } from '../../../../shared/schemas/policies.ts';
import type { KpiChartOption } from '../../kpi/chart-options.ts';

type Group = PayoutLedger['groups'][number];

const amountColor = '#1456d9';
const countColor = '#bfbfbf';
/** A policy title cut to fit under a bar (the tooltip and the table keep the whole title). */
export const cutLabel = (label: string, max = 12): string => (label.length > max ? `${label.slice(0, max - 1)}…` : label);
/** Display only: the table beside the chart keeps the exact decimals. */
const amountOf = (group: Group) => Number(group.total);

interface LedgerChartInput {
  groups: readonly Group[];
  amountName: string;
  countName: string;
  care: boolean;
  /** Axis label of a group; departments read best in their short form (shortLabel). */
  label?: (group: Group) => string;
}

/** Bars of the amount paid per group (万元), the number of payouts in the tooltip. */
export function ledgerBarOption({ groups, amountName, countName, care, label = (g) => cutLabel(g.label) }: LedgerChartInput): KpiChartOption {
  const axisSize = care ? 16 : 12;
  const categories = groups.map(label);
  return {
    color: [amountColor, countColor],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontSize: care ? 18 : 12 }, data: [amountName, countName], selected: { [amountName]: true, [countName]: false } },
    grid: { left: 8, right: 16, top: care ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0, fontSize: axisSize } },
    yAxis: [
      { type: 'value', name: amountName, axisLabel: { fontSize: axisSize } },
      { type: 'value', name: countName, minInterval: 1, splitLine: { show: false }, axisLabel: { fontSize: axisSize } },
    ],
    series: [
      { type: 'bar', name: amountName, data: groups.map(amountOf), barMaxWidth: 40, label: { show: groups.length <= 12, position: 'top', fontSize: axisSize } },
      { type: 'bar', name: countName, yAxisIndex: 1, data: groups.map((g) => g.count), barMaxWidth: 16 },
    ],
  };
}

/** The amount paid by month as a line (groups keyed YYYY-MM, oldest first as the server sends them). */
export function ledgerMonthOption({ groups, amountName, countName, care, label = (g) => g.key }: LedgerChartInput): KpiChartOption {
  const axisSize = care ? 16 : 12;
  return {
    color: [amountColor, countColor],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: care ? 18 : 12 }, data: [amountName, countName] },
    grid: { left: 8, right: 16, top: care ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: groups.map(label), axisLabel: { fontSize: axisSize } },
    yAxis: [
      { type: 'value', name: amountName, axisLabel: { fontSize: axisSize } },
      { type: 'value', name: countName, minInterval: 1, splitLine: { show: false }, axisLabel: { fontSize: axisSize } },
    ],
    series: [
      { type: 'line', name: amountName, data: groups.map(amountOf), smooth: false, symbolSize: 8, areaStyle: { opacity: 0.08 } },
      { type: 'bar', name: countName, yAxisIndex: 1, data: groups.map((g) => g.count), barMaxWidth: 16 },
    ],
  };
}
