// Who may open the review queue and a reviewed application: reviewers (policy.review) decide; leaders and supervisors read (policy.ledger, the same readers as the payout ledger).
import type { ReactNode } from 'react';
import { ForbiddenResult } from '../../../components/StatusResults.tsx';
import { useSession } from '../../auth/use-me.ts';

export function mayReadReviews(abilities: readonly string[]): boolean {
  return abilities.includes('policy.review') || abilities.includes('policy.ledger');
}

export function RequireReviewAccess({ children }: { children: ReactNode }) {
  const me = useSession();
  return mayReadReviews(me.abilities) ? <>{children}</> : <ForbiddenResult />;
}
