// The audit trail: every change appends a hash-chained event inside the caller's transaction (32 chains, by entity); every chain can be verified end to end.
import { randomUUID } from 'node:crypto';
import { sql, type QueryCreator, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuditEventRow, Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { canonicalJson, sha256 } from '../../platform/crypto.ts';
import type { RequestContext } from '../../http/context.ts';
import { actorLabel } from '../auth/actor.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Must equal CHAINS in migration 2026-11-25T0800_audit_chains. */
export const AUDIT_CHAINS = 32;

/** An event's chain follows its entity, so one record's history stays on one chain; events without an entity spread by request. */
export function chainOf(entityType: string, entityKey: string): number {
  let h = 2166136261;
  const key = `${entityType}:${entityKey}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % AUDIT_CHAINS;
}

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
  const [hash] = await recordAuditBatch(trx, [{ ctx, input, at }]);
  return hash!;
}

export interface AuditEntry {
  ctx: RequestContext;
  input: AuditInput;
  at: Date;
}

/** The chain each entry goes to. */
export const chainsOf = (entries: readonly AuditEntry[]): number[] =>
  entries.map((e) => chainOf(e.input.entityType, e.input.entityId ?? e.ctx.requestId ?? randomUUID()));

/**
 * Locks the heads of these chains in chain order (so two writers cannot deadlock on them) until commit and returns
 * their hashes. Under READ COMMITTED, FOR UPDATE returns the newest committed head once the previous writer commits,
 * so a chain cannot fork; other chains are not held up.
 */
export async function lockChainHeads(trx: Transaction<Database>, chains: readonly number[]): Promise<Map<number, string>> {
  const heads = await trx.selectFrom('audit_chain_heads').select(['chain', 'hash']).where('chain', 'in', [...new Set(chains)]).orderBy('chain').forUpdate().execute();
  return new Map(heads.map((h) => [h.chain, h.hash]));
}

/** The events to insert, hashed in order onto their chains' locked heads, and each touched chain's new head. */
export function chainAuditEntries(entries: readonly AuditEntry[], chains: readonly number[], lockedHeads: ReadonlyMap<number, string>) {
  const tip = new Map(lockedHeads);
  const rows = entries.map(({ ctx, input, at }, i) => {
    const chain = chains[i]!;
    const prevHash = tip.get(chain);
    if (prevHash === undefined) throw new Error(`audit chain ${chain} is not locked`);
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
    tip.set(chain, hash);
    return {
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
      chain,
    };
  });
  const touched = new Set(chains);
  const heads = [...tip].filter(([chain]) => touched.has(chain)).map(([chain, hash]) => ({ chain, hash }));
  const latest = entries.reduce((max, e) => (e.at > max ? e.at : max), entries[0]?.at ?? new Date(0));
  return { rows, heads, latest };
}

export type ChainedAudit = ReturnType<typeof chainAuditEntries>;

/** The events (ids follow the VALUES order, so each chain's events are in id order) as a CTE named `audit_rows`. */
export const insertAuditCte = (db: QueryCreator<Database>, audit: ChainedAudit) => db.insertInto('audit_events').values(audit.rows).returning(['id', 'chain']);

/** A statement builder that has the CTE `audit_rows` before (other CTEs of the statement are not needed here). */
export type AuditRowsCreator = QueryCreator<Database & { audit_rows: { id: string; chain: number } }>;

/** The new heads, after the CTE `audit_rows` of the same statement. */
export const updateHeadsCte = (db: AuditRowsCreator, audit: ChainedAudit) =>
  db
    .updateTable('audit_chain_heads')
    .from(sql<{ chain: number; hash: string }>`(SELECT * FROM (VALUES ${sql.join(audit.heads.map((h) => sql`(${h.chain}::int, ${h.hash}::text)`))}) AS x(chain, hash))`.as('v'))
    .set((eb) => ({
      hash: eb.ref('v.hash'),
      last_event_id: sql<string>`(SELECT max(r.id) FROM audit_rows r WHERE r.chain = v.chain)`,
      updated_at: audit.latest,
    }))
    .whereRef('audit_chain_heads.chain', '=', 'v.chain');

/** Appends events in order, each to its entity's chain, in two round trips however many there are. */
export async function recordAuditBatch(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const chains = chainsOf(entries);
  const audit = chainAuditEntries(entries, chains, await lockChainHeads(trx, chains));
  await trx
    .with('audit_rows', (db) => insertAuditCte(db, audit))
    .with('heads', (db) => updateHeadsCte(db, audit))
    .selectFrom('audit_rows')
    .select('id')
    .execute();
  return audit.rows.map((r) => r.hash);
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
  chains: number;
  firstBreak: { id: string; reason: string } | null;
}

/**
 * Walks every event in id order, in pages, recomputing each hash against the previous event of its chain; then checks
 * that each chain ends where its head row says (so deleting the newest events of a chain is caught too).
 */
export async function verifyAuditChain(db: Db | Executor, pageSize = 5000): Promise<ChainReport> {
  const last = new Map<number, { hash: string; id: string }>();
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
      const prevHash = last.get(row.chain)?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, chains: last.size, firstBreak: { id: row.id, reason: `prev_hash does not match the previous event of chain ${row.chain} (event removed or reordered)` } };
      }
      if (eventHash(prevHash, hashedFieldsOf(row)) !== row.hash) {
        return { ok: false, checked, chains: last.size, firstBreak: { id: row.id, reason: 'content does not match its hash (event altered)' } };
      }
      last.set(row.chain, { hash: row.hash, id: row.id });
      checked++;
      afterId = row.id;
    }
  }
  const heads = await db.selectFrom('audit_chain_heads').select(['chain', 'hash', 'last_event_id']).orderBy('chain').execute();
  for (const head of heads) {
    const end = last.get(head.chain);
    if ((end?.hash ?? GENESIS_HASH) !== head.hash) {
      return { ok: false, checked, chains: last.size, firstBreak: { id: end?.id ?? head.last_event_id ?? '0', reason: `chain ${head.chain} ends before its recorded head ${head.last_event_id ?? ''} (newest events removed)` } };
    }
  }
  return { ok: true, checked, chains: last.size, firstBreak: null };
}
