// HTTP routes of 包联: my enterprises, assignments (office assigns and ends), visits (with "转为诉求"), projects, the staff picker.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { idParams, listOf, pageQuery, uuid } from '../../../../shared/schemas/common.ts';
import { appealView } from '../../../../shared/schemas/appeals.ts';
import {
  assignmentView,
  createAssignmentBody,
  createProjectBody,
  endAssignmentBody,
  listAssignmentsQuery,
  listProjectsQuery,
  logVisitBody,
  myRelationsResponse,
  projectView,
  visitView,
} from '../../../../shared/schemas/enterprise-relations.ts';
import { authorize } from '../../abilities.ts';
import { seesAllAssignments } from './relation.access.ts';
import { listAssignments, listProjects, listVisits } from './relation.repository.ts';
import { createAssignment, createProject, endAssignment, logVisit, visibleAssignment } from './manage-relations.ts';
import { myRelations } from './my-relations.ts';
import { shanghaiDate } from './visit-plan.ts';

const staffOption = z.object({ id: uuid, username: z.string(), displayName: z.string(), roles: z.array(z.string()), unitName: z.string().nullable() });

export function relationRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  const today = () => shanghaiDate(clock.now());

  app.defineRoute({
    method: 'GET', url: '/api/v1/relations/mine', summary: '我的包联企业 / my assigned enterprises, their open appeals and visits due', tags: ['relations'], auth: true,
    response: myRelationsResponse,
    handler: async ({ actor, db }) => {
      authorize(actor, 'relations.own');
      return myRelations(db, actor, today());
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/relations/assignments', summary: '包联安排 / assignments (the office sees all, others their own)', tags: ['relations'], auth: true,
    query: listAssignmentsQuery, response: listOf(assignmentView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'relations.own');
      const userId = seesAllAssignments(actor) ? query.userId : actor.userId;
      return listAssignments(db, { userId, enterpriseId: query.enterpriseId, projectId: query.projectId, active: query.active }, today(), query);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/relations/assignments', summary: '安排包联 / assign a leader or cadre to an enterprise or project', tags: ['relations'], auth: true, idempotent: true,
    body: createAssignmentBody, response: assignmentView,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'relations.manage');
      return createAssignment({ db, clock }, ctx, actor, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/relations/assignments/{id}', summary: '一项包联 / one assignment', tags: ['relations'], auth: true,
    params: idParams, response: assignmentView,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'relations.own');
      return visibleAssignment(db, actor, params.id, today());
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/relations/assignments/{id}/end', summary: '结束包联 / end an assignment', tags: ['relations'], auth: true,
    params: idParams, body: endAssignmentBody, response: assignmentView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'relations.manage');
      return endAssignment({ db, clock }, ctx, params.id, body, actor);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/relations/assignments/{id}/visits', summary: '走访记录 / visits of an assignment', tags: ['relations'], auth: true,
    params: idParams, response: listOf(visitView),
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'relations.own');
      await visibleAssignment(db, actor, params.id, today());
      const items = await listVisits(db, params.id);
      return { items, total: items.length };
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/relations/assignments/{id}/visits', summary: '记录走访（可转为诉求） / log a visit; a problem learned becomes a field_visit appeal', tags: ['relations'], auth: true, idempotent: true,
    params: idParams, body: logVisitBody, response: z.object({ visit: visitView, appeal: appealView.nullable() }),
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'relations.own');
      return logVisit({ db, clock }, ctx, actor, params.id, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/relations/projects', summary: '项目 / projects', tags: ['relations'], auth: true,
    query: listProjectsQuery, response: listOf(projectView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'relations.own');
      return listProjects(db, query.q, query);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/relations/projects', summary: '登记项目 / record a project', tags: ['relations'], auth: true, idempotent: true,
    body: createProjectBody, response: projectView,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'relations.manage');
      return createProject({ db, clock }, ctx, actor, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/relations/assignable-users', summary: '可安排包联的工作人员 / staff who can be assigned', tags: ['relations'], auth: true,
    query: pageQuery.extend({ q: z.string().trim().max(64).optional() }), response: listOf(staffOption),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'relations.manage');
      let q = db
        .selectFrom('users as u')
        .leftJoin('org_units as o', 'o.id', 'u.org_unit_id')
        .select(['u.id', 'u.username', 'u.display_name', 'u.roles', 'o.name as unit_name'])
        .where('u.status', '=', 'active')
        .where('u.enterprise_id', 'is', null);
      if (query.q) {
        const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.username', 'ilike', like)]));
      }
      const rows = await q.select(sql<number>`count(*) over ()::int`.as('total_count')).orderBy('u.display_name').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
      return { total: rows[0]?.total_count ?? 0, items: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, roles: r.roles, unitName: r.unit_name })) };
    },
  });
}
