// `qinqing calendar import <file>`: writes a parsed holiday file as source 'import' and marks its years known — all of it, or nothing if any line is bad.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { invalidateCalendarCache } from './calendar.service.ts';
import { parseCalendarFile, type FileDay } from './parse-calendar-file.ts';

export const IMPORT_SOURCE = 'import';
/** Rows per INSERT, well under PostgreSQL's 65535 parameters. */
const CHUNK = 1000;

export interface ImportReport {
  file: string;
  days: number;
  inserted: number;
  updated: number;
  unchanged: number;
  years: number[];
  yearsAdded: number[];
}

export async function importCalendarFile(db: Executor, ctx: RequestContext, filePath: string, clock: Clock = systemClock): Promise<ImportReport> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw invalid('file', `无法读取文件 / cannot read ${filePath}: ${(error as Error).message}`);
  }
  const file = path.basename(filePath);
  const parsed = parseCalendarFile(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    throw new AppError(
      'validation_failed',
      `${file}: ${n} 处错误，未写入任何数据 / ${n} bad line(s), nothing written`,
      parsed.problems.map((p) => ({ path: p.where, message: p.reason })),
    );
  }
  const report = await writeCalendarFile(db, ctx, clock.now(), file, parsed.days, parsed.years);
  invalidateCalendarCache();
  return report;
}

async function writeCalendarFile(db: Executor, ctx: RequestContext, now: Date, file: string, days: FileDay[], years: number[]): Promise<ImportReport> {
  return inTransaction(db, async (trx) => {
    const existing = new Map<string, { kind: string; name: string }>();
    for (let i = 0; i < days.length; i += CHUNK) {
      const dates = days.slice(i, i + CHUNK).map((d) => d.date);
      const rows = await trx.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('date', 'in', dates).forUpdate().execute();
      for (const row of rows) existing.set(row.date, row);
    }
    const changed = days.filter((d) => {
      const before = existing.get(d.date);
      return !before || before.kind !== d.kind || before.name !== d.name;
    });
    const updatedBy = ctx.actor?.userId ?? null;
    for (let i = 0; i < changed.length; i += CHUNK) {
      await trx
        .insertInto('calendar_days')
        .values(changed.slice(i, i + CHUNK).map((d) => ({ ...d, source: IMPORT_SOURCE, updated_at: now, updated_by: updatedBy })))
        .onConflict((oc) =>
          oc.column('date').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            name: eb.ref('excluded.name'),
            source: IMPORT_SOURCE,
            updated_at: now,
            updated_by: updatedBy,
          })),
        )
        .execute();
    }
    const added = await trx
      .insertInto('calendar_years')
      .values(years.map((year) => ({ year, source: IMPORT_SOURCE, note: file, created_at: now })))
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .execute();
    const inserted = changed.filter((d) => !existing.has(d.date)).length;
    const report: ImportReport = {
      file,
      days: days.length,
      inserted,
      updated: changed.length - inserted,
      unchanged: days.length - changed.length,
      years,
      yearsAdded: added.map((r) => r.year).sort((a, b) => a - b),
    };
    await recordAudit(trx, ctx, { action: 'calendar.import', entityType: 'calendar', entityId: file, after: report }, now);
    return report;
  });
}
