// Benefit amounts: fixed, a capped rate of a yearly figure (relative and absolute years), headcount, missing data, rounding down to the fen.
import { describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from './engine/enterprise-record.ts';
import { benefitFen, fenText } from './benefit-amount.ts';

const record = (figures: EnterpriseRecord['figures']): EnterpriseRecord => ({
  id: 'e', divisionCode: null, industryCode: null, sizeClass: null, foundedOn: null, registeredCapitalWan: null, taxpayerType: null, creditRating: null, figures, tags: [],
});
const year2025 = record([{ year: 2025, headcount: 92, revenueWan: '6150.500000', assetsWan: null, taxWan: '-3' }]);

describe('benefitFen', () => {
  it('gives a fixed amount', () => {
    expect(fenText(benefitFen({ kind: 'subsidy', amount: { type: 'fixed', wan: '50' } }, year2025, '2026-03-01')!)).toBe('50');
  });
  it('applies a rate to the figure of the resolved year, capped, rounded down to the fen', () => {
    const formula = (ratePercent: string, capWan: string | null) => ({ kind: 'subsidy' as const, amount: { type: 'formula' as const, figure: 'revenue' as const, year: { relative: -1 }, ratePercent, capWan } });
    // 6150.5 万元 × 0.5 % = 30.7525 万元
    expect(fenText(benefitFen(formula('0.5', null), year2025, '2026-03-01')!)).toBe('30.7525');
    expect(fenText(benefitFen(formula('0.5', '30'), year2025, '2026-03-01')!)).toBe('30');
    // 6150.5 × 0.000001 % = 0.000061505 万元 → 0.000061 (down to the fen)
    expect(fenText(benefitFen(formula('0.000001', null), year2025, '2026-03-01')!)).toBe('0.000061');
    // As of 2025 the previous year is 2024: no figures, no amount.
    expect(benefitFen(formula('0.5', null), year2025, '2025-12-31')).toBeNull();
  });
  it('uses headcount × 1 万元, treats a negative figure as 0 and a missing one as no amount', () => {
    expect(fenText(benefitFen({ kind: 'subsidy', amount: { type: 'formula', figure: 'headcount', year: { absolute: 2025 }, ratePercent: '10', capWan: null } }, year2025, '2026-01-01')!)).toBe('9.2');
    expect(benefitFen({ kind: 'subsidy', amount: { type: 'formula', figure: 'tax', year: { absolute: 2025 }, ratePercent: '10', capWan: null } }, year2025, '2026-01-01')).toBe(0n);
    expect(benefitFen({ kind: 'subsidy', amount: { type: 'formula', figure: 'assets', year: { absolute: 2025 }, ratePercent: '10', capWan: null } }, year2025, '2026-01-01')).toBeNull();
    expect(benefitFen({ kind: 'service', amount: null }, year2025, '2026-01-01')).toBeNull();
  });
});
