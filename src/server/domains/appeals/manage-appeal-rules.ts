// Administrators edit the stage durations and the dispatch catalogue; each change is audited.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalidateAppealReference } from './appeal-reference.ts';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { invalid } from '../../http/errors.ts';
import type { z } from 'zod';
import type { putClockRuleBody, putRoutingRuleBody } from '../../../shared/schemas/appeals.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';

const clockRuleOf = (r: { id: string; category_id: string | null; urgency: 'normal' | 'urgent'; accept_days: string; sign_days: string; reply_days: string; follow_up_days: string }) => ({
  id: r.id,
  categoryId: r.category_id,
  urgency: r.urgency,
  acceptDays: Number(r.accept_days),
  signDays: Number(r.sign_days),
  replyDays: Number(r.reply_days),
  followUpDays: Number(r.follow_up_days),
});

export async function listClockRules(db: Executor) {
  const rows = await db.selectFrom('clock_rules').selectAll().orderBy(sql`category_id NULLS FIRST`).orderBy('urgency').execute();
  return rows.map(clockRuleOf);
}

export async function putClockRule(db: Kysely<Database>, ctx: RequestContext, actor: Actor, body: z.infer<typeof putClockRuleBody>, at: Date) {
  return inTransaction(db, async (trx) => {
    if (body.categoryId) {
      const category = await trx.selectFrom('appeal_categories').select('id').where('id', '=', body.categoryId).executeTakeFirst();
      if (!category) throw invalid('categoryId', '没有这个诉求类别 / unknown category');
    }
    const values = { accept_days: body.acceptDays, sign_days: body.signDays, reply_days: body.replyDays, follow_up_days: body.followUpDays, updated_at: at, updated_by: actor.userId };
    const existing = await trx
      .selectFrom('clock_rules')
      .selectAll()
      .where('urgency', '=', body.urgency)
      .where((eb) => (body.categoryId ? eb('category_id', '=', body.categoryId) : eb('category_id', 'is', null)))
      .forUpdate()
      .executeTakeFirst();
    const row = existing
      ? await trx.updateTable('clock_rules').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('clock_rules').values({ ...values, category_id: body.categoryId, urgency: body.urgency }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'appeal.clock-rule.put', entityType: 'clock_rule', entityId: row.id, before: existing ? clockRuleOf(existing) : null, after: clockRuleOf(row) }, at);
    return clockRuleOf(row);
  }).finally(() => invalidateAppealReference(db));
}

export async function listRoutingRules(db: Executor) {
  const rows = await db.selectFrom('routing_rules').selectAll().orderBy('category_id').orderBy('division_code').execute();
  return rows.map((r) => ({ id: r.id, categoryId: r.category_id, divisionCode: r.division_code, departmentId: r.department_id }));
}

export async function putRoutingRule(db: Kysely<Database>, ctx: RequestContext, actor: Actor, body: z.infer<typeof putRoutingRuleBody>, at: Date) {
  return inTransaction(db, async (trx) => {
    const category = await trx.selectFrom('appeal_categories').select('id').where('id', '=', body.categoryId).executeTakeFirst();
    if (!category) throw invalid('categoryId', '没有这个诉求类别 / unknown category');
    const unit = await trx.selectFrom('org_units').select(['id', 'kind', 'active']).where('id', '=', body.departmentId).executeTakeFirst();
    if (!unit || unit.kind !== 'department' || !unit.active) throw invalid('departmentId', '必须是在用的部门 / must be an active department');
    const before = await trx.selectFrom('routing_rules').selectAll().where('category_id', '=', body.categoryId).where('division_code', '=', body.divisionCode).executeTakeFirst();
    const row = await trx
      .insertInto('routing_rules')
      .values({ category_id: body.categoryId, division_code: body.divisionCode, department_id: body.departmentId, updated_at: at, updated_by: actor.userId })
      .onConflict((oc) => oc.columns(['category_id', 'division_code']).doUpdateSet({ department_id: body.departmentId, updated_at: at, updated_by: actor.userId }))
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = { id: row.id, categoryId: row.category_id, divisionCode: row.division_code, departmentId: row.department_id };
    await recordAudit(trx, ctx, { action: 'appeal.routing-rule.put', entityType: 'routing_rule', entityId: row.id, before: before ? { departmentId: before.department_id } : null, after: view }, at);
    return view;
  }).finally(() => invalidateAppealReference(db));
}
