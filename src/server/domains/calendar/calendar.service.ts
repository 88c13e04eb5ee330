// The per-process WorkingCalendar cache: re-checked against the database's fingerprint every few seconds, so edits made by other processes show up.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rootDatabase, type Executor } from '../../db/transaction.ts';
import { buildWorkingCalendar, type WorkingCalendar } from './working-days.ts';
import { calendarFingerprint, listKnownYears, loadExceptionDays } from './calendar.repository.ts';

const REVALIDATE_MS = 5_000;
const MAX_ENTRIES = 4;

// Keyed by fingerprint, not by connection: a transaction and the pool see the same content under the same key,
// and databases with different content (tests) never share an entry.
const calendars = new Map<string, WorkingCalendar>();
/**
 * Per database (a transaction counts as its pool): the fingerprint last seen and when. Sharing it with transactions is
 * safe because calendar edits never read the calendar inside their own transaction, so a fingerprint seen in one is
 * of committed data; right after a local edit every read re-checks anyway.
 */
const lastChecks = new WeakMap<Kysely<Database>, { fingerprint: string; at: number }>();
// A local edit may still sit inside the caller's transaction when it returns, so for a short while every read re-checks.
let recheckEveryReadUntil = -Infinity;

const monotonicNow = (): number => performance.now();

async function loadCalendar(db: Executor, fingerprint: string): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([loadExceptionDays(db), listKnownYears(db)]);
  const calendar = buildWorkingCalendar(days, years);
  if (calendars.size >= MAX_ENTRIES) calendars.delete(calendars.keys().next().value as string);
  calendars.set(fingerprint, calendar);
  return calendar;
}

export async function getCalendar(db: Executor): Promise<WorkingCalendar> {
  const now = monotonicNow();
  const root = rootDatabase(db);
  const last = lastChecks.get(root);
  if (last && now - last.at < REVALIDATE_MS && now >= recheckEveryReadUntil) {
    const cached = calendars.get(last.fingerprint);
    if (cached) return cached;
  }
  const fingerprint = await calendarFingerprint(db);
  lastChecks.set(root, { fingerprint, at: now });
  return calendars.get(fingerprint) ?? loadCalendar(db, fingerprint);
}

/** Called after every local change to the calendar tables. */
export function invalidateCalendarCache(): void {
  recheckEveryReadUntil = monotonicNow() + REVALIDATE_MS;
}
