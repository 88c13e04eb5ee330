// Group commit for HTTP intake: submissions that arrive while earlier ones are being written share the next transaction, so a busy intake pays one set of round trips and one commit per batch instead of per appeal.
import { CompiledQuery, Kysely, PostgresDialect, sql, type QueryCreator, type Transaction } from 'kysely';
import type pg from 'pg';
import { poolOf } from '../../../db/database.ts';
import { inlineParameters } from '../../../db/inline-sql.ts';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { replay, type IdempotencyClaim, type Outcome } from '../../../http/idempotency.ts';
import { chainAuditEntries, chainsOf, insertAuditCte, updateHeadsCte, type AuditEntry, type AuditRowsCreator } from '../../audit/audit.repository.ts';
import { intakeView, notifyIntake } from '../submit-appeal.ts';
import { intakeAuditAfter, intakeRows, type IntakeEnterprise, type IntakePlan, type IntakeRows } from './intake-plan.ts';

interface IntakeJob {
  plan: IntakePlan;
  ctx: RequestContext;
  claim: IdempotencyClaim | undefined;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

type JobResult = { kind: 'created'; outcome: Outcome } | { kind: 'refused'; error: unknown } | { kind: 'taken' };

export interface IntakeBatcherOptions {
  /** Most submissions written in one transaction. */
  maxBatch: number;
  /** Transactions writing at once (each holds one pooled connection). */
  maxInFlight: number;
}

const claimKey = (claim: IdempotencyClaim) => `${claim.scope}\u0000${claim.key}`;

/**
 * A submission waits only while a batch is already being written (no timer): alone it is written at once, under load
 * the waiting ones go together. Every submission is answered only after its transaction commits. A batch that fails
 * as a whole is written again one submission per transaction, so one bad submission cannot fail its neighbours.
 */
export class IntakeBatcher {
  private readonly queue: IntakeJob[] = [];
  private inFlight = 0;
  /** Transactions written and submissions in them (a batch retried one by one counts each retry). */
  readonly stats = { batches: 0, submissions: 0, retriedAlone: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: IntakeBatcherOptions = { maxBatch: 64, maxInFlight: 1 },
  ) {}

  submit(plan: IntakePlan, ctx: RequestContext, claim: IdempotencyClaim | undefined): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ plan, ctx, claim, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting submissions, at most one per Idempotency-Key (a repeat waits for the next batch and is replayed there). */
  private takeBatch(): IntakeJob[] {
    const batch: IntakeJob[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.options.maxBatch; ) {
      const job = this.queue[i]!;
      const key = job.claim ? claimKey(job.claim) : undefined;
      if (key && keys.has(key)) {
        i++;
        continue;
      }
      if (key) keys.add(key);
      batch.push(job);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async write(batch: IntakeJob[]): Promise<void> {
    let results: JobResult[];
    this.stats.batches++;
    this.stats.submissions += batch.length;
    try {
      results = await onConnection(poolOf(this.db), (client) => writeBatch(this.db, client, batch));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      this.stats.retriedAlone += batch.length;
      await Promise.all(batch.map((job) => this.write([job])));
      return;
    }
    await Promise.all(batch.map((job, i) => this.settle(job, results[i]!)));
  }

  private async settle(job: IntakeJob, result: JobResult): Promise<void> {
    if (result.kind === 'created') return job.resolve(result.outcome);
    if (result.kind === 'refused') return job.reject(result.error);
    try {
      const claim = job.claim!;
      const first = await replay(this.db, claim.scope, claim.key, claim.requestHash);
      if (first) return job.resolve(first);
      // The first request under this key was rolled back after we saw it: this one may go ahead.
      this.queue.push(job);
      this.pump();
    } catch (error) {
      job.reject(error);
    }
  }
}

/**
 * Two round trips however large the batch, each carrying its statements as one simple-protocol message:
 * (1) BEGIN, then claim the keys, read the enterprises, lock the audit chains' heads and draw the numbers;
 * (2) insert the appeals, their first events, the audit events, the new chain heads and each key's answer (and release
 * the keys of refused submissions), then COMMIT. Between them a batch waits for nothing but this process's own work.
 * An urgent appeal's notifications need reads of their own, so a batch holding one commits in a round trip of its own.
 */
async function writeBatch(db: Kysely<Database>, client: pg.PoolClient, batch: readonly IntakeJob[]): Promise<JobResult[]> {
  const audits: AuditEntry[] = batch.map(({ plan, ctx }) => ({ ctx, at: plan.at, input: { action: 'appeal.submit', entityType: 'appeal', entityId: plan.id, before: null, after: null } }));
  const chains = chainsOf(audits);
  const { claimed, enterprises, heads, numbers } = await prepareBatch(db, client, batch, chains);
  const results: (JobResult | undefined)[] = new Array(batch.length);
  const accepted: { index: number; rows: IntakeRows; enterprise: IntakeEnterprise | undefined }[] = [];
  batch.forEach((job, index) => {
    if (job.claim && !claimed.has(claimKey(job.claim))) {
      results[index] = { kind: 'taken' };
      return;
    }
    const enterprise = job.plan.enterpriseId ? enterprises.get(job.plan.enterpriseId) : undefined;
    try {
      const rows = intakeRows(job.plan, enterprise, numbers[index]!);
      audits[index]!.input.after = intakeAuditAfter(job.plan, rows.appeal.number as string);
      accepted.push({ index, rows, enterprise });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[index] = { kind: 'refused', error };
    }
  });

  // The answers are made from the rows as they will be stored, so they go into the same statement as the rows. A view
  // reads nothing for an enterprise, and for staff only their organisational scope (outside this transaction is fine).
  const answers: { claim: IdempotencyClaim; outcome: Outcome }[] = [];
  for (const { index, rows, enterprise } of accepted) {
    const job = batch[index]!;
    const outcome = { status: 201, body: await intakeView(db, job.plan, rows.row, enterprise) };
    results[index] = { kind: 'created', outcome };
    if (job.claim) answers.push({ claim: job.claim, outcome });
  }
  const released = batch.flatMap((job, i) => (job.claim && results[i]?.kind === 'refused' ? [job.claim] : []));
  let write: CompiledQuery | null = null;
  if (accepted.length > 0) {
    const audit = chainAuditEntries(
      accepted.map(({ index }) => audits[index]!),
      accepted.map(({ index }) => chains[index]!),
      heads,
    );
    write = db
      .with('a', (q) => q.insertInto('appeals').values(accepted.map((a) => a.rows.appeal)))
      .with('e', (q) => q.insertInto('appeal_events').values(accepted.map((a) => a.rows.event)))
      .with('audit_rows', (q) => insertAuditCte(q as unknown as QueryCreator<Database>, audit))
      .with('heads', (q) => updateHeadsCte(q as unknown as AuditRowsCreator, audit))
      .with('answers', (q) => storeAnswers(q as unknown as QueryCreator<Database>, answers) as never)
      .with('released', (q) => releaseKeys(q as unknown as QueryCreator<Database>, released) as never)
      .selectFrom('audit_rows')
      .select('id')
      .compile();
  } else if (released.length > 0) {
    write = releaseKeys(db, released).compile();
  }
  const notifying = accepted.filter(({ index }) => batch[index]!.plan.urgency === 'urgent' && !batch[index]!.plan.quiet);
  if (notifying.length === 0) {
    await client.query(write ? `${inlineParameters(write)};\nCOMMIT` : 'COMMIT');
    return results as JobResult[];
  }
  if (write) await client.query(inlineParameters(write));
  const trx = kyselyOn(client) as unknown as Transaction<Database>;
  for (const { index, rows } of notifying) await notifyIntake(trx, batch[index]!.plan, rows.row);
  await client.query('COMMIT');
  return results as JobResult[];
}

/**
 * Runs `work` on one pooled connection that `work` itself opens a transaction on (BEGIN travels with its first
 * statement); rolls back on failure. A connection that failed mid-way is discarded rather than returned to the pool.
 */
async function onConnection<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await work(client);
    client.release();
    return result;
  } catch (error) {
    let broken: Error | undefined;
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    client.release(broken);
    throw error;
  }
}

/** A Kysely that runs every query on this one connection (inside the caller's transaction), for code written for Kysely. */
function kyselyOn(client: pg.PoolClient): Kysely<Database> {
  const borrowed = { query: client.query.bind(client), release: () => undefined };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => borrowed, end: async () => undefined } as never }) });
}

/** Each claimed key's answer (a no-op statement when there are none, so it can always sit in the batch's statement). */
function storeAnswers(db: QueryCreator<Database>, answers: readonly { claim: IdempotencyClaim; outcome: Outcome }[]) {
  const values = answers.length
    ? sql.join(answers.map(({ claim, outcome }) => sql`(${claim.scope}, ${claim.key}, ${outcome.status}::int, ${JSON.stringify(outcome.body)}::jsonb)`))
    : sql`(NULL::text, NULL::text, NULL::int, NULL::jsonb)`;
  return db
    .updateTable('idempotency_keys')
    .from(sql<{ scope: string; key: string; status: number; response: unknown }>`(SELECT * FROM (VALUES ${values}) AS x(scope, key, status, response))`.as('v'))
    .set({ status_code: sql<number>`v.status`, response: sql<string>`v.response` })
    .whereRef('idempotency_keys.scope', '=', 'v.scope')
    .whereRef('idempotency_keys.key', '=', 'v.key');
}

/** Gives back the keys of refused submissions, so the corrected request can use them. */
function releaseKeys(db: QueryCreator<Database>, released: readonly IdempotencyClaim[]) {
  return db
    .deleteFrom('idempotency_keys')
    .where((eb) => (released.length ? eb.or(released.map((c) => eb.and([eb('scope', '=', c.scope), eb('key', '=', c.key)]))) : eb.val(false)));
}

type PrepareRow = { kind: 'claim' | 'enterprise' | 'head' | 'number'; a: string; b: string | null; c: string | null };

/** One round trip, opening the transaction: claims, enterprises, locked heads, one number per submission. */
async function prepareBatch(db: Kysely<Database>, client: pg.PoolClient, batch: readonly IntakeJob[], chains: readonly number[]) {
  const claims = batch.flatMap((job) => (job.claim ? [job.claim] : []));
  const enterpriseIds = [...new Set(batch.flatMap((job) => (job.plan.enterpriseId ? [job.plan.enterpriseId] : [])))];
  const now = new Date();
  const claimRows = sql.join(claims.map((c) => sql`(${c.scope}, ${c.key}, ${c.method}, ${c.path}, ${c.requestHash}, 0, NULL::jsonb, ${now}::timestamptz)`));
  // A key already used, or held by a transaction that has not committed (which this statement then waits for), is not returned.
  const claimCte = claims.length
    ? sql`INSERT INTO idempotency_keys (scope, key, method, path, request_hash, status_code, response, created_at) VALUES ${claimRows}
        ON CONFLICT (scope, key) DO NOTHING RETURNING scope, key`
    : sql`SELECT NULL::text AS scope, NULL::text AS key WHERE false`;
  const prepare = sql<PrepareRow>`
    WITH claimed AS (${claimCte}),
    heads AS (SELECT chain, hash FROM audit_chain_heads WHERE chain = ANY(${sql.val([...new Set(chains)])}::int[]) ORDER BY chain FOR UPDATE)
    SELECT 'claim' AS kind, scope AS a, key AS b, NULL AS c FROM claimed
    UNION ALL SELECT 'enterprise', id::text, name, division_code FROM enterprises WHERE id = ANY(${sql.val(enterpriseIds)}::uuid[])
    UNION ALL SELECT 'head', chain::text, hash, NULL FROM heads
    UNION ALL SELECT 'number', nextval('appeal_number_seq')::text, NULL, NULL FROM generate_series(1, ${batch.length}::int)`.compile(db);
  const answered = (await client.query(`BEGIN;\n${inlineParameters(prepare)}`)) as unknown as pg.QueryResult[];
  const rows = answered[1]!.rows as PrepareRow[];
  const claimed = new Set<string>();
  const enterprises = new Map<string, IntakeEnterprise>();
  const heads = new Map<number, string>();
  const numbers: string[] = [];
  for (const row of rows) {
    if (row.kind === 'claim') claimed.add(`${row.a}\u0000${row.b}`);
    else if (row.kind === 'enterprise') enterprises.set(row.a, { id: row.a, name: row.b!, division_code: row.c });
    else if (row.kind === 'head') heads.set(Number(row.a), row.b!);
    else numbers.push(row.a);
  }
  return { claimed, enterprises, heads, numbers };
}

const batchers = new WeakMap<Kysely<Database>, IntakeBatcher>();

/** The one batcher of a database pool. */
export function intakeBatcherFor(db: Kysely<Database>): IntakeBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new IntakeBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
