// Sends `/` to the user's home, keeps each role's home page to the role it was made for, and picks a page by role where one path serves several.
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { homePathFor, layoutVariantFor, type LayoutVariant } from '../features/auth/role-home.ts';
import { useSession } from '../features/auth/use-me.ts';

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={homePathFor(user.roles)} replace />;
}

export function HomeFor({ variant, children }: { variant: LayoutVariant; children: ReactNode }) {
  const { user } = useSession();
  return layoutVariantFor(user.roles) === variant ? <>{children}</> : <Navigate to={homePathFor(user.roles)} replace />;
}

/** `/appeals` is "my appeals" for an enterprise and the ledger for staff. */
export function AppealsByRole({ enterprise, staff }: { enterprise: ReactNode; staff: ReactNode }) {
  const { user } = useSession();
  return <>{layoutVariantFor(user.roles) === 'enterprise' ? enterprise : staff}</>;
}
