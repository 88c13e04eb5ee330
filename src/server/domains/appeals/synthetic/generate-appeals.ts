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
  /** Appeals per transaction (over all writers). */
  commitEvery?: number;
  /** Connections writing at once (default 2). */
  writers?: number;
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
    { table: 'appeals', columns: appealColumns, data: copyText(batch.rows, appealColumns) },
    { table: 'appeal_events', columns: eventColumns, data: copyText(batch.events, eventColumns) },
    { table: 'appeal_extensions', columns: extensionColumns, data: copyText(batch.extensions, extensionColumns) },
    { table: 'appeal_supervisions', columns: supervisionColumns, data: copyText(batch.supervisions, supervisionColumns) },
    { table: 'appeal_clock_alerts', columns: alertColumns, data: copyText(batch.alerts, alertColumns) },
  ].filter((t) => t.data.length > 0);
}

async function writeBatch(client: pg.ClientBase, tables: ReturnType<typeof serialise>): Promise<void> {
  for (const t of tables) await copyFrom(client, t.table, t.columns, t.data);
}

/** Supervision numbers as the timer gives them (DB<year>-<sequence>), in order of registration; their timeline rows carry the number. */
async function numberSupervisions(client: pg.ClientBase, supervisions: SyntheticSupervision[]): Promise<void> {
  if (supervisions.length === 0) return;
  const { rows } = await client.query<{ n: string }>(`SELECT nextval('supervision_number_seq')::text AS n FROM generate_series(1, $1)`, [supervisions.length]);
  const numbers = rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  supervisions.forEach((s, i) => {
    s.number = `DB${new Date(s.registered_at.getTime() + 8 * 3_600_000).getUTCFullYear()}-${String(numbers[i]).padStart(6, '0')}`;
    for (const e of s.events) e.data.number = s.number;
  });
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One connection writing batches in the background: a transaction per `commitEvery` appeals, one batch in flight. */
class Writer {
  private busy: Promise<void> = Promise.resolve();
  private open = false;
  private released = false;
  private sinceCommit = 0;
  private constructor(
    private readonly client: pg.PoolClient,
    private readonly commitEvery: number,
  ) {}

  static async open(pool: pg.Pool, commitEvery: number): Promise<Writer> {
    const client = await pool.connect();
    // Bulk data that can be generated again: no need to wait for the WAL flush at each commit.
    await client.query('SET synchronous_commit = off');
    return new Writer(client, commitEvery);
  }

  /** Waits for the previous batch, then starts writing this one and returns. */
  async write(tables: ReturnType<typeof serialise>, size: number, written: () => void): Promise<void> {
    await this.busy;
    this.busy = (async () => {
      if (!this.open) await this.client.query('BEGIN');
      this.open = true;
      await writeBatch(this.client, tables);
      this.sinceCommit += size;
      if (this.sinceCommit >= this.commitEvery) await this.commit();
      written();
    })();
    // Awaited before the next write; until then a failure must not count as an unhandled rejection.
    this.busy.catch(() => undefined);
  }

  private async commit(): Promise<void> {
    await this.client.query('COMMIT');
    this.open = false;
    this.sinceCommit = 0;
  }

  async finish(): Promise<void> {
    await this.busy;
    if (this.open) await this.commit();
    this.release(false);
  }

  async abort(): Promise<void> {
    if (this.released) return;
    await this.busy.catch(() => undefined);
    if (this.open) await this.client.query('ROLLBACK').catch(() => undefined);
    this.release(true);
  }

  private release(broken: boolean): void {
    if (this.released) return;
    this.released = true;
    this.client.release(broken);
  }
}

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

  // Two writers (the database's work per appeal exceeds the simulation's, and there are two cores): batch k is written while
  // k+1 is simulated; each writer commits every `commitEvery / writers` appeals. A batch holds its merges and timelines whole.
  const writers: Writer[] = [];
  let written = 0;
  // Numbers come through their own connection, so that they never wait behind a COPY (nor for a connection the writers hold).
  const numberer = await deps.pool.connect();
  try {
    const poolSize = (deps.pool as pg.Pool & { options: { max?: number } }).options.max ?? 10;
    const count = Math.max(1, Math.min(options.writers ?? 2, poolSize - 1));
    for (let i = 0; i < count; i++) writers.push(await Writer.open(deps.pool, Math.max(batchSize, commitEvery / count)));
    for (let offset = 0, k = 0; offset < total; offset += batchSize, k++) {
      const size = Math.min(batchSize, total - offset);
      const { rows: seq } = await numberer.query<{ n: string }>(`SELECT nextval('appeal_number_seq')::text AS n FROM generate_series(1, $1)`, [size]);
      const numbers = seq.map((r) => Number(r.n)).sort((a, b) => a - b);
      const batch = await buildBatch({ rng, ids, ctx, enterprises, submittedAt: times.subarray(offset, offset + size), numbers, pause: yieldToIo });
      await numberSupervisions(numberer, batch.supervisions);
      await writers[k % writers.length]!.write(serialise(batch), size, () => options.onProgress?.((written += size), total));
      report.appeals += batch.rows.length;
      report.events += batch.events.length;
      report.extensions += batch.extensions.length;
      report.supervisions += batch.supervisions.length;
      for (const row of batch.rows) report.statuses[row.status] = (report.statuses[row.status] ?? 0) + 1;
    }
    for (const w of writers) await w.finish();
  } catch (error) {
    await Promise.all(writers.map((w) => w.abort()));
    throw error;
  } finally {
    numberer.release();
  }

  // VACUUM as well as ANALYZE: the visibility map a long-lived database has, so that index-only scans work on the new rows at once.
  await sql`VACUUM (ANALYZE) enterprises, appeals, appeal_events, appeal_extensions, appeal_supervisions, appeal_clock_alerts`.execute(deps.db);
  report.from = total > 0 ? new Date(times[0]!).toISOString() : null;
  report.ms = Math.round(performance.now() - started);
  await inTransaction(deps.db, (trx) =>
    recordAudit(trx, systemContext('seed-synthetic'), { action: 'appeal.seed-synthetic', entityType: 'appeal', entityId: `synthetic-${seed}`, before: null, after: { ...report, seed } }, now),
  );
  return report;
}
