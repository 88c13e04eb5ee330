// Intake: an appeal from any channel becomes a row with its accept clock running, a first timeline event and an audit event, in one transaction.
import { sql, type Transaction } from 'kysely';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { AppealRow, Database } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AppealView, CreateAppealBody } from '../../../shared/schemas/appeals.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notifyAppealEvent } from '../notifications/appeal-notifications.ts';
import { loadAppealView } from './appeal.repository.ts';
import type { AppealDeps, ActionOptions } from './appeal-actions.ts';
import { intakeAuditAfter, intakeRows, planIntake, type IntakeEnterprise, type IntakePlan, type IntakeRows } from './intake/intake-plan.ts';

/** Submits one appeal in the caller's transaction (or a new one). HTTP intake goes through the batched writer (intake/intake-batcher.ts) instead. */
export async function submitAppeal(deps: AppealDeps, ctx: RequestContext, actor: Actor, body: CreateAppealBody, options: ActionOptions = {}): Promise<AppealView> {
  const plan = await planIntake(deps.db, deps.clock.now(), actor, body, options);
  return inTransaction(deps.db, async (trx) => {
    // One round trip for the number and the enterprise, one for the appeal and its first timeline event.
    const { rows: found } = await sql<{ seq: string; id: string | null; name: string | null; division_code: string | null }>`
      SELECT nextval('appeal_number_seq')::text AS seq, e.id, e.name, e.division_code
      FROM (SELECT 1) AS one LEFT JOIN enterprises e ON e.id = ${plan.enterpriseId}::uuid`.execute(trx);
    const { seq, id, name, division_code } = found[0]!;
    const enterprise = id && name ? { id, name, division_code } : undefined;
    const rows = intakeRows(plan, enterprise, seq);
    await trx
      .with('a', (db) => db.insertInto('appeals').values(rows.appeal))
      .insertInto('appeal_events')
      .values(rows.event)
      .execute();
    const row = rows.row;
    await notifyIntake(trx, plan, row);
    const view = await intakeView(trx, plan, row, enterprise);
    // The audit append serialises writers on its chain until commit, so it goes last.
    await recordAudit(trx, ctx, { action: 'appeal.submit', entityType: 'appeal', entityId: row.id, before: null, after: intakeAuditAfter(plan, row.number) }, plan.at);
    return view;
  });
}

/** The view the submitter gets back (reads nothing for an enterprise; a staff member's scope may be looked up). */
export function intakeView(db: Executor, plan: IntakePlan, row: AppealRow, enterprise: IntakeEnterprise | undefined): Promise<AppealView> {
  return loadAppealView(db, plan.actor, row, plan.at, plan.trusted ? { kind: 'all' } : undefined, {
    names: { categoryCode: plan.category?.code ?? null, enterpriseName: enterprise?.name ?? null, leadDepartmentName: null, policyTitle: null },
    extras: { pending: null, unreachedAttempts: 0 },
    calendar: plan.calendar,
  });
}

/** Once the row is written: dispatchers work from the triage queue, so only urgent appeals interrupt them. */
export async function notifyIntake(trx: Transaction<Database>, plan: IntakePlan, row: AppealRow): Promise<void> {
  if (plan.urgency === 'urgent' && !plan.quiet) await notifyAppealEvent(trx, { appeal: row, action: 'submitted', actorId: plan.actor.userId, at: plan.at });
}

export type { IntakeRows };
