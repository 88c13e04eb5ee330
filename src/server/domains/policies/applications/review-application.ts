// The reviewer's decisions and the applicant's withdrawal: each locks the application, refuses any state but `submitted` (409 invalid_transition), writes the change, tells the enterprise of a decision, and audits last. Approval re-checks eligibility as of the review day and creates an approved grant within the budget.
import { inTransaction, type Executor } from '../../../db/transaction.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError, conflict, forbidden, invalid } from '../../../http/errors.ts';
import { canonicalWan } from '../../../../shared/rules/money.ts';
import type { Benefit } from '../../../../shared/schemas/policies.ts';
import type { PolicyApplication } from '../../../../shared/schemas/policy-applications.ts';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../abilities.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { businessDateOf } from '../../calendar/working-days.ts';
import { notify } from '../../notifications/notify.ts';
import { enterpriseUsers } from '../../notifications/recipients.ts';
import { benefitFen, fenText, wanFen } from '../benefit-amount.ts';
import { budgetOf, lastGrantRank } from '../grants.ts';
import { evaluateEnterpriseOn } from '../policy-evaluation.ts';
import { applicationScopeFor } from '../policy.access.ts';
import { findPolicy, findVersion, versionsInForce } from '../policy.repository.ts';
import { loadEnterpriseRecords } from '../registry-engine.ts';
import { findVisibleApplication, listApplicationAttachments, type ApplicationRow } from './application.repository.ts';
import { toApplicationView } from './application-view.ts';
import type { ApplicationDeps } from './submit-application.ts';

type Action = 'approve' | 'reject' | 'withdraw';
const actionNames: Record<Action, string> = { approve: '通过', reject: '驳回', withdraw: '撤回' };

/** The application locked for a change, after the caller's right to make it and its state are checked. */
async function lockForAction(trx: Executor, actor: Actor, id: string, action: Action): Promise<ApplicationRow> {
  const row = await findVisibleApplication(trx, applicationScopeFor(actor), id, { forUpdate: true });
  const allowed = action === 'withdraw' ? can(actor, 'policy.apply') && actor.enterpriseId === row.enterprise_id : can(actor, 'policy.review');
  if (!allowed) throw forbidden(action === 'withdraw' ? '只有申报企业可以撤回 / only the applicant may withdraw' : '无权审核申报 / not allowed to review applications');
  if (row.status !== 'submitted') {
    throw new AppError('invalid_transition', `申报状态为 ${row.status}，不能${actionNames[action]} / a ${row.status} application cannot be ${action === 'withdraw' ? 'withdrawn' : `${action}d`}`, [{ path: 'status', message: row.status }]);
  }
  return row;
}

async function viewAfter(trx: Executor, actor: Actor, id: string, at: Date): Promise<PolicyApplication> {
  const row = await findVisibleApplication(trx, { kind: 'all' }, id);
  return toApplicationView(actor, row, await listApplicationAttachments(trx, [id]), at);
}

/** The largest amount the benefit allows: a formula's cap, a fixed amount itself; null when unbounded. */
function benefitCapFen(benefit: Benefit): bigint | null {
  const amount = benefit.amount;
  if (amount === null) return null;
  if (amount.type === 'fixed') return wanFen(amount.wan);
  return amount.capWan == null ? null : wanFen(amount.capWan);
}

async function tellEnterprise(trx: Executor, row: ApplicationRow, decision: 'approved' | 'rejected', text: string, data: Record<string, unknown>, at: Date): Promise<void> {
  await notify(
    trx,
    {
      userIds: await enterpriseUsers(trx, row.enterprise_id),
      kind: `policy.application.${decision}`,
      title: decision === 'approved' ? `您的申报 ${row.number}（${row.policy_title}）已通过` : `您的申报 ${row.number}（${row.policy_title}）未通过`,
      body: text,
      data: { number: row.number, policyId: row.policy_id, policyTitle: row.policy_title, ...data },
      link: `/my/applications/${row.id}`,
      entityType: 'policy_application',
      entityId: row.id,
      dedupeKey: `policy.application.${decision}:${row.id}`,
    },
    at,
  );
}

export async function approveApplication(deps: ApplicationDeps, ctx: RequestContext, actor: Actor, id: string, body: { amount?: string; note?: string } | undefined): Promise<PolicyApplication> {
  const at = deps.clock.now();
  const today = businessDateOf(at);
  return inTransaction(deps.db, async (trx) => {
    const row = await lockForAction(trx, actor, id, 'approve');
    // The policy row lock serialises every approval of this policy against its budget (as approveGrants does).
    const policy = await findPolicy(trx, row.policy_id, { withDrafts: true, forUpdate: true });
    const version = (await findVersion(trx, row.policy_id, row.version))!;
    const [inForce] = await versionsInForce(trx, today, row.policy_id);
    const record = (await loadEnterpriseRecords(trx, [row.enterprise_id]))[0]!.record;

    const computed = benefitFen(version.content.benefit, record, businessDateOf(new Date(row.submitted_at)));
    const amount = body?.amount !== undefined ? wanFen(canonicalWan(body.amount)!) : computed;
    if (amount === null) throw invalid('amount', '无法按政策计算金额，请填写审定金额（万元）/ the benefit cannot be computed for this enterprise: give the amount');
    if (amount <= 0n) throw invalid('amount', '金额须大于 0 / the amount must be more than 0');
    const cap = benefitCapFen(version.content.benefit);
    if (cap !== null && amount > cap) throw invalid('amount', `不能超过政策上限 ${fenText(cap)} 万元 / at most the benefit's cap of ${fenText(cap)} 万元`);
    const { budget, committed } = await budgetOf(trx, row.policy_id, policy.current_version);
    if (budget !== null && committed + amount > budget) {
      throw conflict(`超出预算：剩余 ${fenText(budget - committed)} 万元，本笔 ${fenText(amount)} 万元 / beyond the budget: ${fenText(budget - committed)} 万元 left`, 'amount');
    }
    const granted = await trx.selectFrom('policy_grants').select('id').where('policy_id', '=', row.policy_id).where('enterprise_id', '=', row.enterprise_id).executeTakeFirst();
    if (granted) throw conflict('该企业已有本政策的兑现记录 / this enterprise already has a grant of this policy', 'policy');

    // The second eligibility check: the version in force on the review day (the applied one when none is), as of that day.
    const checked = inForce ?? version;
    const recheck = evaluateEnterpriseOn(checked, record, today);
    await trx
      .insertInto('policy_decisions')
      .values({
        policy_id: row.policy_id, version: checked.version, content_hash: checked.content_hash, enterprise_id: row.enterprise_id, kind: 'eligibility_check',
        as_of: today, verdict: recheck.verdict, conditions: JSON.stringify(recheck.decision), decided_at: at,
      })
      .execute();
    const grant = await trx
      .insertInto('policy_grants')
      .values({
        policy_id: row.policy_id, version: row.version, content_hash: row.content_hash, enterprise_id: row.enterprise_id, as_of: today,
        conditions: JSON.stringify(recheck.decision), amount_wan: fenText(amount), rank: (await lastGrantRank(trx, row.policy_id)) + 1,
        status: 'approved', decided_by: actor.userId, decided_at: at, created_at: at, application_id: id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const note = body?.note || null;
    await trx.updateTable('policy_applications').set({ status: 'approved', decided_at: at, decided_by: actor.userId, decision_note: note, amount_wan: fenText(amount), grant_id: grant.id }).where('id', '=', id).execute();
    await tellEnterprise(trx, row, 'approved', `审定金额 ${fenText(amount)} 万元${note ? `。${note}` : ''}`, { amount: fenText(amount) }, at);
    const view = await viewAfter(trx, actor, id, at);
    await recordAudit(
      trx,
      ctx,
      { action: 'policy.application.approve', entityType: 'policy_application', entityId: id, before: { status: 'submitted' }, after: { status: 'approved', amount: fenText(amount), grantId: grant.id, recheck: recheck.verdict, note } },
      at,
    );
    return view;
  });
}

export async function rejectApplication(deps: ApplicationDeps, ctx: RequestContext, actor: Actor, id: string, reason: string): Promise<PolicyApplication> {
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await lockForAction(trx, actor, id, 'reject');
    await trx.updateTable('policy_applications').set({ status: 'rejected', decided_at: at, decided_by: actor.userId, rejection_reason: reason }).where('id', '=', id).execute();
    await tellEnterprise(trx, row, 'rejected', `原因：${reason}`, { reason }, at);
    const view = await viewAfter(trx, actor, id, at);
    await recordAudit(trx, ctx, { action: 'policy.application.reject', entityType: 'policy_application', entityId: id, before: { status: 'submitted' }, after: { status: 'rejected', reason } }, at);
    return view;
  });
}

export async function withdrawApplication(deps: ApplicationDeps, ctx: RequestContext, actor: Actor, id: string): Promise<PolicyApplication> {
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    await lockForAction(trx, actor, id, 'withdraw');
    await trx.updateTable('policy_applications').set({ status: 'withdrawn', decided_at: at, decided_by: actor.userId }).where('id', '=', id).execute();
    const view = await viewAfter(trx, actor, id, at);
    await recordAudit(trx, ctx, { action: 'policy.application.withdraw', entityType: 'policy_application', entityId: id, before: { status: 'submitted' }, after: { status: 'withdrawn' } }, at);
    return view;
  });
}
