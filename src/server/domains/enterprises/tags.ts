// Enterprise tags (规上, 专精特新, 小巨人 …): dated, with who set them; revoking keeps the row, so the history stays.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EnterpriseTag, EnterpriseTagView, TagInput } from '../../../shared/schemas/enterprises.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { businessDateOf } from '../calendar/working-days.ts';

/** A tag row is held on `date` when valid_from ≤ date ≤ valid_until (open-ended when null) and it was not revoked. */
export function tagHeldOn(date: string) {
  return (eb: ExpressionBuilder<Database, 'enterprise_tags'>) =>
    eb.and([
      eb('enterprise_tags.valid_from', '<=', date),
      eb.or([eb('enterprise_tags.valid_until', 'is', null), eb('enterprise_tags.valid_until', '>=', date)]),
      eb('enterprise_tags.revoked_at', 'is', null),
    ]);
}

export const isHeldOn = (row: { valid_from: string; valid_until: string | null; revoked_at: Date | null }, date: string): boolean =>
  row.valid_from <= date && (row.valid_until === null || date <= row.valid_until) && row.revoked_at === null;

/** Every tag row of an enterprise, newest first, with who set and revoked it. */
export async function listTags(db: Executor, enterpriseId: string, today: string): Promise<EnterpriseTagView[]> {
  const rows = await db
    .selectFrom('enterprise_tags')
    .leftJoin('users as setter', 'setter.id', 'enterprise_tags.set_by')
    .leftJoin('users as revoker', 'revoker.id', 'enterprise_tags.revoked_by')
    .selectAll('enterprise_tags')
    .select(['setter.display_name as setter_name', 'revoker.display_name as revoker_name'])
    .where('enterprise_tags.enterprise_id', '=', enterpriseId)
    .orderBy('enterprise_tags.set_at', 'desc')
    .orderBy('enterprise_tags.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tag: r.tag,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    note: r.note,
    setBy: r.set_by ? { id: r.set_by, displayName: r.setter_name ?? '' } : null,
    setAt: new Date(r.set_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    revokedBy: r.revoked_by ? { id: r.revoked_by, displayName: r.revoker_name ?? '' } : null,
    held: isHeldOn(r, today),
  }));
}

export interface TagDeps {
  db: Executor;
  clock: Clock;
}

/** Checks the dates and that no live row of the same tag overlaps, then inserts. Runs inside the caller's transaction; no audit. */
export async function insertTag(db: Executor, enterpriseId: string, input: TagInput, actorId: string | null, at: Date, path = 'tag'): Promise<string> {
  const validFrom = input.validFrom ?? businessDateOf(at);
  const validUntil = input.validUntil ?? null;
  if (validUntil !== null && validUntil < validFrom) {
    throw new AppError('validation_failed', `有效期止早于起始日 / validUntil is before validFrom`, [{ path: path === 'tag' ? 'validUntil' : `${path}.validUntil`, message: '有效期止不能早于起始日 / must not be before validFrom' }]);
  }
  const overlap = await db
    .selectFrom('enterprise_tags')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('tag', '=', input.tag)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', validFrom)]))
    .$if(validUntil !== null, (q) => q.where('valid_from', '<=', validUntil!))
    .executeTakeFirst();
  if (overlap) throw conflict('该标签在此期间已存在 / the enterprise already holds this tag for an overlapping period', path);
  const row = await db
    .insertInto('enterprise_tags')
    .values({ enterprise_id: enterpriseId, tag: input.tag, valid_from: validFrom, valid_until: validUntil, note: input.note ?? null, set_by: actorId, set_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addTag(deps: TagDeps, ctx: RequestContext, enterpriseId: string, input: TagInput): Promise<EnterpriseTagView> {
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    await trx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).forUpdate().executeTakeFirstOrThrow();
    const id = await insertTag(trx, enterpriseId, input, ctx.actor?.userId ?? null, at);
    const view = (await listTags(trx, enterpriseId, businessDateOf(at))).find((t) => t.id === id)!;
    await recordAudit(trx, ctx, { action: 'enterprise.tag.add', entityType: 'enterprise', entityId: enterpriseId, before: null, after: { tagId: id, tag: input.tag, validFrom: view.validFrom, validUntil: view.validUntil, note: view.note } }, at);
    return view;
  });
}

export async function revokeTag(deps: TagDeps, ctx: RequestContext, enterpriseId: string, tagId: string, note: string | undefined): Promise<EnterpriseTagView> {
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('enterprise_tags').selectAll().where('id', '=', tagId).where('enterprise_id', '=', enterpriseId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('标签 / tag');
    if (row.revoked_at) throw new AppError('conflict', '该标签已撤销 / the tag was already revoked', [{ path: 'tagId', message: 'already revoked' }]);
    const newNote = note ? (row.note ? `${row.note}\n${note}` : note) : row.note;
    await trx.updateTable('enterprise_tags').set({ revoked_at: at, revoked_by: ctx.actor?.userId ?? null, note: newNote }).where('id', '=', tagId).execute();
    const view = (await listTags(trx, enterpriseId, businessDateOf(at))).find((t) => t.id === tagId)!;
    await recordAudit(trx, ctx, { action: 'enterprise.tag.revoke', entityType: 'enterprise', entityId: enterpriseId, before: { tagId, tag: row.tag, revokedAt: null }, after: { tagId, tag: row.tag, revokedAt: view.revokedAt, note: note ?? null } }, at);
    return view;
  });
}

/** Tags held on `date` by each of `enterpriseIds` (for list rows). */
export async function heldTagsOf(db: Executor, enterpriseIds: string[], date: string): Promise<Map<string, EnterpriseTag[]>> {
  const result = new Map<string, EnterpriseTag[]>();
  if (enterpriseIds.length === 0) return result;
  const rows = await db
    .selectFrom('enterprise_tags')
    .select(['enterprise_id', 'tag'])
    .where('enterprise_id', '=', (eb) => eb.fn.any(sql<string[]>`${sql.val(enterpriseIds)}::uuid[]`))
    .where(tagHeldOn(date))
    .orderBy('tag')
    .execute();
  for (const r of rows) {
    const list = result.get(r.enterprise_id) ?? [];
    if (!list.includes(r.tag)) list.push(r.tag);
    result.set(r.enterprise_id, list);
  }
  return result;
}
