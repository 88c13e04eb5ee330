// The board's measures: their order, which are shown in care mode, which numbers are bad enough to show in red, and the totals.
import type { BoardMeasures } from '../../../shared/schemas/index.ts';

export type MeasureKey = keyof BoardMeasures;

export const measureKeys: readonly MeasureKey[] = ['total', 'overdue', 'supervised', 'returns', 'repeatedReturns', 'extensionRequests', 'extensionsApproved', 'badRatings'];
/** The measures a calm screen keeps (care mode): lateness, supervision and unhappy enterprises. */
export const careMeasures: readonly MeasureKey[] = ['overdue', 'supervised', 'badRatings'];

/** Any of these is a failure towards an enterprise: one is already too many. */
const failures: ReadonlySet<MeasureKey> = new Set(['overdue', 'repeatedReturns', 'badRatings']);
/** These happen in a healthy loop too; they are bad where they are more frequent than across the board. */
const signals: ReadonlySet<MeasureKey> = new Set(['supervised', 'returns', 'extensionRequests']);

export function boardTotals(rows: readonly BoardMeasures[]): BoardMeasures {
  const sum = Object.fromEntries(measureKeys.map((key) => [key, 0])) as BoardMeasures;
  for (const row of rows) for (const key of measureKeys) sum[key] += row[key];
  return sum;
}

/**
 * Whether a row's figure is shown in red: failures whenever they occur; signals when their rate per
 * appeal is above the board's (so one busy department is not red just for being big).
 */
export function isBad(key: MeasureKey, row: BoardMeasures, totals: BoardMeasures): boolean {
  const value = row[key];
  if (value <= 0) return false;
  if (failures.has(key)) return true;
  if (!signals.has(key)) return false;
  if (row.total === 0 || totals.total === 0) return true;
  return value / row.total > totals[key] / totals.total;
}

export type ItemState = 'open' | 'escalated' | 'resolved';

/** A supervision item is resolved when its stage was met, escalated once past its escalation time, else open. */
export function itemState(item: { resolvedAt: string | null; escalatedAt: string | null }): ItemState {
  if (item.resolvedAt) return 'resolved';
  return item.escalatedAt ? 'escalated' : 'open';
}
