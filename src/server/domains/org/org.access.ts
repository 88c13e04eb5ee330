// Who may see and change the organisation tree.
import type { Actor } from '../auth/actor.ts';
import { hasRole, isStaff } from '../auth/actor.ts';

export const orgAccess = {
  'org.read': (actor: Actor) => isStaff(actor),
  'org.manage': (actor: Actor) => hasRole(actor, 'admin'),
} as const;
