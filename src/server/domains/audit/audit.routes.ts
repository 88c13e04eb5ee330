// HTTP route to browse the audit trail (administrators and supervisors).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { auditEventView, listAuditQuery, listOf } from '../../../shared/schemas/index.ts';
import { authorize } from '../abilities.ts';

/** A business date's bounds in Asia/Shanghai. */
const shanghaiDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

export function auditRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'GET', url: '/api/v1/audit-events', summary: '审计日志 / audit trail, newest first', tags: ['audit'], auth: true,
    query: listAuditQuery, response: listOf(auditEventView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'audit.read');
      let q = db.selectFrom('audit_events').selectAll();
      if (query.entityType) q = q.where('entity_type', '=', query.entityType);
      if (query.entityId) q = q.where('entity_id', '=', query.entityId);
      if (query.actorId) q = q.where('actor_id', '=', query.actorId);
      if (query.action) q = q.where('action', '=', query.action);
      if (query.from) q = q.where('at', '>=', shanghaiDayStart(query.from));
      if (query.to) q = q.where('at', '<', new Date(shanghaiDayStart(query.to).getTime() + 86_400_000));
      const rows = await q
        .select(sql<number>`count(*) over ()::int`.as('total_count'))
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return {
        total: rows[0]?.total_count ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before ?? null,
          after: r.after ?? null,
          requestId: r.request_id,
          hash: r.hash,
        })),
      };
    },
  });
}
