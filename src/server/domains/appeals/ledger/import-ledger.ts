// Bulk import of historical appeals: check every row first, then replay each through the real intake and actions at its original times, so clocks and KPIs come out as if handled live.
import type { ActionBody, AppealAction } from '../../../../shared/schemas/appeals.ts';
import type { ImportError, ImportMode, ImportReport } from '../../../../shared/schemas/ledger.ts';
import { inTransaction, type Executor } from '../../../db/transaction.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { performAction } from '../appeal-actions.ts';
import { submitAppeal } from '../submit-appeal.ts';
import { duplicateKey, planLedgerRow, type LedgerLookup, type PlannedAppeal } from './ledger-row.ts';
import { parseLedgerFile, type LedgerSheetRow } from './parse-ledger-file.ts';

export interface ImportOptions {
  dryRun: boolean;
  mode: ImportMode;
  /** For the audit trail and messages. */
  fileName?: string;
  /** Longer files are not imported, only checked (the HTTP upload sets a limit; the CLI does not). */
  maxRows?: number;
}

async function loadLookup(db: Executor, rows: LedgerSheetRow[], now: Date): Promise<LedgerLookup> {
  const usccs = [...new Set(rows.flatMap((r) => (r.cells.uscc === undefined ? [] : [String(r.cells.uscc).trim().toUpperCase()])))];
  const titles = [...new Set(rows.flatMap((r) => (r.cells.title === undefined ? [] : [String(r.cells.title).trim()])))];
  const [units, categories, enterprises, calendar, existing] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'code', 'name']).where('kind', '=', 'department').where('active', '=', true).execute(),
    db.selectFrom('appeal_categories').select(['code', 'name', 'names']).where('active', '=', true).execute(),
    usccs.length ? db.selectFrom('enterprises').select(['id', 'uscc']).where('uscc', 'in', usccs).execute() : [],
    getCalendar(db),
    titles.length ? db.selectFrom('appeals').select(['title', 'submitted_at']).where('title', 'in', titles).execute() : [],
  ]);
  const departments = new Map<string, string>();
  for (const u of units) departments.set(u.name, u.id);
  for (const u of units) departments.set(u.code, u.id);
  const categoryMap = new Map<string, string>();
  for (const c of categories) for (const name of [c.code, c.name, ...Object.values(c.names ?? {})]) categoryMap.set(String(name).toLowerCase(), c.code);
  return {
    now,
    departments,
    categories: categoryMap,
    enterprises: new Map(enterprises.map((e) => [e.uscc, e.id])),
    calendarYears: calendar.knownYears,
    existing: new Set(existing.map((e) => duplicateKey(e.title, e.submitted_at))),
  };
}

/** Submits the appeal and performs its steps, each at its original time, by the importing user with the caller checks skipped. */
async function replay(db: Executor, clock: Clock, ctx: RequestContext, actor: Actor, plan: PlannedAppeal): Promise<void> {
  const deps = { db, clock };
  const appeal = await submitAppeal(deps, ctx, actor, plan.submit, { at: plan.submittedAt, trusted: true, quiet: true });
  for (const step of plan.steps) {
    await performAction(deps, ctx, actor, appeal.id, step.action, step.body as ActionBody<AppealAction>, { at: step.at, trusted: true, quiet: true });
  }
}

const replayError = (plan: PlannedAppeal, error: unknown): ImportError => {
  if (error instanceof AppError) return { row: plan.row, column: null, message: `导入失败：${error.message} / could not be replayed` };
  throw error;
};

/**
 * Reads the file, checks every row, and (unless a dry run) writes: all-or-nothing writes nothing when any row is wrong;
 * valid-rows writes each good row in its own transaction and reports the others.
 */
export async function importLedger(deps: { db: Executor; clock: Clock }, ctx: RequestContext, actor: Actor, file: Buffer, options: ImportOptions): Promise<ImportReport> {
  const { db, clock } = deps;
  const now = clock.now();
  const report: ImportReport = { dryRun: options.dryRun, mode: options.mode, total: 0, imported: 0, valid: 0, errors: [], ignoredColumns: [] };
  const parsed = await parseLedgerFile(file);
  if (!parsed.ok) return { ...report, errors: [parsed.error] };
  const { rows, headers, ignoredColumns } = parsed.ledger;
  report.total = rows.length;
  report.ignoredColumns = ignoredColumns;
  // A dry run checks a file of any size, and says so when the real import would be refused for its length.
  const tooLong: ImportError | null =
    options.maxRows !== undefined && rows.length > options.maxRows
      ? { row: 0, column: null, message: `一次最多导入 ${options.maxRows} 行（本文件 ${rows.length} 行），请拆分文件或使用命令行 qinqing appeals import / at most ${options.maxRows} rows per upload` }
      : null;
  if (tooLong && !options.dryRun) return { ...report, errors: [tooLong] };
  if (tooLong) report.errors.push(tooLong);

  const lookup = await loadLookup(db, rows, now);
  const seen = new Map<string, number>();
  const plans: PlannedAppeal[] = [];
  for (const row of rows) {
    const outcome = planLedgerRow(row, headers, lookup);
    if (!outcome.ok) {
      report.errors.push(...outcome.errors);
      continue;
    }
    const key = duplicateKey(outcome.plan.submit.title, outcome.plan.submittedAt);
    const first = seen.get(key);
    if (first !== undefined) {
      report.errors.push({ row: row.row, column: null, message: `与第 ${first} 行标题和受理时间相同，疑似重复 / same title and time as row ${first}` });
      continue;
    }
    seen.set(key, row.row);
    plans.push(outcome.plan);
  }
  report.valid = plans.length;
  if (options.dryRun || plans.length === 0 || (options.mode === 'all-or-nothing' && report.errors.length > 0)) return report;

  const audit = (trx: Parameters<typeof recordAudit>[0], imported: number) =>
    recordAudit(trx, ctx, { action: 'appeal.import', entityType: 'appeal', entityId: 'ledger', before: null, after: { file: options.fileName ?? null, mode: options.mode, total: rows.length, imported, rejected: rows.length - imported } }, now);

  if (options.mode === 'all-or-nothing') {
    let failed: ImportError | null = null;
    try {
      await inTransaction(db, async (trx) => {
        for (const plan of plans) {
          try {
            await replay(trx, clock, ctx, actor, plan);
          } catch (error) {
            failed = replayError(plan, error);
            throw error;
          }
        }
        await audit(trx, plans.length);
      });
      report.imported = plans.length;
    } catch (error) {
      if (!failed) throw error;
      report.errors.push(failed);
    }
    return report;
  }

  for (const plan of plans) {
    try {
      await inTransaction(db, (trx) => replay(trx, clock, ctx, actor, plan));
      report.imported++;
    } catch (error) {
      report.errors.push(replayError(plan, error));
    }
  }
  await inTransaction(db, (trx) => audit(trx, report.imported));
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}
