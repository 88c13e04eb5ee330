// Who may open the review queue and a reviewed application: reviewers (policy.review) decide, leaders and supervisors read (as the contract's list access says).
import type { ReactNode } from 'react';
import type { Role } from '../../../../shared/roles.ts';
import { ForbiddenResult } from '../../../components/StatusResults.tsx';
import { useSession } from '../../auth/use-me.ts';

export const reviewReaderRoles: readonly Role[] = ['admin', 'policy_officer', 'leader', 'supervisor'];

export function mayReadReviews(abilities: readonly string[], roles: readonly string[]): boolean {
  return abilities.includes('policy.review') || (abilities.includes('policy.read') && roles.some((role) => (reviewReaderRoles as readonly string[]).includes(role)));
}

export function RequireReviewAccess({ children }: { children: ReactNode }) {
  const me = useSession();
  return mayReadReviews(me.abilities, me.user.roles) ? <>{children}</> : <ForbiddenResult />;
}
