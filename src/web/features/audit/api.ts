// Calls of the audit trail: the filtered, paged list of audit events.
import { auditEventView, listOf } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditKeys = { list: (filters: AuditFilters, page: number, pageSize: number) => ['audit-events', filters, page, pageSize] as const };

export function fetchAuditEvents(filters: AuditFilters, page: number, pageSize: number) {
  return api.get('/audit-events', listOf(auditEventView), { ...filters, page, pageSize });
}
