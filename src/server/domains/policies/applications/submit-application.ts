// Submitting an application: refused (409, nothing written) when the policy is not open to it or the enterprise is ineligible or has applied; otherwise the application with its form snapshot and review deadline in working days, an eligibility_check decision and an audit event, in one transaction.
import { inTransaction, type Executor } from '../../../db/transaction.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError, conflict } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { PolicyApplication, SubmitApplicationBody } from '../../../../shared/schemas/policy-applications.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { clockCalendar, dueAfter } from '../../appeals/clock-math.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { businessDateOf } from '../../calendar/working-days.ts';
import { reviewWorkingDaysOf } from '../policy-content.ts';
import { prepareApplication, refusalMessage } from './application-form.ts';
import { findVisibleApplication, nextApplicationNumber } from './application.repository.ts';
import { toApplicationView } from './application-view.ts';

export interface ApplicationDeps {
  db: Executor;
  clock: Clock;
}

const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;

export async function submitApplication(deps: ApplicationDeps, ctx: RequestContext, actor: Actor, policyId: string, body: SubmitApplicationBody): Promise<PolicyApplication> {
  const enterpriseId = actor.enterpriseId!;
  const at = deps.clock.now();
  const today = businessDateOf(at);
  return inTransaction(deps.db, async (trx) => {
    const { form, version, decision } = await prepareApplication(trx, policyId, enterpriseId, today);
    const refusal = form.refusal?.reason;
    if (refusal === 'not_eligible') {
      const failing = form.eligibility.conditions.filter((c) => c.result === false && !c.met);
      const details = (failing.length > 0 ? failing : form.eligibility.conditions.filter((c) => !c.met)).map((c) => ({ path: `eligibility.conditions.${c.id}`, message: c.label }));
      throw new AppError('conflict', `${refusalMessage(refusal)}：${details.map((d) => d.message).join('；')}`, details);
    }
    if (refusal) throw conflict(refusalMessage(refusal), 'policy');

    const days = reviewWorkingDaysOf(version.content);
    const reviewDueAt = dueAfter(clockCalendar(await getCalendar(trx)), at, days);
    const number = await nextApplicationNumber(trx, Number(today.slice(0, 4)));
    const snapshot = { contactName: body.contactName, contactPhone: body.contactPhone, statement: body.statement ?? null, enterprise: form.enterprise, estimatedAmount: form.estimatedAmount };
    let id: string;
    try {
      ({ id } = await trx
        .insertInto('policy_applications')
        .values({
          number, policy_id: policyId, version: version.version, content_hash: version.content_hash, enterprise_id: enterpriseId, submitted_by: actor.userId, submitted_at: at,
          form: JSON.stringify(snapshot), eligibility: JSON.stringify(form.eligibility), review_working_days: days, review_due_at: reviewDueAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    } catch (error) {
      // Two submissions at once: the partial unique index lets one through.
      if (isUniqueViolation(error, 'policy_applications_one_open')) throw conflict(refusalMessage('already_applied'), 'policy');
      throw error;
    }
    await trx
      .insertInto('policy_decisions')
      .values({
        policy_id: policyId, version: version.version, content_hash: version.content_hash, enterprise_id: enterpriseId, kind: 'eligibility_check',
        as_of: today, verdict: decision.verdict, conditions: JSON.stringify(decision.decision), decided_at: at,
      })
      .execute();
    const row = await findVisibleApplication(trx, { kind: 'all' }, id);
    // The audit append serialises writers on its chain until commit, so it goes last.
    await recordAudit(
      trx,
      ctx,
      { action: 'policy.application.submit', entityType: 'policy_application', entityId: id, before: null, after: { number, policyId, version: version.version, verdict: decision.verdict, reviewDueAt: reviewDueAt.toISOString() } },
      at,
    );
    return toApplicationView(actor, row, [], at);
  });
}
