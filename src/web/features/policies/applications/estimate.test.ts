// Tests of the approve dialog's default amount: fixed, a rate of a figure rounded down to the fen and capped, relative years, missing figures.
import { describe, expect, it } from 'vitest';
import { estimateWan } from './estimate.ts';

const figures = [
  { year: 2025, revenue: '4800', headcount: 120, assets: '9000', taxPaid: '210.5' },
  { year: 2024, revenue: '12000', headcount: 100, assets: null, taxPaid: null },
];

describe('estimateWan', () => {
  it('gives a fixed amount as it is, and nothing without an amount', () => {
    expect(estimateWan({ kind: 'subsidy', amount: { type: 'fixed', wan: '50' } }, [], 2026)).toBe('50');
    expect(estimateWan({ kind: 'service', amount: null }, figures, 2026)).toBeNull();
  });

  it('takes the rate of the figure of the year, capped', () => {
    const revenue = (capWan: string | null) => ({ kind: 'subsidy' as const, amount: { type: 'formula' as const, figure: 'revenue' as const, year: { absolute: 2025 }, ratePercent: '0.5', capWan } });
    expect(estimateWan(revenue('30'), figures, 2026)).toBe('24');
    expect(estimateWan(revenue('20'), figures, 2026)).toBe('20');
    expect(estimateWan({ kind: 'subsidy', amount: { type: 'formula', figure: 'tax', year: { relative: -1 }, ratePercent: '10' } }, figures, 2026)).toBe('21.05');
    expect(estimateWan({ kind: 'subsidy', amount: { type: 'formula', figure: 'headcount', year: { relative: -2 }, ratePercent: '1.5' } }, figures, 2026)).toBe('1.5');
  });

  it('gives nothing when the figure is missing', () => {
    expect(estimateWan({ kind: 'subsidy', amount: { type: 'formula', figure: 'assets', year: { absolute: 2024 }, ratePercent: '1' } }, figures, 2026)).toBeNull();
    expect(estimateWan({ kind: 'subsidy', amount: { type: 'formula', figure: 'revenue', year: { absolute: 2019 }, ratePercent: '1' } }, figures, 2026)).toBeNull();
  });
});
