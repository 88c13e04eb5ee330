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

/** Amount on the left, count on the right; their names lean inwards so a narrow chart does not cut them. */
function valueAxes(amountName: string, countName: string, fontSize: number) {
  return [
    { type: 'value' as const, name: amountName, nameTextStyle: { align: 'left' as const, fontSize }, axisLabel: { fontSize } },
    { type: 'value' as const, name: countName, nameTextStyle: { align: 'right' as const, fontSize }, minInterval: 1, splitLine: { show: false }, axisLabel: { fontSize } },
  ];
}

/** Every month from `from` to `to` (YYYY-MM-DD), those without payouts as zero, so the line shows the quiet months too. */
export function everyMonth(groups: readonly Group[], from: string, to: string): Group[] {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const out: Group[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    out.push(byKey.get(key) ?? { key, label: key, count: 0, total: '0' });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}

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
    yAxis: valueAxes(amountName, countName, axisSize),
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
    yAxis: valueAxes(amountName, countName, axisSize),
    series: [
      { type: 'line', name: amountName, data: groups.map(amountOf), smooth: false, symbolSize: 8, areaStyle: { opacity: 0.08 } },
      { type: 'bar', name: countName, yAxisIndex: 1, data: groups.map((g) => g.count), barMaxWidth: 16 },
    ],
  };
}
