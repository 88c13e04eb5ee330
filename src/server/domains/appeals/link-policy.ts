// Linking an appeal of the category 政策兑现 to the policy it is about: the dispatcher or the lead department sets or clears the link, on the timeline and in the audit log.
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppealView } from '../../../shared/schemas/appeals.ts';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findVisibleAppeal, partsOf } from './appeal.access.ts';
import { loadAppealView } from './appeal.repository.ts';
import { finalStatuses, mayLinkPolicy, POLICY_CATEGORY_CODE } from './link-policy-rules.ts';

export async function linkAppealPolicy(deps: { db: Executor; clock: Clock }, ctx: RequestContext, actor: Actor, appealId: string, policyId: string | null): Promise<AppealView> {
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const { row, scope } = await findVisibleAppeal(trx, actor, appealId, { forUpdate: true });
    const category = row.category_id ? await trx.selectFrom('appeal_categories').select('code').where('id', '=', row.category_id).executeTakeFirst() : undefined;
    const parts = partsOf(actor, row, scope);
    if (!mayLinkPolicy(category?.code ?? null, row.status, parts)) {
      const why = category?.code !== POLICY_CATEGORY_CODE
        ? '只有“政策兑现”类诉求可以关联政策 / only an appeal of the category 政策兑现 is linked to a policy'
        : finalStatuses.has(row.status)
          ? `诉求已${row.status === 'closed' ? '办结' : '终止'} / the appeal is ${row.status}`
          : '只有派单人员或主办部门可以关联政策 / only the dispatcher or the lead department links a policy';
      throw new AppError('invalid_transition', why, [{ path: 'policyId', message: why }]);
    }
    let title: string | null = null;
    if (policyId !== null) {
      // Drafts were never in force: an appeal can only be about a published (or since withdrawn) policy.
      const policy = await trx.selectFrom('policies').select(['title', 'status']).where('id', '=', policyId).where('status', 'in', ['published', 'withdrawn']).executeTakeFirst();
      if (!policy) throw invalid('policyId', '政策不存在或尚未发布 / no published policy with this id');
      title = policy.title;
    }
    if (row.policy_id === policyId) return loadAppealView(trx, actor, row, at, scope);
    const updated = await trx
      .updateTable('appeals')
      .set({ policy_id: policyId, updated_at: at, version: row.version + 1 })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('appeal_events')
      .values({
        appeal_id: row.id, at, actor_id: actor.userId, actor_unit_id: actor.orgUnitId, action: 'link-policy', from_status: null, to_status: null,
        note: title, data: JSON.stringify({ policyId, previousPolicyId: row.policy_id }), internal: false,
      })
      .execute();
    const view = await loadAppealView(trx, actor, updated, at, scope);
    await recordAudit(trx, ctx, { action: 'appeal.link-policy', entityType: 'appeal', entityId: row.id, before: { policyId: row.policy_id }, after: { policyId, version: updated.version } }, at);
    return view;
  });
}
