// 包联 use cases: projects, assignments with a period and a visit plan, ending them, and visits — a problem learned on a visit becomes a field_visit appeal in the same transaction.
import type { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import type { RequestContext } from '../../../http/context.ts';
import { conflict, invalid, notFound } from '../../../http/errors.ts';
import { inTransaction, type Executor } from '../../../db/transaction.ts';
import type { AppealView } from '../../../../shared/schemas/appeals.ts';
import type {
  AssignmentView,
  CreateAssignmentBody,
  createProjectBody,
  LogVisitBody,
  ProjectView,
  VisitView,
} from '../../../../shared/schemas/enterprise-relations.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { submitAppeal } from '../../appeals/submit-appeal.ts';
import { findAssignment, findVisit } from './relation.repository.ts';
import { shanghaiDate } from './visit-plan.ts';
import { seesAllAssignments } from './relation.access.ts';
import { can } from '../../abilities.ts';

type UseCaseDeps = Pick<Deps, 'clock'> & { db: Executor };

export async function createProject(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, body: z.output<typeof createProjectBody>): Promise<ProjectView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const enterprise = body.enterpriseId ? await trx.selectFrom('enterprises').select(['id', 'name', 'division_code']).where('id', '=', body.enterpriseId).executeTakeFirst() : undefined;
    if (body.enterpriseId && !enterprise) throw invalid('enterpriseId', '企业不存在 / no such enterprise');
    const row = await trx
      .insertInto('projects')
      .values({ name: body.name, enterprise_id: body.enterpriseId ?? null, division_code: body.divisionCode ?? enterprise?.division_code ?? null, stage: body.stage ?? 'planned', created_by: actor.userId, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view: ProjectView = { id: row.id, name: row.name, enterpriseId: row.enterprise_id, enterpriseName: enterprise?.name ?? null, divisionCode: row.division_code, stage: row.stage };
    await recordAudit(trx, ctx, { action: 'project.create', entityType: 'project', entityId: row.id, before: null, after: view }, now);
    return view;
  });
}

export async function createAssignment(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, body: CreateAssignmentBody): Promise<AssignmentView> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const plannedVisits = [...new Set(body.plannedVisits)].sort();
  const outside = plannedVisits.findIndex((d) => d < body.validFrom || (body.validUntil !== undefined && d > body.validUntil));
  if (outside >= 0) throw invalid(`plannedVisits.${outside}`, '计划走访日期须在包联期限内 / a planned visit lies outside the period');
  return inTransaction(deps.db, async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'roles', 'status']).where('id', '=', body.userId).executeTakeFirst();
    if (!user) throw invalid('userId', '用户不存在 / no such user');
    if (user.roles.includes('enterprise')) throw invalid('userId', '只能安排工作人员包联 / only staff can be assigned');
    if (user.status !== 'active') throw invalid('userId', '该用户已停用 / the user is disabled');
    if (body.enterpriseId) {
      const found = await trx.selectFrom('enterprises').select('id').where('id', '=', body.enterpriseId).executeTakeFirst();
      if (!found) throw invalid('enterpriseId', '企业不存在 / no such enterprise');
    }
    if (body.projectId) {
      const found = await trx.selectFrom('projects').select('id').where('id', '=', body.projectId).executeTakeFirst();
      if (!found) throw invalid('projectId', '项目不存在 / no such project');
    }
    // One running assignment per person and target: overlapping periods would double the visit plan.
    const overlapping = await trx
      .selectFrom('relation_assignments')
      .select('id')
      .where('user_id', '=', body.userId)
      .where(body.enterpriseId ? 'enterprise_id' : 'project_id', '=', (body.enterpriseId ?? body.projectId)!)
      .where('ended_at', 'is', null)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', body.validFrom)]))
      .$if(body.validUntil !== undefined, (q) => q.where('valid_from', '<=', body.validUntil!))
      .executeTakeFirst();
    if (overlapping) throw conflict('此人在这段期限内已包联该对象 / this person is already assigned to it for an overlapping period', 'validFrom');
    const row = await trx
      .insertInto('relation_assignments')
      .values({
        user_id: body.userId,
        enterprise_id: body.enterpriseId ?? null,
        project_id: body.projectId ?? null,
        duty: body.duty,
        valid_from: body.validFrom,
        valid_until: body.validUntil ?? null,
        visit_every_months: body.visitEveryMonths ?? null,
        planned_visits: plannedVisits,
        note: body.note || null,
        created_by: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = (await findAssignment(trx, row.id, today))!;
    await recordAudit(trx, ctx, { action: 'relation.assign', entityType: 'relation_assignment', entityId: row.id, before: null, after: view }, now);
    return view;
  });
}

export async function endAssignment(deps: UseCaseDeps, ctx: RequestContext, id: string, body: { reason: string; endOn?: string }, actor: Actor): Promise<AssignmentView> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  return inTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('relation_assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('包联 / assignment');
    if (row.ended_at) throw conflict('该包联已结束 / the assignment has already ended');
    const endOn = body.endOn ?? (today < row.valid_from ? row.valid_from : today);
    if (endOn < row.valid_from) throw invalid('endOn', '结束日期不能早于开始日期 / the end is before the start');
    if (row.valid_until && endOn > row.valid_until) throw invalid('endOn', '结束日期晚于原定期限 / the end is after the agreed period');
    const before = await findAssignment(trx, id, today);
    await trx.updateTable('relation_assignments').set({ ended_at: now, ended_by: actor.userId, end_reason: body.reason, valid_until: endOn }).where('id', '=', id).execute();
    const after = (await findAssignment(trx, id, today))!;
    await recordAudit(trx, ctx, { action: 'relation.end', entityType: 'relation_assignment', entityId: id, before, after }, now);
    return after;
  });
}

/** The assignment when the caller may see it (their own, or everyone's for the office), else 404. */
export async function visibleAssignment(db: Executor, actor: Actor, id: string, today: string): Promise<AssignmentView> {
  const view = await findAssignment(db, id, today);
  if (!view || (view.userId !== actor.userId && !seesAllAssignments(actor))) throw notFound('包联 / assignment');
  return view;
}

export async function logVisit(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, assignmentId: string, body: LogVisitBody): Promise<{ visit: VisitView; appeal: AppealView | null }> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  return inTransaction(deps.db, async (trx) => {
    const assignment = await visibleAssignment(trx, actor, assignmentId, today);
    // The assigned cadre logs his own visits; the office may record one on his behalf.
    if (assignment.userId !== actor.userId && !can(actor, 'relations.manage')) throw notFound('包联 / assignment');
    if (body.visitedOn > today) throw invalid('visitedOn', '走访日期不能晚于今天 / the visit date is in the future');
    if (body.visitedOn < assignment.validFrom || (assignment.validUntil !== null && body.visitedOn > assignment.validUntil)) {
      throw invalid('visitedOn', `走访日期须在包联期限内（${assignment.validFrom} 至 ${assignment.validUntil ?? '—'}） / the visit date lies outside the assignment's period`);
    }
    let appeal: AppealView | null = null;
    if (body.appeal) {
      const project = assignment.projectId ? await trx.selectFrom('projects').select(['enterprise_id', 'division_code']).where('id', '=', assignment.projectId).executeTakeFirstOrThrow() : null;
      const enterpriseId = assignment.enterpriseId ?? project?.enterprise_id ?? undefined;
      const divisionCode = !enterpriseId && project?.division_code && /^(\d{6}|\d{9}|\d{12})$/.test(project.division_code) ? project.division_code : undefined;
      appeal = await submitAppeal({ db: trx, clock: deps.clock }, ctx, actor, {
        ...body.appeal,
        channel: 'field_visit',
        enterpriseId,
        divisionCode,
        sourceNote: `走访 ${body.visitedOn}${assignment.enterpriseName ? ` · ${assignment.enterpriseName}` : assignment.projectName ? ` · ${assignment.projectName}` : ''}`.slice(0, 200),
      }, { at: now });
    }
    const row = await trx
      .insertInto('relation_visits')
      .values({ assignment_id: assignmentId, visited_on: body.visitedOn, visitor_id: assignment.userId, met_with: body.metWith || null, findings: body.findings, appeal_id: appeal?.id ?? null, created_by: actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const visit = await findVisit(trx, row.id);
    await recordAudit(trx, ctx, { action: 'relation.visit', entityType: 'relation_visit', entityId: row.id, before: null, after: { ...visit, assignmentId } }, now);
    return { visit, appeal };
  });
}
