// Who may import enterprises (creates and changes records in bulk: the office and administrators) and export lists (staff).
import type { Actor } from '../../auth/actor.ts';
import { hasRole, isStaff } from '../../auth/actor.ts';

export const enterpriseImportAccess = {
  'enterprise.import': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
  'enterprise.export': (actor: Actor) => isStaff(actor),
} as const;
