// The minimal enterprise list the foundation needs (pickers, enterprise users); the full registry is a later capability.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { enterpriseSummary, listEnterprisesQuery, listOf } from '../../../shared/schemas/index.ts';
import { isStaff } from '../auth/actor.ts';
import { authorize } from '../abilities.ts';

export function enterpriseRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprises', summary: '企业列表 / enterprises the caller may see', tags: ['enterprises'], auth: true,
    query: listEnterprisesQuery, response: listOf(enterpriseSummary),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'enterprise.read');
      let q = db.selectFrom('enterprises').select(['id', 'uscc', 'name', 'division_code']);
      if (!isStaff(actor)) q = q.where('id', '=', actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000');
      if (query.q) {
        const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('uscc', 'ilike', like)]));
      }
      const rows = await q
        .select(sql<number>`count(*) over ()::int`.as('total_count'))
        .orderBy('name')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { total: rows[0]?.total_count ?? 0, items: rows.map((r) => ({ id: r.id, uscc: r.uscc, name: r.name, divisionCode: r.division_code })) };
    },
  });
}
