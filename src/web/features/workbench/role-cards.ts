// The cards each staff role sees on the workbench: links to its queues (with the filter whose count the card shows), or "coming soon".
import type { Role } from '../../../shared/roles.ts';
import type { AppealFilters } from '../appeals/api.ts';

export type RoleCardIcon = 'inbox' | 'send' | 'sign' | 'work' | 'phone' | 'policy' | 'payout' | 'inspect' | 'alert';

export interface RoleCard {
  key: string;
  icon: RoleCardIcon;
  /** The page the card opens; without it the capability is not built yet. */
  to?: string;
  /** The appeals the card counts (the same list the page shows). */
  count?: AppealFilters;
  /** i18n keys under `workbench.cards.<key>` — `title` and `desc`. */
}

const cardsByRole: Partial<Record<Role, RoleCard[]>> = {
  dispatcher: [
    { key: 'intake', icon: 'inbox', to: '/triage', count: { queue: 'triage' } },
    { key: 'assign', icon: 'send', to: '/supervision' },
  ],
  handler: [
    { key: 'sign', icon: 'sign', to: '/my-work?status=assigned,reopened', count: { queue: 'mine', status: ['assigned', 'reopened'] } },
    { key: 'work', icon: 'work', to: '/my-work', count: { queue: 'mine' } },
  ],
  followup: [{ key: 'followUp', icon: 'phone', to: '/follow-ups', count: { queue: 'follow-up' } }],
  policy_officer: [
    { key: 'policies', icon: 'policy' },
    { key: 'payouts', icon: 'payout' },
  ],
  inspector: [{ key: 'inspections', icon: 'inspect' }],
  supervisor: [{ key: 'oversight', icon: 'alert', to: '/supervision', count: { overdue: true, status: ['accepted', 'assigned', 'signed', 'returned', 'paused', 'replied', 'reopened', 'submitted'] } }],
  leader: [{ key: 'oversight', icon: 'alert', to: '/supervision', count: { overdue: true, status: ['accepted', 'assigned', 'signed', 'returned', 'paused', 'replied', 'reopened', 'submitted'] } }],
};

/** The cards of all the user's roles, each once, in role order. */
export function roleCardsFor(roles: readonly Role[]): RoleCard[] {
  const seen = new Set<string>();
  return roles.flatMap((role) => cardsByRole[role] ?? []).filter((card) => (seen.has(card.key) ? false : (seen.add(card.key), true)));
}
