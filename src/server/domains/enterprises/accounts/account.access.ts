// Who verifies enterprise account claims (the office) and who manages an enterprise's own accounts (its verified 法人 account, checked in the use case).
import type { Actor } from '../../auth/actor.ts';
import { hasRole } from '../../auth/actor.ts';

export const enterpriseAccountAccess = {
  'enterprise-account.verify': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
  /** An enterprise user sees its enterprise's accounts; approving and inviting needs the 法人 account (checked per request). */
  'enterprise-account.own': (actor: Actor) => hasRole(actor, 'enterprise') && actor.enterpriseId !== null,
} as const;
