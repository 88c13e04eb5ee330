// ECharts options of the KPI charts, built as plain data from KPI rows (tested without a canvas).
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { ratePercent, type RateKey } from './rates.ts';

export type KpiChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** One colour per rate on every chart of the product, so a reader learns them once. */
export const rateColors: Record<RateKey, string> = {
  onTimeSignRate: '#1456d9',
  onTimeReplyRate: '#13a8a8',
  resolutionRate: '#389e0d',
  followUpRate: '#d48806',
  satisfactionRate: '#c41d7f',
};
const volumeColor = '#bfbfbf';

/** Department names carry their short form in brackets (市住房和城乡建设局（住建局）); axes show that, or a cut name. */
export function shortLabel(label: string, max = 8): string {
  const bracketed = /[（(]([^（）()]+)[）)]\s*$/.exec(label);
  if (bracketed) return bracketed[1]!;
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * The lower end of a percent axis: rates cluster near the top (80–100 %), and an axis from 0 would
 * flatten the differences that matter; the axis starts at least 5 points below the lowest value, on a
 * multiple of 10, never below 0.
 */
export function rateAxisMin(values: ReadonlyArray<number | null>): number {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...present) - 5) / 10) * 10);
}

const fontSizes = (care: boolean) => ({ axis: care ? 16 : 12, legend: care ? 18 : 12 });
const percentText = (value: unknown) => (typeof value === 'number' ? `${value}%` : '—');

export interface RateBarInput {
  rows: readonly KpiRow[];
  keys: readonly RateKey[];
  names: Record<RateKey, string>;
  /** Rates drawn at first; the others can be switched on in the legend. */
  shown?: readonly RateKey[];
  care: boolean;
  label?: (row: KpiRow) => string;
}

/** Grouped bars: one group per department (district, channel, month), one bar per rate, in percent. */
export function rateBarOption({ rows, keys, names, shown = keys, care, label = (row) => shortLabel(row.label) }: RateBarInput): KpiChartOption {
  const size = fontSizes(care);
  const categories = rows.map(label);
  const series = keys.map((key): BarSeriesOption => ({ type: 'bar', name: names[key], data: rows.map((row) => ratePercent(row[key])), barMaxWidth: 28 }));
  return {
    color: keys.map((key) => rateColors[key]),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentText },
    legend: { top: 0, textStyle: { fontSize: size.legend }, data: keys.map((key) => names[key]), selected: Object.fromEntries(keys.map((key) => [names[key], shown.includes(key)])) },
    grid: { left: 8, right: 16, top: care ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 10 ? 30 : 0, fontSize: size.axis } },
    yAxis: { type: 'value', min: rateAxisMin(series.flatMap((s) => s.data as Array<number | null>)), max: 100, axisLabel: { formatter: '{value}%', fontSize: size.axis } },
    series,
  };
}

export interface TrendInput {
  /** Month rows (key YYYY-MM), oldest first, as the server sends them. */
  rows: readonly KpiRow[];
  keys: readonly RateKey[];
  names: Record<RateKey, string>;
  volumeName: string;
  monthLabel: (monthKey: string) => string;
  care: boolean;
}

/** Lines of the rates by month (percent, left axis) over bars of the number of appeals (right axis). */
export function monthlyTrendOption({ rows, keys, names, volumeName, monthLabel, care }: TrendInput): KpiChartOption {
  const size = fontSizes(care);
  const lines: LineSeriesOption[] = keys.map((key) => ({
    type: 'line',
    name: names[key],
    data: rows.map((row) => ratePercent(row[key])),
    connectNulls: false,
    symbolSize: care ? 10 : 6,
    lineStyle: { width: care ? 4 : 2 },
    tooltip: { valueFormatter: percentText },
  }));
  const volume: BarSeriesOption = { type: 'bar', name: volumeName, yAxisIndex: 1, data: rows.map((row) => row.total), barMaxWidth: 24, z: 1, itemStyle: { opacity: 0.6 } };
  return {
    color: [...keys.map((key) => rateColors[key]), volumeColor],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: size.legend }, data: [...keys.map((key) => names[key]), volumeName] },
    grid: { left: 8, right: 8, top: care ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => monthLabel(row.key)), axisLabel: { fontSize: size.axis } },
    yAxis: [
      { type: 'value', min: rateAxisMin(lines.flatMap((line) => line.data as Array<number | null>)), max: 100, axisLabel: { formatter: '{value}%', fontSize: size.axis } },
      { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { fontSize: size.axis } },
    ],
    series: [...lines, volume],
  };
}
