// The calendar's storage on a real database: the cache sees other processes' edits, seeding is idempotent and respects administrators, imports are all-or-nothing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/database.ts';
import { openPool, type Db } from '../../db/database.ts';
import { systemContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { fixedClock } from '../../platform/clock.ts';
import { getCalendar } from './calendar.service.ts';
import { importCalendarFile } from './import-calendar.ts';
import { deleteCalendarDay, setCalendarDay } from './manage-calendar.ts';
import { seedCalendar } from './seed-calendar.ts';
import { addWorkingDays } from './working-days.ts';

const clock = fixedClock('2026-11-23T02:00:00Z');
const ctx = systemContext('test');
let database: TestDatabase;
/** A second pool on the same database plays the part of another app process. */
let otherProcess: Db;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  otherProcess = openPool(database.url, 2).db;
  dir = await mkdtemp(path.join(os.tmpdir(), 'qinqing-calendar-'));
});

afterAll(async () => {
  await otherProcess.destroy();
  await database.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const dayAfter = async (db: Db, from: string, n: number) => addWorkingDays(await getCalendar(db), from, n).date;
const countRows = async (db: Db) => Number((await db.selectFrom('calendar_days').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('getCalendar', () => {
  it("sees another process's edit within a few seconds, and its own at once", async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const db = database.db;
    expect(await dayAfter(db, '2026-03-02', 1)).toBe('2026-03-03');

    await otherProcess.updateTable('calendar_days').set({ kind: 'holiday' }).where('date', '=', '2026-02-28').execute();
    await otherProcess
      .insertInto('calendar_days')
      .values({ date: '2026-03-03', kind: 'holiday', name: '测试', source: 'admin', updated_at: new Date(), updated_by: null })
      .execute();
    expect(await dayAfter(db, '2026-03-02', 1)).toBe('2026-03-03'); // still cached
    await db.transaction().execute(async (trx) => expect(await dayAfter(trx as unknown as Db, '2026-03-02', 1)).toBe('2026-03-04'));
    vi.advanceTimersByTime(6_000);
    expect(await dayAfter(db, '2026-03-02', 1)).toBe('2026-03-04');

    await deleteCalendarDay({ db, clock }, ctx, '2026-03-03');
    expect(await dayAfter(db, '2026-03-02', 1)).toBe('2026-03-03');
    await setCalendarDay({ db, clock }, ctx, '2026-02-28', { kind: 'workday', name: '春节' });
  });
});

describe('seedCalendar', () => {
  it('does nothing when every chinese-days year is already known', async () => {
    expect(await seedCalendar(database.db, clock)).toEqual({ yearsAdded: [], daysAdded: 0 });
  });

  it('adds only years the database lacks, keeping what administrators entered or removed', async () => {
    const db = database.db;
    await setCalendarDay({ db, clock }, ctx, '2025-10-08', { kind: 'holiday', name: '国庆节（管理员）' });
    await deleteCalendarDay({ db, clock }, ctx, '2024-10-12'); // a 2024 make-up Saturday, deliberately removed
    await db.deleteFrom('calendar_years').where('year', '=', 2025).execute();
    await db.deleteFrom('calendar_days').where('date', '>=', '2025-01-01').where('date', '<=', '2025-09-30').execute();

    const report = await seedCalendar(db, clock);
    expect(report.yearsAdded).toEqual([2025]);
    expect(report.daysAdded).toBeGreaterThan(20);
    const kept = await db.selectFrom('calendar_days').selectAll().where('date', '=', '2025-10-08').executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ name: '国庆节（管理员）', source: 'admin' });
    expect(await db.selectFrom('calendar_days').select('date').where('date', '=', '2024-10-12').executeTakeFirst()).toBeUndefined();
    const lastSeed = await db.selectFrom('audit_events').select('after').where('action', '=', 'calendar.seed').orderBy('id', 'desc').executeTakeFirst();
    expect(lastSeed).toEqual({ after: report });
    expect(await seedCalendar(db, clock)).toEqual({ yearsAdded: [], daysAdded: 0 });
  });
});

describe('importCalendarFile', () => {
  const file = async (name: string, text: string) => {
    const p = path.join(dir, name);
    await writeFile(p, text);
    return p;
  };
  const csv2027 = ['date,name,type', '2027-01-01,元旦,off', '2027-02-06,春节,makeup_workday', '2027-02-08,春节,off', '2026-02-28,春节,makeup_workday'].join('\n');

  it('writes nothing when any line is bad, and names the lines', async () => {
    const before = await countRows(database.db);
    const bad = await file('bad.csv', `${csv2027}\n2027-02-30,春节,off\n2027-02-09,春节,rest\n`);
    const error = await importCalendarFile(database.db, ctx, bad, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.map((d) => d.path)).toEqual(['line 6', 'line 7']);
    expect(await countRows(database.db)).toBe(before);
    const missing = await importCalendarFile(database.db, ctx, path.join(dir, 'nope.csv'), clock).catch((e: unknown) => e);
    expect((missing as AppError).details[0].path).toBe('file');
  });

  it('upserts the days as source import, publishes the year and audits one event with the counts', async () => {
    const db = database.db;
    expect(() => addWorkingDays({ exceptions: new Map(), knownYears: new Set([2026]) }, '2026-12-31', 1)).toThrow();
    const report = await importCalendarFile(db, ctx, await file('2027.csv', csv2027), clock);
    expect(report).toEqual({ file: '2027.csv', days: 4, inserted: 3, updated: 0, unchanged: 1, years: [2026, 2027], yearsAdded: [2027] });
    expect(await dayAfter(db, '2026-12-31', 1)).toBe('2027-01-04');
    expect(await db.selectFrom('calendar_days').select(['kind', 'source']).where('date', '=', '2027-02-06').executeTakeFirst()).toEqual({
      kind: 'workday',
      source: 'import',
    });
    expect(await db.selectFrom('calendar_years').select(['source', 'note']).where('year', '=', 2027).executeTakeFirst()).toEqual({ source: 'import', note: '2027.csv' });
    const events = await db.selectFrom('audit_events').select(['entity_id', 'after']).where('action', '=', 'calendar.import').execute();
    expect(events).toEqual([{ entity_id: '2027.csv', after: report }]);

    const json = JSON.stringify({ year: 2027, days: [{ name: '元旦节', date: '2027-01-01', isOffDay: true }] });
    const again = await importCalendarFile(db, ctx, await file('2027.json', json), clock);
    expect(again).toMatchObject({ days: 1, inserted: 0, updated: 1, unchanged: 0, yearsAdded: [] });
  });

  it('refuses an empty holiday-cn year file instead of publishing the year', async () => {
    const empty = await file('2028.json', JSON.stringify({ year: 2028, papers: [], days: [] }));
    await expect(importCalendarFile(database.db, ctx, empty, clock)).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await database.db.selectFrom('calendar_years').select('year').where('year', '=', 2028).executeTakeFirst()).toBeUndefined();
  });
});
