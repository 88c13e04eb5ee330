// SQL of 包联: assignments with names, last visit and visit count; visits with visitor and appeal number; projects.
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import type { AssignmentView, ProjectView, VisitView } from '../../../../shared/schemas/enterprise-relations.ts';
import { planState } from './visit-plan.ts';

export interface AssignmentFilter {
  userId?: string;
  enterpriseId?: string;
  projectId?: string;
  active?: boolean;
  ids?: string[];
}

function assignmentQuery(db: Executor) {
  return db
    .selectFrom('relation_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .leftJoin('projects as p', 'p.id', 'a.project_id')
    .selectAll('a')
    .select(['u.display_name as user_name', 'e.name as enterprise_name', 'p.name as project_name'])
    // date[] is not covered by the DATE-as-string parser: read it as text.
    .select(sql<string[]>`a.planned_visits::text[]`.as('planned_dates'))
    .select((eb) => [
      eb.selectFrom('relation_visits as v').whereRef('v.assignment_id', '=', 'a.id').select(sql<string | null>`max(v.visited_on)::text`.as('m')).as('last_visit_on'),
      eb.selectFrom('relation_visits as v').whereRef('v.assignment_id', '=', 'a.id').select(sql<number>`count(*)::int`.as('c')).as('visit_count'),
    ]);
}

type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentQuery>['executeTakeFirstOrThrow']>>;

export function toAssignmentView(row: AssignmentRow, today: string): AssignmentView {
  const state = planState(
    {
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      ended: row.ended_at !== null,
      visitEveryMonths: row.visit_every_months,
      plannedVisits: row.planned_dates,
      lastVisitOn: row.last_visit_on,
    },
    today,
  );
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    projectId: row.project_id,
    projectName: row.project_name,
    duty: row.duty,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    visitEveryMonths: row.visit_every_months,
    plannedVisits: [...row.planned_dates].sort(),
    note: row.note,
    endedAt: row.ended_at ? row.ended_at.toISOString() : null,
    endReason: row.end_reason,
    lastVisitOn: row.last_visit_on,
    visitCount: row.visit_count ?? 0,
    ...state,
  };
}

export async function listAssignments(db: Executor, filter: AssignmentFilter, today: string, page: { page: number; pageSize: number }): Promise<{ items: AssignmentView[]; total: number }> {
  let query = assignmentQuery(db);
  if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
  if (filter.enterpriseId) query = query.where('a.enterprise_id', '=', filter.enterpriseId);
  if (filter.projectId) query = query.where('a.project_id', '=', filter.projectId);
  if (filter.ids) query = query.where('a.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.active === true) query = query.where('a.ended_at', 'is', null).where('a.valid_from', '<=', today).where((eb) => eb.or([eb('a.valid_until', 'is', null), eb('a.valid_until', '>=', today)]));
  if (filter.active === false) query = query.where((eb) => eb.or([eb('a.ended_at', 'is not', null), eb('a.valid_from', '>', today), eb('a.valid_until', '<', today)]));
  const rows = await query
    .select(sql<number>`count(*) over ()::int`.as('total_count'))
    .orderBy('a.valid_from', 'desc')
    .orderBy('a.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { total: rows[0]?.total_count ?? 0, items: rows.map((r) => toAssignmentView(r, today)) };
}

export async function findAssignment(db: Executor, id: string, today: string): Promise<AssignmentView | null> {
  const row = await assignmentQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toAssignmentView(row, today) : null;
}

export async function listVisits(db: Executor, assignmentId: string): Promise<VisitView[]> {
  const rows = await db
    .selectFrom('relation_visits as v')
    .innerJoin('users as u', 'u.id', 'v.visitor_id')
    .leftJoin('appeals as ap', 'ap.id', 'v.appeal_id')
    .selectAll('v')
    .select(['u.display_name as visitor_name', 'ap.number as appeal_number'])
    .where('v.assignment_id', '=', assignmentId)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    visitedOn: r.visited_on,
    visitorId: r.visitor_id,
    visitorName: r.visitor_name,
    metWith: r.met_with,
    findings: r.findings,
    appealId: r.appeal_id,
    appealNumber: r.appeal_number,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function findVisit(db: Executor, id: string): Promise<VisitView> {
  const rows = await db.selectFrom('relation_visits').select('assignment_id').where('id', '=', id).executeTakeFirstOrThrow();
  return (await listVisits(db, rows.assignment_id)).find((v) => v.id === id)!;
}

export async function listProjects(db: Executor, q: string | undefined, page: { page: number; pageSize: number }): Promise<{ items: ProjectView[]; total: number }> {
  let query = db.selectFrom('projects as p').leftJoin('enterprises as e', 'e.id', 'p.enterprise_id').selectAll('p').select('e.name as enterprise_name');
  if (q) query = query.where('p.name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query
    .select(sql<number>`count(*) over ()::int`.as('total_count'))
    .orderBy('p.name')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { total: rows[0]?.total_count ?? 0, items: rows.map((r) => ({ id: r.id, name: r.name, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, divisionCode: r.division_code, stage: r.stage })) };
}
