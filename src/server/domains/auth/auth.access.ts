// Who may do what with accounts and tokens; together with every domain's *.access.ts it yields the abilities sent to the UI.
import type { Actor } from './actor.ts';
import { isStaff } from './actor.ts';

export const authAccess = {
  /** Integration tokens are for staff systems; enterprises integrate through their own portal account later. */
  'token.manage': (actor: Actor) => isStaff(actor),
  'me.update': (_actor: Actor) => true,
} as const;
