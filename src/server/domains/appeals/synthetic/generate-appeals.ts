// `qinqing seed --synthetic-appeals N`: N appeals over the last three years, simulated with the live clock rules and written in large batches (benchmarks, demos).
import { sql, type Kysely } from 'kysely';
import type { Deps } from '../../../deps.ts';
import type { Database } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { systemContext } from '../../../http/context.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { Rng } from './prng.ts';
import { buildBatch, submissionTimes, type Batch } from './synthetic-batch.ts';
import { loadSyntheticContext } from './synthetic-context.ts';
import { ensureSyntheticEnterprises } from './synthetic-enterprises.ts';

export const SYNTHETIC_YEARS = 3;

export interface SyntheticOptions {
  appeals: number;
  seed?: number;
  enterprises?: number;
  /** How far back submissions go (default three years). */
  years?: number;
  /** Appeals per INSERT statement. */
  batchSize?: number;
  /** Appeals per transaction. */
  commitEvery?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SyntheticReport {
  appeals: number;
  events: number;
  extensions: number;
  enterprisesCreated: number;
  enterprisesUsed: number;
  from: string | null;
  to: string;
  statuses: Record<string, number>;
  ms: number;
}

const appealColumns = [
  'id', 'number', 'title', 'content', 'status', 'channel', 'source_note', 'category_id', 'urgency', 'enterprise_id', 'contact_name', 'contact_phone', 'region_unit_id',
  'district_unit_id', 'submitted_at', 'submitted_by', 'lead_department_id', 'co_department_ids', 'suggested_department_id', 'handler_id', 'round', 'return_count',
  'reopen_count', 'extension_days', 'reject_reason', 'merged_into_id', 'paused_at', 'paused_ms', 'reply_content', 'resolution', 'replied_at', 'follow_up_at',
  'follow_up_reached', 'follow_up_resolved', 'follow_up_rating', 'enterprise_rating', 'enterprise_rated_at', 'rating', 'closed_at',
  ...['accept', 'sign', 'reply', 'follow_up'].flatMap((k) => [`${k}_started_at`, `${k}_due_at`, `${k}_met_at`, `${k}_overdue`, `${k}_used_ms`]),
  'next_due_at', 'supervised', 'terms', 'version', 'created_at', 'updated_at',
];
const eventColumns = ['appeal_id', 'at', 'actor_id', 'actor_unit_id', 'action', 'from_status', 'to_status', 'note', 'data', 'internal'];
const extensionColumns = ['id', 'appeal_id', 'round', 'working_days', 'reason', 'requested_by', 'requested_at', 'decision', 'decided_by', 'decided_at', 'deny_reason'];

/** INSERT … SELECT FROM json_populate_recordset: one parameter per statement, each column typed by the table itself. */
function insertJson(db: Kysely<Database>, table: string, columns: readonly string[], rows: readonly object[]) {
  const list = sql.raw(columns.join(', '));
  return sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(db);
}

async function writeBatch(conn: Kysely<Database>, batch: Batch): Promise<void> {
  await insertJson(conn, 'appeals', appealColumns, batch.rows);
  await insertJson(conn, 'appeal_events', eventColumns, batch.events);
  if (batch.extensions.length) await insertJson(conn, 'appeal_extensions', extensionColumns, batch.extensions);
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function generateSyntheticAppeals(deps: Pick<Deps, 'db' | 'clock'>, options: SyntheticOptions): Promise<SyntheticReport> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const total = options.appeals;
  const batchSize = options.batchSize ?? 5000;
  const commitEvery = Math.max(batchSize, options.commitEvery ?? 100_000);
  const now = deps.clock.now();
  const ctx = await loadSyntheticContext(deps.db, now);
  const { enterprises, created } = await ensureSyntheticEnterprises(deps.db, seed, options.enterprises ?? 20_000, ctx.townships, now);
  const rng = new Rng(seed);
  const times = submissionTimes(rng, ctx.cal, now.getTime(), total, options.years ?? SYNTHETIC_YEARS);
  const { rows: last } = await sql<{ n: string }>`SELECT last_value::text AS n FROM appeal_number_seq`.execute(deps.db);
  const ids = new Rng(`${seed}/ids/${last[0]!.n}`);
  const report: SyntheticReport = { appeals: 0, events: 0, extensions: 0, enterprisesCreated: created, enterprisesUsed: enterprises.length, from: null, to: now.toISOString(), statuses: {}, ms: 0 };

  // One connection: batch k is written while batch k+1 is simulated; a transaction per `commitEvery` appeals.
  await deps.db.connection().execute(async (conn) => {
    let writing: Promise<void> = Promise.resolve();
    let open = false;
    try {
      for (let offset = 0; offset < total; offset += batchSize) {
        const size = Math.min(batchSize, total - offset);
        const { rows: seq } = await sql<{ n: string }>`SELECT nextval('appeal_number_seq')::text AS n FROM generate_series(1, ${size})`.execute(deps.db);
        const batch = await buildBatch({ rng, ids, ctx, enterprises, submittedAt: times.subarray(offset, offset + size), numbers: seq.map((r) => Number(r.n)).sort((a, b) => a - b), pause: yieldToIo });
        await writing;
        if (!open) await sql`BEGIN`.execute(conn);
        const commit = (offset + size) % commitEvery === 0 || offset + size >= total;
        open = !commit;
        writing = (async () => {
          await writeBatch(conn, batch);
          if (commit) await sql`COMMIT`.execute(conn);
          options.onProgress?.(offset + size, total);
        })();
        // Awaited before the next batch is written; until then a failure must not count as an unhandled rejection.
        writing.catch(() => undefined);
        report.appeals += batch.rows.length;
        report.events += batch.events.length;
        report.extensions += batch.extensions.length;
        for (const row of batch.rows) report.statuses[row.status] = (report.statuses[row.status] ?? 0) + 1;
      }
      await writing;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });

  await sql`ANALYZE enterprises, appeals, appeal_events, appeal_extensions`.execute(deps.db);
  report.from = total > 0 ? new Date(times[0]!).toISOString() : null;
  report.ms = Math.round(performance.now() - started);
  await inTransaction(deps.db, (trx) =>
    recordAudit(trx, systemContext('seed-synthetic'), { action: 'appeal.seed-synthetic', entityType: 'appeal', entityId: `synthetic-${seed}`, before: null, after: { ...report, seed } }, now),
  );
  return report;
}
