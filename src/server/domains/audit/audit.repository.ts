// The audit trail: every change appends a hash-chained event inside the caller's transaction; the chain can be verified end to end.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuditEventRow, Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { canonicalJson, sha256 } from '../../platform/crypto.ts';
import type { RequestContext } from '../../http/context.ts';
import { actorLabel } from '../auth/actor.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Arbitrary constant naming the advisory lock that serialises appends, so the chain never forks. */
const AUDIT_CHAIN_LOCK = 7_414_207_001;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

interface HashedFields {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export const eventHash = (prevHash: string, fields: HashedFields): string => sha256(`${prevHash}\n${canonicalJson(fields)}`);

/** Values as they come back from jsonb: dates as ISO strings, undefined dropped. */
const normalise = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export async function recordAudit(trx: Transaction<Database>, ctx: RequestContext, input: AuditInput, at: Date = new Date()): Promise<string> {
  // Two statements on purpose: under READ COMMITTED the head must be read with a snapshot taken after the lock is held.
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at: at.toISOString(),
    actorId: ctx.actor?.userId ?? null,
    actorLabel: actorLabel(ctx.actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: normalise(input.before),
    after: normalise(input.after),
    requestId: ctx.requestId,
  };
  const hash = eventHash(prevHash, fields);
  await trx
    .insertInto('audit_events')
    .values({
      at,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      request_id: fields.requestId,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return hash;
}

/** A stored event's fields, exactly as they were hashed (and as the API shows them). */
export const hashedFieldsOf = (row: AuditEventRow): HashedFields => ({
  at: row.at.toISOString(),
  actorId: row.actor_id,
  actorLabel: row.actor_label,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before ?? null,
  after: row.after ?? null,
  requestId: row.request_id,
});

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** Business dates, Asia/Shanghai, both included. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const shanghaiDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Newest first, with the total of the filtered list. */
export async function listAuditEvents(db: Executor, filter: AuditFilter) {
  let q = db.selectFrom('audit_events').selectAll();
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.from) q = q.where('at', '>=', shanghaiDayStart(filter.from));
  if (filter.to) q = q.where('at', '<', new Date(shanghaiDayStart(filter.to).getTime() + 86_400_000));
  const rows = await q
    .select(sql<number>`count(*) over ()::int`.as('total_count'))
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: rows[0]?.total_count ?? 0, items: rows.map((row) => ({ id: row.id, ...hashedFieldsOf(row), hash: row.hash })) };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBreak: { id: string; reason: string } | null;
}

/** Walks the whole chain in id order, in pages, recomputing every hash. */
export async function verifyAuditChain(db: Db | Executor, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = '0';
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where(sql<boolean>`id > ${afterId}::bigint`)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, firstBreak: { id: row.id, reason: 'prev_hash does not match the previous event (event removed or reordered)' } };
      }
      const expected = eventHash(prevHash, hashedFieldsOf(row));
      if (expected !== row.hash) {
        return { ok: false, checked, firstBreak: { id: row.id, reason: 'content does not match its hash (event altered)' } };
      }
      prevHash = row.hash;
      checked++;
      afterId = row.id;
    }
  }
  return { ok: true, checked, firstBreak: null };
}
