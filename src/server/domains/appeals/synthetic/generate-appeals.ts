// `qinqing seed --synthetic-appeals N`: N appeals over the last three years, simulated with the live clock rules and written in large batches (benchmarks, demos).
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../../db/database.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { systemContext } from '../../../http/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { copyFrom, copyText } from './copy-rows.ts';
import { Rng } from './prng.ts';
import { buildBatch, submissionTimes, type Batch } from './synthetic-batch.ts';
import type { SyntheticAlert, SyntheticAppealRow, SyntheticEvent, SyntheticExtension, SyntheticSupervision } from './lifecycle.ts';
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
  supervisions: number;
  enterprisesCreated: number;
  enterprisesUsed: number;
  from: string | null;
  to: string;
  statuses: Record<string, number>;
  ms: number;
}

const appealColumns: ReadonlyArray<keyof SyntheticAppealRow & string> = [
  'id', 'number', 'title', 'content', 'status', 'channel', 'source_note', 'category_id', 'urgency', 'enterprise_id', 'contact_name', 'contact_phone', 'region_unit_id',
  'district_unit_id', 'submitted_at', 'submitted_by', 'lead_department_id', 'co_department_ids', 'suggested_department_id', 'handler_id', 'round', 'return_count',
  'reopen_count', 'extension_days', 'reject_reason', 'merged_into_id', 'paused_at', 'paused_ms', 'reply_content', 'resolution', 'replied_at', 'follow_up_at',
  'follow_up_reached', 'follow_up_resolved', 'follow_up_rating', 'enterprise_rating', 'enterprise_rated_at', 'rating', 'closed_at',
  ...(['accept', 'sign', 'reply', 'follow_up'] as const).flatMap((k) => [`${k}_started_at`, `${k}_due_at`, `${k}_met_at`, `${k}_overdue`, `${k}_used_ms`] as const),
  'next_due_at', 'supervised', 'terms', 'version', 'created_at', 'updated_at',
];
const eventColumns: ReadonlyArray<keyof SyntheticEvent & string> = ['appeal_id', 'at', 'actor_id', 'actor_unit_id', 'action', 'from_status', 'to_status', 'note', 'data', 'internal'];
const extensionColumns: ReadonlyArray<keyof SyntheticExtension & string> = ['id', 'appeal_id', 'round', 'working_days', 'reason', 'requested_by', 'requested_at', 'decision', 'decided_by', 'decided_at', 'deny_reason'];
const supervisionColumns: ReadonlyArray<keyof SyntheticSupervision & string> = [
  'id', 'number', 'appeal_id', 'clock', 'round', 'reason', 'note', 'registered_at', 'registered_by', 'department_id', 'escalate_at', 'escalated_at', 'resolved_at',
];
const alertColumns: ReadonlyArray<keyof SyntheticAlert & string> = ['appeal_id', 'clock', 'round', 'level', 'at'];

/** The batch as COPY text, built before the previous batch has finished writing. */
function serialise(batch: Batch) {
  return [
    { table: 'appeals', columns: appealColumns, text: copyText(batch.rows, appealColumns) },
    { table: 'appeal_events', columns: eventColumns, text: copyText(batch.events, eventColumns) },
    { table: 'appeal_extensions', columns: extensionColumns, text: copyText(batch.extensions, extensionColumns) },
    { table: 'appeal_supervisions', columns: supervisionColumns, text: copyText(batch.supervisions, supervisionColumns) },
    { table: 'appeal_clock_alerts', columns: alertColumns, text: copyText(batch.alerts, alertColumns) },
  ].filter((t) => t.text.length > 0);
}

async function writeBatch(client: pg.ClientBase, tables: ReturnType<typeof serialise>): Promise<void> {
  for (const t of tables) await copyFrom(client, t.table, t.columns, t.text);
}

/** Supervision numbers as the timer gives them (DB<year>-<sequence>), in order of registration; their timeline rows carry the number. */
async function numberSupervisions(pool: pg.Pool, supervisions: SyntheticSupervision[]): Promise<void> {
  if (supervisions.length === 0) return;
  const { rows } = await pool.query<{ n: string }>(`SELECT nextval('supervision_number_seq')::text AS n FROM generate_series(1, $1)`, [supervisions.length]);
  const numbers = rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  supervisions.forEach((s, i) => {
    s.number = `DB${new Date(s.registered_at.getTime() + 8 * 3_600_000).getUTCFullYear()}-${String(numbers[i]).padStart(6, '0')}`;
    for (const e of s.events) e.data.number = s.number;
  });
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The Kysely handle for reads and the audit event, and the `pg` pool under it for COPY. */
export interface SyntheticDeps {
  db: Db;
  pool: pg.Pool;
  clock: Clock;
}

export async function generateSyntheticAppeals(deps: SyntheticDeps, options: SyntheticOptions): Promise<SyntheticReport> {
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
  const report: SyntheticReport = { appeals: 0, events: 0, extensions: 0, supervisions: 0, enterprisesCreated: created, enterprisesUsed: enterprises.length, from: null, to: now.toISOString(), statuses: {}, ms: 0 };

  // One connection: batch k is written while batch k+1 is simulated; a transaction per `commitEvery` appeals.
  const client = await deps.pool.connect();
  let failed = false;
  try {
    // Bulk data that can be generated again: no need to wait for the WAL flush at each commit.
    await client.query('SET synchronous_commit = off');
    let writing: Promise<void> = Promise.resolve();
    let open = false;
    for (let offset = 0; offset < total; offset += batchSize) {
      const size = Math.min(batchSize, total - offset);
      const { rows: seq } = await deps.pool.query<{ n: string }>(`SELECT nextval('appeal_number_seq')::text AS n FROM generate_series(1, $1)`, [size]);
      const numbers = seq.map((r) => Number(r.n)).sort((a, b) => a - b);
      const batch = await buildBatch({ rng, ids, ctx, enterprises, submittedAt: times.subarray(offset, offset + size), numbers, pause: yieldToIo });
      await numberSupervisions(deps.pool, batch.supervisions);
      const text = serialise(batch);
      await writing;
      if (!open) await client.query('BEGIN');
      const commit = (offset + size) % commitEvery === 0 || offset + size >= total;
      open = !commit;
      writing = (async () => {
        await writeBatch(client, text);
        if (commit) await client.query('COMMIT');
        options.onProgress?.(offset + size, total);
      })();
      // Awaited before the next batch is written; until then a failure must not count as an unhandled rejection.
      writing.catch(() => undefined);
      report.appeals += batch.rows.length;
      report.events += batch.events.length;
      report.extensions += batch.extensions.length;
      report.supervisions += batch.supervisions.length;
      for (const row of batch.rows) report.statuses[row.status] = (report.statuses[row.status] ?? 0) + 1;
    }
    await writing;
  } catch (error) {
    failed = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }

  await sql`ANALYZE enterprises, appeals, appeal_events, appeal_extensions, appeal_supervisions, appeal_clock_alerts`.execute(deps.db);
  report.from = total > 0 ? new Date(times[0]!).toISOString() : null;
  report.ms = Math.round(performance.now() - started);
  await inTransaction(deps.db, (trx) =>
    recordAudit(trx, systemContext('seed-synthetic'), { action: 'appeal.seed-synthetic', entityType: 'appeal', entityId: `synthetic-${seed}`, before: null, after: { ...report, seed } }, now),
  );
  return report;
}
