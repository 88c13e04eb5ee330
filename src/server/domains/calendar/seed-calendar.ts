// Loads chinese-days into the calendar at every start, adding only years the database does not know yet, so administrators' edits and deletions stay.
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { systemContext } from '../../http/context.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listKnownYears } from './calendar.repository.ts';
import { invalidateCalendarCache } from './calendar.service.ts';
import { CHINESE_DAYS_SOURCE, chineseDaysRows, chineseDaysYears, loadChineseDaysData, type ChineseDaysData } from './chinese-days-source.ts';

export interface SeedReport {
  yearsAdded: number[];
  daysAdded: number;
}

export async function seedCalendar(db: Executor, clock: Clock, data: ChineseDaysData = loadChineseDaysData()): Promise<SeedReport> {
  const rows = chineseDaysRows(data);
  const known = new Set(await listKnownYears(db));
  const newYears = new Set(chineseDaysYears(rows).filter((year) => !known.has(year)));
  if (newYears.size === 0) return { yearsAdded: [], daysAdded: 0 };

  const now = clock.now();
  const newRows = rows.filter((row) => newYears.has(Number(row.date.slice(0, 4))));
  const report = await inTransaction(db, async (trx) => {
    // DO NOTHING on both tables: another process may be seeding at the same moment, and rows entered by hand win.
    const days =
      newRows.length === 0
        ? []
        : await trx
            .insertInto('calendar_days')
            .values(newRows.map((row) => ({ ...row, source: CHINESE_DAYS_SOURCE, updated_at: now, updated_by: null })))
            .onConflict((oc) => oc.column('date').doNothing())
            .returning('date')
            .execute();
    const years = await trx
      .insertInto('calendar_years')
      .values([...newYears].map((year) => ({ year, source: CHINESE_DAYS_SOURCE, note: 'chinese-days npm package', created_at: now })))
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .execute();
    const result: SeedReport = { yearsAdded: years.map((y) => y.year).sort((a, b) => a - b), daysAdded: days.length };
    if (result.yearsAdded.length > 0 || result.daysAdded > 0) {
      await recordAudit(trx, systemContext('calendar-seed'), { action: 'calendar.seed', entityType: 'calendar', entityId: CHINESE_DAYS_SOURCE, after: result }, now);
    }
    return result;
  });
  invalidateCalendarCache();
  return report;
}
