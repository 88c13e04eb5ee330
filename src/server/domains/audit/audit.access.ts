// Who may browse the audit trail: administrators and supervisors (纪检监察).
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/actor.ts';

export const auditAccess = {
  'audit.read': (actor: Actor) => hasRole(actor, 'admin', 'supervisor'),
} as const;
