// GET /api/v1/enterprises/export?format=xlsx|csv&…: the filtered list (same filters as GET /api/v1/enterprises) streamed as a file; one audit event per export.
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { enterpriseExportQuery } from '../../../../shared/schemas/enterprise-import.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { authorize } from '../../abilities.ts';
import { hasRole } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { businessDateOf } from '../../calendar/working-days.ts';
import { enterpriseScopeFor } from '../enterprise.access.ts';
import { exportEnterprises } from './export-enterprises.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function enterpriseExportRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprises/export', tags: ['enterprises'], auth: true,
    summary: '导出企业名录 / the enterprise list, filtered as GET /api/v1/enterprises (q, divisionCode, industryCode, tag, size, status), as a streamed xlsx or csv that the import reads back',
    query: enterpriseExportQuery,
    handler: async ({ actor, ctx, db, query, reply }) => {
      authorize(actor, 'enterprise.export');
      const now = app.deps.clock.now();
      const scope = enterpriseScopeFor(actor);
      const fullPhones = hasRole(actor, 'admin', 'dispatcher', 'followup');
      await inTransaction(db, (trx) => recordAudit(trx, ctx, { action: 'enterprise.export', entityType: 'enterprise', entityId: 'export', before: null, after: { filters: query, fullPhones } }, now));
      const day = businessDateOf(now);
      const ext = query.format;
      reply.header('content-type', ext === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      reply.header('content-disposition', `attachment; filename="enterprises-${day}.${ext}"; filename*=UTF-8''${encodeURIComponent(`企业名录_${day}.${ext}`)}`);
      reply.header('cache-control', 'no-store');
      const out = new PassThrough();
      exportEnterprises(app.deps.db, scope, query, now, out, { fullPhones }).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
      return out;
    },
  });
}
