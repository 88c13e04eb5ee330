// HTTP route to browse the audit trail (administrators and supervisors).
import type { FastifyInstance } from 'fastify';
import { auditEventView, listAuditQuery, listOf } from '../../../shared/schemas/index.ts';
import { authorize } from '../abilities.ts';
import { listAuditEvents } from './audit.repository.ts';

export function auditRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'GET', url: '/api/v1/audit-events', summary: '审计日志 / audit trail, newest first', tags: ['audit'], auth: true,
    query: listAuditQuery, response: listOf(auditEventView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'audit.read');
      return listAuditEvents(db, query);
    },
  });
}
