// Tests of the ledger's chart options: one bar per group with its amount and count, one point per month.
import { describe, expect, it } from 'vitest';
import { shortLabel } from '../../kpi/chart-options.ts';
import { everyMonth, ledgerBarOption, ledgerMonthOption } from './ledger-chart-options.ts';

const groups = [
  { key: 'p1', label: '湖州市专精特新中小企业一次性奖励（免申即享）', count: 3, total: '150' },
  { key: 'p2', label: '吴兴区营收奖励', count: 1, total: '12.5' },
];

describe('ledger charts', () => {
  it('draw the amount of each group as a bar, and the count on its own axis', () => {
    const option = ledgerBarOption({ groups, amountName: '金额', countName: '笔数', care: false });
    const series = option.series as Array<{ name: string; data: number[]; yAxisIndex?: number }>;
    expect((option.xAxis as { data: string[] }).data).toEqual(['湖州市专精特新中小企业…', '吴兴区营收奖励']);
    const department = ledgerBarOption({ groups: [{ key: '湖州市经济和信息化局（经信局）', label: '湖州市经济和信息化局（经信局）', count: 1, total: '1' }], amountName: '金额', countName: '笔数', care: false, label: (g) => shortLabel(g.label) });
    expect((department.xAxis as { data: string[] }).data).toEqual(['经信局']);
    expect(series[0]).toMatchObject({ name: '金额', data: [150, 12.5] });
    expect(series[1]).toMatchObject({ name: '笔数', data: [3, 1], yAxisIndex: 1 });
  });
  it('draw the amount by month as a line', () => {
    const option = ledgerMonthOption({ groups: [{ key: '2026-10', label: '2026-10', count: 2, total: '100' }, { key: '2026-11', label: '2026-11', count: 1, total: '50' }], amountName: '金额', countName: '笔数', care: true });
    const series = option.series as Array<{ type: string; data: number[] }>;
    expect(series[0]).toMatchObject({ type: 'line', data: [100, 50] });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-10', '2026-11']);
  });

  it('fill the months without payouts with zero, across a year end', () => {
    const months = everyMonth([{ key: '2026-01', label: '2026-01', count: 2, total: '100' }], '2025-11-15', '2026-02-01');
    expect(months.map((m) => [m.key, m.total])).toEqual([['2025-11', '0'], ['2025-12', '0'], ['2026-01', '100'], ['2026-02', '0']]);
  });
});
