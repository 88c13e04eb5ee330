// Who may assign cadres to enterprises (包联), see every assignment, and log visits; a cadre's own assignments are filtered in SQL.
import type { Actor } from '../../auth/actor.ts';
import { hasRole, isStaff } from '../../auth/actor.ts';

export const relationAccess = {
  /** Any staff member can be assigned; the page lists only the caller's own assignments. */
  'relations.own': (actor: Actor) => isStaff(actor),
  'relations.read-all': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher', 'supervisor'),
  'relations.manage': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
} as const;

/** Every assignment, or only the caller's. */
export const seesAllAssignments = (actor: Actor): boolean => relationAccess['relations.read-all'](actor);
