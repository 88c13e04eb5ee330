// Schemas of the audit trail browser.
import { z } from 'zod';
import { businessDate, pageQuery, uuid } from './common.ts';

export const auditEventView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const listAuditQuery = pageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: uuid.optional(),
  action: z.string().max(64).optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
});
