// Who may read and edit the working-day calendar.
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/actor.ts';

export const calendarAccess = {
  'calendar.read': (_actor: Actor) => true,
  'calendar.edit': (actor: Actor) => hasRole(actor, 'admin'),
} as const;
