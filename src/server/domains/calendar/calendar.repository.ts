// The calendar tables in SQL: exception days, known years, and a cheap fingerprint of both for cache checks.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import type { CalendarDayRow } from '../../db/schema.ts';
import type { CalendarDayView } from '../../../shared/schemas/index.ts';
import type { DayKind } from './working-days.ts';

export const toCalendarDayView = (row: Pick<CalendarDayRow, 'date' | 'kind' | 'name' | 'source'>): CalendarDayView => ({
  date: row.date,
  kind: row.kind,
  name: row.name,
  source: row.source,
});

export async function loadExceptionDays(db: Executor): Promise<{ date: string; kind: DayKind }[]> {
  return db.selectFrom('calendar_days').select(['date', 'kind']).execute();
}

export async function listKnownYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** Changes whenever any day's date or kind, or the set of known years, changes; a few hundred rows, well under a millisecond. */
export async function calendarFingerprint(db: Executor): Promise<string> {
  const result = await sql<{ days: string | null; years: string | null }>`
    SELECT
      (SELECT md5(string_agg(date::text || kind, ',' ORDER BY date)) FROM calendar_days) AS days,
      (SELECT string_agg(year::text, ',' ORDER BY year) FROM calendar_years) AS years`.execute(db);
  const row = result.rows[0];
  return `${row?.days ?? ''}|${row?.years ?? ''}`;
}

export async function listCalendarDays(db: Executor, year: number): Promise<CalendarDayView[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name', 'source'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return rows.map(toCalendarDayView);
}

export async function findCalendarDay(db: Executor, date: string): Promise<CalendarDayRow | undefined> {
  return db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function countHolidaysInYear(db: Executor, year: number): Promise<number> {
  const row = await db
    .selectFrom('calendar_days')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', 'holiday')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
