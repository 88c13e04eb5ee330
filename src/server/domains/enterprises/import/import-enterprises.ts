// The enterprise import use case: stream the file, map its columns, check every row, and (unless a dry run) upsert the good rows in batches — every good row, or all-or-nothing — with one audit event.
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { inTransaction, type Executor } from '../../../db/transaction.ts';
import type { RequestContext } from '../../../http/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type {
  ColumnMapping,
  EnterpriseImportError,
  EnterpriseImportMode,
  EnterpriseImportReport,
} from '../../../../shared/schemas/enterprise-import.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { businessDateOf, shanghaiYearOf } from '../../calendar/working-days.ts';
import { looksLikeHeader, planColumns, type ColumnPlan } from './import-columns.ts';
import { checkRow, ReferenceCache, type CheckedRow, type RowRules } from './import-row.ts';
import { ByteMeter, countCsvLines, csvRecords, fileKindOf, xlsxRecords, type RawRecord } from './read-records.ts';
import { UnitCheck } from './unit-check.ts';
import { bulkSettings, createStage, dropStage, finishIndexes, resetBulkSettings, writeBatch, type BatchContext, type BatchOutcome } from './write-batch.ts';

export interface ImportProgress {
  processed: number;
  /** Data rows in the file: exact for csv (an upper bound if quoted cells hold line breaks), estimated from the bytes read for xlsx. */
  total: number | null;
  totalExact: boolean;
  bytesRead: number;
  bytesTotal: number;
  errorCount: number;
  written: number;
}

export interface EnterpriseImportOptions {
  dryRun: boolean;
  mode: EnterpriseImportMode;
  year?: number;
  mapping?: ColumnMapping;
  acceptUnits?: boolean;
  fileName?: string | null;
  /** Rows per staging COPY and upsert. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Every problem as it is found (the report keeps the first MAX_REPORTED_ERRORS). */
  onError?: (error: EnterpriseImportError) => void;
}

export const MAX_REPORTED_ERRORS = 10_000;
const HEADER_SEARCH_ROWS = 10;
const DEFAULT_BATCH = 10_000;
/** Rows checked before the unit decision is taken even when few rows carry figures. */
const UNIT_DECISION_ROWS = 10_000;

class Rollback extends Error {}

export async function importEnterprises(
  deps: { db: Executor; clock: Clock },
  ctx: RequestContext,
  filePath: string,
  options: EnterpriseImportOptions,
): Promise<EnterpriseImportReport> {
  const started = performance.now();
  const at = deps.clock.now();
  const currentYear = shanghaiYearOf(at);
  const rules: RowRules = { today: businessDateOf(at), currentYear, defaultYear: options.year ?? currentYear - 1 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const report: EnterpriseImportReport = {
    dryRun: options.dryRun, mode: options.mode, fileName: options.fileName ?? null, sha256: '', year: rules.defaultYear,
    total: 0, valid: 0, created: 0, updated: 0, unchanged: 0, applied: false, errorCount: 0, errors: [], columns: [], ignoredColumns: [], seconds: 0,
  };
  const addError = (error: EnterpriseImportError) => {
    report.errorCount++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
    options.onError?.(error);
  };
  const finish = () => {
    report.errors.sort((a, b) => a.row - b.row);
    report.seconds = Math.round((performance.now() - started) / 10) / 100;
    return report;
  };
  if (options.year !== undefined && options.year > currentYear) {
    addError({ row: 0, column: null, message: `不能导入未来年份（${options.year}）的数据 / no figures for a future year` });
    return finish();
  }

  const bytesTotal = (await fs.promises.stat(filePath)).size;
  const kind = await fileKindOf(filePath);
  if (kind === 'empty' || kind === 'xls') {
    addError({ row: 0, column: null, message: kind === 'empty' ? '文件为空 / the file is empty' : '不支持旧版 .xls 文件，请另存为 .xlsx 或 .csv / old .xls files are not supported: save as .xlsx or .csv' });
    return finish();
  }
  const lines = kind === 'csv' ? await countCsvLines(filePath) : null;

  const meter = new ByteMeter();
  pipeline(fs.createReadStream(filePath, { highWaterMark: 1 << 20 }), meter, () => undefined);
  const source: AsyncIterable<RawRecord[]> = kind === 'csv' ? csvRecords(meter) : xlsxRecords(meter);

  const refs = new ReferenceCache();
  const unit = new UnitCheck();
  const seen = new Map<string, number>();
  let plan: ColumnPlan | null = null;
  let headerRow = 0;
  let searched = 0;
  let stop = false;
  let unitDecided = false;
  let blocked = options.dryRun;
  let pending: CheckedRow[] = [];
  let written = 0;

  const progress = (final = false) => {
    if (!options.onProgress) return;
    const estimate = lines !== null ? Math.max(report.total, lines - headerRow) : meter.bytes > 0 ? Math.round((report.total * bytesTotal) / meter.bytes) : null;
    options.onProgress({
      processed: report.total,
      total: final ? report.total : estimate,
      totalExact: final || lines !== null,
      bytesRead: meter.bytes,
      bytesTotal,
      errorCount: report.errorCount,
      written,
    });
  };

  const mayWrite = () => !blocked && !(options.mode === 'all-or-nothing' && report.errorCount > 0);

  const decideUnits = () => {
    unitDecided = true;
    const problems = unit.problems({ revenue: plan?.headers.revenue, assets: plan?.headers.assets }, headerRow);
    if (problems.length && !options.acceptUnits) {
      for (const p of problems) addError(p);
      blocked = true;
    }
  };

  const takeRecord = (record: RawRecord) => {
    if (!plan) {
      if (looksLikeHeader(record.values, options.mapping)) {
        const outcome = planColumns(record.values, record.row, options.mapping);
        if (!outcome.ok) {
          for (const e of outcome.errors) addError(e);
          stop = true;
          return;
        }
        plan = outcome.plan;
        headerRow = record.row;
        report.columns = plan.columns;
        report.ignoredColumns = plan.ignoredColumns;
      } else if (++searched >= HEADER_SEARCH_ROWS) {
        addError({ row: 0, column: null, message: '找不到表头：前 10 行中没有一行包含“统一社会信用代码”和“企业名称”等列名 / no header row (统一社会信用代码, 企业名称 …) in the first 10 rows' });
        stop = true;
      }
      return;
    }
    report.total++;
    const checked = checkRow(record.row, record.values, plan, rules, refs);
    if (!checked.ok) {
      for (const e of checked.errors) addError(e);
      return;
    }
    const row = checked.row;
    if (!row.name) {
      addError({ row: row.row, column: plan.headers.name ?? 'name', message: '企业名称为空 / the name is empty' });
      return;
    }
    const first = seen.get(row.uscc);
    if (first !== undefined) {
      addError({ row: row.row, column: plan.headers.uscc ?? 'uscc', message: `统一社会信用代码 ${row.uscc} 与第 ${first} 行重复，本行未导入 / the same credit code as row ${first}; this row is left out` });
      return;
    }
    seen.set(row.uscc, row.row);
    report.valid++;
    unit.add(row);
    pending.push(row);
  };

  /** Reads the whole file; `write` (absent in a dry run) receives batches, up to `parallel` in flight while the next is being read. */
  const readAll = async (write: ((rows: CheckedRow[]) => Promise<void>) | null, parallel = 1) => {
    const running = new Set<Promise<void>>();
    const flush = async (rows: CheckedRow[]) => {
      while (running.size >= parallel) await Promise.race(running);
      if (!write || !mayWrite()) return;
      const writing: Promise<void> = write(rows).finally(() => running.delete(writing));
      writing.catch(() => undefined);
      running.add(writing);
    };
    for await (const records of source) {
      for (const record of records) {
        takeRecord(record);
        if (stop) break;
      }
      if (stop) break;
      if (!unitDecided && (unit.decided || report.valid >= UNIT_DECISION_ROWS)) decideUnits();
      if (unitDecided && !mayWrite()) pending = [];
      while (unitDecided && pending.length >= batchSize) {
        await flush(pending.slice(0, batchSize));
        pending = pending.slice(batchSize);
      }
      progress();
    }
    meter.destroy();
    if (!stop && !plan && report.errorCount === 0) {
      addError({ row: 0, column: null, message: '找不到表头：文件中没有包含“统一社会信用代码”和“企业名称”等列名的行 / no header row (统一社会信用代码, 企业名称 …)' });
    }
    if (plan && !unitDecided) decideUnits();
    if (pending.length && mayWrite()) await flush(pending);
    pending = [];
    await Promise.all(running);
  };

  const batchContext: BatchContext = { at, today: rules.today, actorId: ctx.actor?.userId ?? null };
  const count = (outcome: BatchOutcome, rows: number) => {
    report.created += outcome.created;
    report.updated += outcome.updated;
    report.unchanged += outcome.unchanged;
    written += rows;
  };
  const dbError = (rows: CheckedRow[], error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const where = rows.length === 1 ? null : `第 ${rows[0]!.row}–${rows.at(-1)!.row} 行 / rows ${rows[0]!.row}–${rows.at(-1)!.row}: `;
    addError({ row: rows[0]!.row, column: null, message: `数据库拒绝写入 / the database refused: ${where ?? ''}${message}` });
  };
  const audit = (trx: Parameters<typeof recordAudit>[0]) =>
    recordAudit(trx, ctx, {
      action: 'enterprise.import', entityType: 'enterprise', entityId: 'import', before: null,
      after: {
        file: report.fileName, sha256: meter.digest(), bytes: bytesTotal, mode: options.mode, year: rules.defaultYear,
        total: report.total, valid: report.valid, created: report.created, updated: report.updated, unchanged: report.unchanged, errors: report.errorCount,
      },
    }, at);

  if (options.dryRun) {
    await readAll(null);
  } else if (options.mode === 'all-or-nothing' || deps.db.isTransaction) {
    const owned = !deps.db.isTransaction;
    try {
      await inTransaction(deps.db, async (trx) => {
        await createStage(trx, owned);
        await bulkSettings(trx, true);
        let failed = false;
        await readAll(async (rows) => {
          if (failed) return;
          try {
            count(await writeBatch(trx, rows, batchContext), rows.length);
          } catch (error) {
            // The transaction is aborted now: nothing more can be written, and all of it is rolled back.
            failed = true;
            blocked = true;
            dbError(rows, error);
          }
        });
        if (!owned) await dropStage(trx);
        if (failed || blocked || (options.mode === 'all-or-nothing' && report.errorCount > 0) || written === 0) throw new Rollback();
        report.sha256 = meter.digest();
        await finishIndexes(trx, written);
        await audit(trx);
      });
      report.applied = true;
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      report.created = report.updated = report.unchanged = 0;
    }
  } else {
    // Every good row: each batch commits on its own, so a long import keeps what it has done; a batch the database
    // refuses is split until the refused rows are found and reported. Two connections write alternate batches (the
    // file holds each code once, so they never touch the same rows): the database's index work is most of the cost.
    const pool = deps.db as Kysely<Database>;
    await pool.connection().execute((first) =>
      pool.connection().execute(async (second) => {
        const idle = [first, second];
        for (const conn of idle) {
          await createStage(conn, false);
          await bulkSettings(conn, false);
        }
        const writeSplitting = async (conn: Kysely<Database>, rows: CheckedRow[]): Promise<void> => {
          try {
            const outcome = await conn.transaction().execute((trx) => writeBatch(trx, rows, batchContext));
            count(outcome, rows.length);
          } catch (error) {
            if (rows.length === 1) return dbError(rows, error);
            const half = Math.ceil(rows.length / 2);
            await writeSplitting(conn, rows.slice(0, half));
            await writeSplitting(conn, rows.slice(half));
          }
        };
        try {
          await readAll(async (rows) => {
            const conn = idle.pop()!;
            try {
              await writeSplitting(conn, rows);
            } finally {
              idle.push(conn);
            }
          }, idle.length);
          if (written > 0) await finishIndexes(first, written);
        } finally {
          for (const conn of [first, second]) {
            await dropStage(conn);
            await resetBulkSettings(conn);
          }
        }
      }),
    );
    report.applied = written > 0;
    if (report.applied) {
      report.sha256 = meter.digest();
      await inTransaction(deps.db, (trx) => audit(trx));
    }
  }
  if (!report.sha256) report.sha256 = meter.digest();
  progress(true);
  return finish();
}
