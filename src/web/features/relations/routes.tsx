// Route elements of 包联, green cards and enterprise accounts that the router needs beyond RequireAbility: public pages (own Suspense, no session) and a page open to either of two abilities.
import { lazy, Suspense } from 'react';
import { ForbiddenResult } from '../../components/StatusResults.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { useSession } from '../auth/use-me.ts';

const VerifyGreenCardPage = lazy(() => import('../green-card/VerifyGreenCardPage.tsx'));
const ClaimAccountPage = lazy(() => import('./accounts/ClaimAccountPage.tsx'));
const EnterpriseAccountsPage = lazy(() => import('./accounts/EnterpriseAccountsPage.tsx'));

export function VerifyGreenCardRoute() {
  return (
    <Suspense fallback={<PageSpin fullScreen />}>
      <VerifyGreenCardPage />
    </Suspense>
  );
}

export function ClaimAccountRoute() {
  return (
    <Suspense fallback={<PageSpin fullScreen />}>
      <ClaimAccountPage />
    </Suspense>
  );
}

/** The office (verify) and enterprise users (their own accounts) share one page. */
export function EnterpriseAccountsRoute() {
  const me = useSession();
  return me.abilities.includes('enterprise-account.verify') || me.abilities.includes('enterprise-account.own') ? <EnterpriseAccountsPage /> : <ForbiddenResult />;
}
