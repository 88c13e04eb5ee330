// Tests of the KPI chart options: short department names, percent bars with empty rates as gaps, the legend's first selection, the monthly trend's axes and care-mode type.
import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { monthlyTrendOption, rateAxisMin, rateBarOption, rateColors, shortLabel } from './chart-options.ts';
import type { RateKey } from './rates.ts';

const row = (key: string, label: string, over: Partial<KpiRow> = {}): KpiRow => ({
  key, label, total: 0, signedOnTime: 0, repliedOnTime: 0, resolved: 0, followedUp: 0, satisfied: 0, signDue: 0, replyDue: 0, replied: 0, rated: 0,
  onTimeSignRate: null, onTimeReplyRate: null, resolutionRate: null, followUpRate: null, satisfactionRate: null, ...over,
});
const names: Record<RateKey, string> = { onTimeSignRate: 'S', onTimeReplyRate: 'R', resolutionRate: 'X', followUpRate: 'F', satisfactionRate: 'M' };
const asArray = <T,>(value: T | T[] | undefined): T[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

describe('shortLabel', () => {
  it('uses the short name in brackets, else cuts long names', () => {
    expect(shortLabel('市住房和城乡建设局（住建局）')).toBe('住建局');
    expect(shortLabel('Housing Bureau (HB)')).toBe('HB');
    expect(shortLabel('吴兴区')).toBe('吴兴区');
    expect(shortLabel('湖州市南太湖新区管理委员会办公室', 8)).toBe('湖州市南太湖新…');
  });
});

describe('rateAxisMin', () => {
  it('starts at least 5 points below the lowest rate, on a multiple of 10, never below 0', () => {
    expect(rateAxisMin([82.8, 96.7, null, 100])).toBe(70);
    expect(rateAxisMin([75])).toBe(70);
    expect(rateAxisMin([74.9])).toBe(60);
    expect(rateAxisMin([3, 50])).toBe(0);
    expect(rateAxisMin([null])).toBe(0);
    expect(rateAxisMin([])).toBe(0);
  });
});

describe('rateBarOption', () => {
  const rows = [
    row('a', '市住房和城乡建设局（住建局）', { total: 4, onTimeSignRate: 0.75, resolutionRate: 1, satisfactionRate: null }),
    row('b', '国家税务总局湖州市税务局（税务局）', { total: 1, onTimeSignRate: 1, resolutionRate: 0.5, satisfactionRate: 2 / 3 }),
  ];
  const keys: RateKey[] = ['onTimeSignRate', 'resolutionRate', 'satisfactionRate', 'followUpRate'];
  const option = rateBarOption({ rows, keys, names, shown: ['onTimeSignRate', 'satisfactionRate'], care: false });

  it('puts one group per row and one bar series per rate, in percent, null where a rate is missing', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['住建局', '税务局']);
    const series = asArray(option.series);
    expect(series.map((s) => s.name)).toEqual(['S', 'X', 'M', 'F']);
    expect(series[0]!.data).toEqual([75, 100]);
    expect(series[2]!.data).toEqual([null, 66.7]);
    expect(option.color).toEqual(keys.map((k) => rateColors[k]));
  });

  it('shows the chosen rates first and leaves the others to the legend', () => {
    expect((option.legend as { selected: Record<string, boolean> }).selected).toEqual({ S: true, X: false, M: true, F: false });
  });

  it('starts the axis below the lowest rate of any series, so a bar switched on later is not cut off', () => {
    expect((option.yAxis as { min: number }).min).toBe(40);
    const close = rateBarOption({ rows: [row('a', 'A', { onTimeSignRate: 0.9, followUpRate: 0.97 })], keys, names, shown: ['onTimeSignRate'], care: false });
    expect((close.yAxis as { min: number }).min).toBe(80);
  });

  it('rotates crowded axis labels and enlarges type in care mode', () => {
    const many = Array.from({ length: 11 }, (_, i) => row(String(i), `部门${i}`));
    expect((rateBarOption({ rows: many, keys, names, care: false }).xAxis as { axisLabel: { rotate: number } }).axisLabel.rotate).toBe(30);
    expect((option.xAxis as { axisLabel: { rotate: number } }).axisLabel.rotate).toBe(0);
    const care = rateBarOption({ rows, keys, names, care: true });
    expect((care.xAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBeGreaterThan((option.xAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize);
  });
});

describe('monthlyTrendOption', () => {
  const rows = [row('2026-01', '2026年1月', { total: 3, onTimeSignRate: 0.5 }), row('2026-02', '2026年2月', { total: 0 }), row('2026-03', '2026年3月', { total: 7, onTimeSignRate: 1 })];
  const option = monthlyTrendOption({ rows, keys: ['onTimeSignRate', 'satisfactionRate'], names, volumeName: 'N', monthLabel: (key) => `M${key.slice(5)}`, care: false });

  it('draws a line per rate with gaps for empty months, and the volume as bars on the second axis', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['M01', 'M02', 'M03']);
    const series = asArray(option.series);
    expect(series.map((s) => [s.type, s.name])).toEqual([['line', 'S'], ['line', 'M'], ['bar', 'N']]);
    expect(series[0]!.data).toEqual([50, null, 100]);
    expect(series[2]!.data).toEqual([3, 0, 7]);
    expect((series[2] as { yAxisIndex: number }).yAxisIndex).toBe(1);
    expect(asArray(option.yAxis as object[])).toHaveLength(2);
    expect((asArray(option.yAxis as object[])[0] as { min: number }).min).toBe(40);
  });

  it('colours each series like the rate cards, the volume last', () => {
    expect(option.color).toEqual([rateColors.onTimeSignRate, rateColors.satisfactionRate, '#bfbfbf']);
  });
});
