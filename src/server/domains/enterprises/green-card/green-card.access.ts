// Who may issue, renew and revoke 企业家绿卡 and who may list them; verification by number is public (rate-limited).
import type { Actor } from '../../auth/actor.ts';
import { hasRole, isStaff } from '../../auth/actor.ts';

export const greenCardAccess = {
  'green-card.read': (actor: Actor) => isStaff(actor),
  'green-card.manage': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
} as const;
