// 企业家绿卡: issue (an unguessable number with a check character), renew, revoke with a reason, staff lists, and the public verification that reveals only name, enterprise and validity.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import type { RequestContext } from '../../../http/context.ts';
import { conflict, invalid, notFound } from '../../../http/errors.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../../../db/transaction.ts';
import type { GreenCardStatus, GreenCardView, issueGreenCardBody, listGreenCardsQuery, PublicGreenCardView } from '../../../../shared/schemas/enterprise-relations.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { shanghaiDate } from '../relations/visit-plan.ts';
import { newCardNumber } from './card-number.ts';

type UseCaseDeps = Pick<Deps, 'clock'> & { db: Executor };

export function cardStatus(row: { valid_from: string; valid_until: string; revoked_at: Date | null }, today: string): GreenCardStatus {
  if (row.revoked_at) return 'revoked';
  if (today < row.valid_from) return 'not_yet_valid';
  return today > row.valid_until ? 'expired' : 'valid';
}

const cardQuery = (db: Executor) => db.selectFrom('green_cards as g').innerJoin('enterprises as e', 'e.id', 'g.enterprise_id').selectAll('g').select('e.name as enterprise_name');
type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>['executeTakeFirstOrThrow']>>;

function toView(row: CardRow, today: string): GreenCardView {
  return {
    id: row.id,
    number: row.number,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    holderName: row.holder_name,
    holderTitle: row.holder_title,
    idCardMasked: row.id_card_tail ? `${'*'.repeat(14)}${row.id_card_tail}` : null,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: cardStatus(row, today),
    issuedAt: row.issued_at.toISOString(),
    renewedAt: row.renewed_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
  };
}

export async function findGreenCard(db: Executor, id: string, today: string): Promise<GreenCardView> {
  const row = await cardQuery(db).where('g.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('绿卡 / green card');
  return toView(row, today);
}

export async function listGreenCards(db: Executor, query: z.output<typeof listGreenCardsQuery>, today: string): Promise<{ items: GreenCardView[]; total: number }> {
  let q = cardQuery(db);
  if (query.enterpriseId) q = q.where('g.enterprise_id', '=', query.enterpriseId);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('g.holder_name', 'ilike', like), eb('e.name', 'ilike', like), eb('g.number', 'ilike', like.replace(/-/g, ''))]));
  }
  if (query.status === 'revoked') q = q.where('g.revoked_at', 'is not', null);
  else if (query.status) {
    q = q.where('g.revoked_at', 'is', null);
    if (query.status === 'valid') q = q.where('g.valid_from', '<=', today).where('g.valid_until', '>=', today);
    if (query.status === 'expired') q = q.where('g.valid_until', '<', today);
    if (query.status === 'not_yet_valid') q = q.where('g.valid_from', '>', today);
  }
  const rows = await q.select(sql<number>`count(*) over ()::int`.as('total_count')).orderBy('g.issued_at', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return { total: rows[0]?.total_count ?? 0, items: rows.map((r) => toView(r, today)) };
}

export async function issueGreenCard(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, body: z.output<typeof issueGreenCardBody>, random?: (size: number) => Buffer): Promise<GreenCardView> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  if (body.validUntil < today) throw invalid('validUntil', '有效期已过 / the card would already have expired');
  return inTransaction(deps.db, async (trx) => {
    const enterprise = await trx.selectFrom('enterprises').select('id').where('id', '=', body.enterpriseId).executeTakeFirst();
    if (!enterprise) throw invalid('enterpriseId', '企业不存在 / no such enterprise');
    const values = {
      enterprise_id: body.enterpriseId,
      holder_name: body.holderName,
      holder_title: body.holderTitle || null,
      id_card_tail: body.idCardTail ?? null,
      valid_from: body.validFrom,
      valid_until: body.validUntil,
      issued_by: actor.userId,
      issued_at: now,
    };
    // 60 random bits: a collision is practically impossible, but a savepoint-free retry would abort the transaction, so check first.
    let number = newCardNumber(random);
    for (let attempt = 0; attempt < 5 && (await trx.selectFrom('green_cards').select('id').where('number', '=', number).executeTakeFirst()); attempt++) number = newCardNumber(random);
    let id: string;
    try {
      id = (await trx.insertInto('green_cards').values({ ...values, number }).returning('id').executeTakeFirstOrThrow()).id;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('卡号冲突，请重试 / card number collision, try again');
      throw error;
    }
    const view = await findGreenCard(trx, id, today);
    await recordAudit(trx, ctx, { action: 'green_card.issue', entityType: 'green_card', entityId: id, before: null, after: view }, now);
    return view;
  });
}

export async function renewGreenCard(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, id: string, validUntil: string): Promise<GreenCardView> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  return inTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('green_cards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('绿卡 / green card');
    if (row.revoked_at) throw conflict('已撤销的绿卡不能续期，请重新办理 / a revoked card cannot be renewed; issue a new one');
    if (validUntil <= row.valid_until) throw invalid('validUntil', `新的有效期须晚于 ${row.valid_until} / the new end must be after the current one`);
    const before = await findGreenCard(trx, id, today);
    await trx.updateTable('green_cards').set({ valid_until: validUntil, renewed_at: now, renewed_by: actor.userId }).where('id', '=', id).execute();
    const after = await findGreenCard(trx, id, today);
    await recordAudit(trx, ctx, { action: 'green_card.renew', entityType: 'green_card', entityId: id, before, after }, now);
    return after;
  });
}

export async function revokeGreenCard(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, id: string, reason: string): Promise<GreenCardView> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  return inTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('green_cards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('绿卡 / green card');
    if (row.revoked_at) throw conflict('该绿卡已撤销 / the card is already revoked');
    const before = await findGreenCard(trx, id, today);
    await trx.updateTable('green_cards').set({ revoked_at: now, revoked_by: actor.userId, revoke_reason: reason }).where('id', '=', id).execute();
    const after = await findGreenCard(trx, id, today);
    await recordAudit(trx, ctx, { action: 'green_card.revoke', entityType: 'green_card', entityId: id, before, after }, now);
    return after;
  });
}

/** What anyone holding the number may learn: nothing else leaves this function. */
export async function verifyGreenCard(db: Executor, number: string, today: string): Promise<PublicGreenCardView | null> {
  const row = await db
    .selectFrom('green_cards as g')
    .innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .select(['g.number', 'g.holder_name', 'e.name as enterprise_name', 'g.valid_from', 'g.valid_until', 'g.revoked_at'])
    .where('g.number', '=', number)
    .executeTakeFirst();
  if (!row) return null;
  return { number: row.number, holderName: row.holder_name, enterpriseName: row.enterprise_name, validFrom: row.valid_from, validUntil: row.valid_until, status: cardStatus(row, today) };
}
