// Which years the calendar covers, and whether next year's official schedule is still missing.
import type { Executor } from '../../db/transaction.ts';
import type { CalendarStatus } from '../../../shared/schemas/index.ts';
import { listKnownYears } from './calendar.repository.ts';
import { shanghaiYearOf } from './working-days.ts';

/** Missing: every year from the first known one (or this year) to next year that has no schedule. */
export function statusOf(knownYears: readonly number[], now: Date): CalendarStatus {
  const years = [...new Set(knownYears)].sort((a, b) => a - b);
  const known = new Set(years);
  const currentYear = shanghaiYearOf(now);
  const firstYear = Math.min(years[0] ?? currentYear, currentYear);
  const missingYears: number[] = [];
  for (let year = firstYear; year <= currentYear + 1; year++) if (!known.has(year)) missingYears.push(year);
  return { years, currentYear, nextYearMissing: !known.has(currentYear + 1), missingYears };
}

export async function calendarStatus(db: Executor, now: Date): Promise<CalendarStatus> {
  return statusOf(await listKnownYears(db), now);
}
