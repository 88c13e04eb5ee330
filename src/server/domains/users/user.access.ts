// Who may see and manage users, and which users a caller's lists contain.
import type { Executor } from '../../db/transaction.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole, isStaff } from '../auth/actor.ts';
import { subtreeIds } from '../org/org.repository.ts';
import type { UserScope } from './user.repository.ts';

export const userAccess = {
  'user.read': (actor: Actor) => isStaff(actor) || actor.enterpriseId !== null,
  'user.manage': (actor: Actor) => hasRole(actor, 'admin'),
} as const;

/** Administrators, leaders and supervisors see everyone; other staff their own unit and below; an enterprise its own users. */
export async function visibleUsers(db: Executor, actor: Actor): Promise<UserScope> {
  if (hasRole(actor, 'admin', 'leader', 'supervisor')) return { kind: 'all' };
  if (isStaff(actor)) return actor.orgUnitId ? { kind: 'units', unitIds: await subtreeIds(db, actor.orgUnitId) } : { kind: 'self', userId: actor.userId };
  if (actor.enterpriseId) return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
  return { kind: 'self', userId: actor.userId };
}
