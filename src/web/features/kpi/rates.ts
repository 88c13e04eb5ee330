// The five appeal rates: their order, numerators and denominators, and how a rate, a score and a gap to a target are written.
import type { KpiRow } from '../../../shared/schemas/index.ts';

export const rateKeys = ['onTimeSignRate', 'onTimeReplyRate', 'resolutionRate', 'followUpRate', 'satisfactionRate'] as const;
export type RateKey = (typeof rateKeys)[number];

/** The three rates the city is judged by (三率) come first wherever space is short (care mode, the dashboard). */
export const headlineRates: readonly RateKey[] = ['onTimeSignRate', 'resolutionRate', 'satisfactionRate'];

/** Each rate's numerator and denominator in a KPI row (the server's definitions, kpi-workbook.ts). */
export const rateParts: Record<RateKey, { numerator: keyof KpiRow; denominator: keyof KpiRow }> = {
  onTimeSignRate: { numerator: 'signedOnTime', denominator: 'signDue' },
  onTimeReplyRate: { numerator: 'repliedOnTime', denominator: 'replyDue' },
  resolutionRate: { numerator: 'resolved', denominator: 'replied' },
  followUpRate: { numerator: 'followedUp', denominator: 'replied' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'rated' },
};

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

/** `92.5%`, or `—` when the rate has no denominator yet. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${oneDecimal(rate * 100)}%`;
}

/** A rate as a number of percent with one decimal (charts), null kept. */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

/** A ranking score 0..1 written as points out of 100 with one decimal. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return oneDecimal(score * 100);
}

/** Percentage points above (positive) or below (negative) a target, one decimal; null without a rate. */
export function gapToTarget(rate: number | null | undefined, target: number): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round((rate - target) * 1000) / 10;
}

/** `3/4`: the counts behind a rate. */
export function rateFraction(row: KpiRow, key: RateKey): string {
  const { numerator, denominator } = rateParts[key];
  return `${row[numerator]}/${row[denominator]}`;
}

/**
 * A table sorter that keeps the rows without a value last in either direction (antd reverses the
 * comparison for a descending sort and passes the direction as the third argument).
 */
export function compareNullsLast(a: number | null, b: number | null, order?: 'ascend' | 'descend' | null): number {
  if (a === null && b === null) return 0;
  const last = order === 'descend' ? -1 : 1;
  if (a === null) return last;
  if (b === null) return -last;
  return a - b;
}
