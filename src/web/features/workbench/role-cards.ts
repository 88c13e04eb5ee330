// The placeholder cards each staff role sees on the workbench until the appeal queues are built.
import type { Role } from '../../../shared/roles.ts';

export type RoleCardIcon = 'inbox' | 'send' | 'sign' | 'work' | 'phone' | 'policy' | 'payout' | 'inspect' | 'alert';

export interface RoleCard {
  key: string;
  icon: RoleCardIcon;
  /** i18n keys under `workbench.cards.<key>` — `title` and `desc`. */
}

const cardsByRole: Partial<Record<Role, RoleCard[]>> = {
  dispatcher: [
    { key: 'intake', icon: 'inbox' },
    { key: 'assign', icon: 'send' },
  ],
  handler: [
    { key: 'sign', icon: 'sign' },
    { key: 'work', icon: 'work' },
  ],
  followup: [{ key: 'followUp', icon: 'phone' }],
  policy_officer: [
    { key: 'policies', icon: 'policy' },
    { key: 'payouts', icon: 'payout' },
  ],
  inspector: [{ key: 'inspections', icon: 'inspect' }],
  supervisor: [{ key: 'oversight', icon: 'alert' }],
  leader: [{ key: 'oversight', icon: 'alert' }],
};

/** The cards of all the user's roles, each once, in role order. */
export function roleCardsFor(roles: readonly Role[]): RoleCard[] {
  const seen = new Set<string>();
  return roles.flatMap((role) => cardsByRole[role] ?? []).filter((card) => (seen.has(card.key) ? false : (seen.add(card.key), true)));
}
