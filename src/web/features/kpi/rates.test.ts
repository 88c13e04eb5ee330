// Tests of rate formatting: one decimal, "—" without a denominator, scores, gaps to a target, counts, sorting with empty rates last.
import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { compareNullsLast, formatRate, formatScore, gapToTarget, rateFraction, ratePercent } from './rates.ts';

const row = (over: Partial<KpiRow>): KpiRow => ({
  key: 'k', label: 'L', total: 0, signedOnTime: 0, repliedOnTime: 0, resolved: 0, followedUp: 0, satisfied: 0, signDue: 0, replyDue: 0, replied: 0, rated: 0,
  onTimeSignRate: null, onTimeReplyRate: null, resolutionRate: null, followUpRate: null, satisfactionRate: null, ...over,
});

describe('formatRate', () => {
  it('writes percentages with one decimal', () => {
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(0.993)).toBe('99.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
  });
  it('writes a dash for a rate without denominator', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});

describe('ratePercent, formatScore, gapToTarget', () => {
  it('turn 0..1 into percent or points with one decimal', () => {
    expect(ratePercent(0.12345)).toBe(12.3);
    expect(ratePercent(null)).toBeNull();
    expect(formatScore(0.925)).toBe('92.5');
    expect(formatScore(null)).toBe('—');
  });
  it('gives the gap to a target in percentage points', () => {
    expect(gapToTarget(0.98, 0.993)).toBe(-1.3);
    expect(gapToTarget(1, 0.993)).toBe(0.7);
    expect(gapToTarget(null, 0.993)).toBeNull();
  });
});

describe('rateFraction', () => {
  it('shows the numerator and denominator of each rate', () => {
    const r = row({ signedOnTime: 3, signDue: 4, resolved: 5, replied: 6, satisfied: 1, rated: 2 });
    expect(rateFraction(r, 'onTimeSignRate')).toBe('3/4');
    expect(rateFraction(r, 'resolutionRate')).toBe('5/6');
    expect(rateFraction(r, 'satisfactionRate')).toBe('1/2');
  });
});

describe('compareNullsLast', () => {
  const values = [0.5, null, 0.9, 0.1, null];
  /** What antd does: the comparison, negated for a descending sort. */
  const sortLike = (order: 'ascend' | 'descend') =>
    [...values].sort((a, b) => (order === 'descend' ? -1 : 1) * compareNullsLast(a, b, order));
  it('keeps empty rates last in both directions', () => {
    expect(sortLike('ascend')).toEqual([0.1, 0.5, 0.9, null, null]);
    expect(sortLike('descend')).toEqual([0.9, 0.5, 0.1, null, null]);
  });
});
