// Shows a page only to users holding an ability; others see a "no permission" result.
import type { ReactNode } from 'react';
import { useSession } from '../features/auth/use-me.ts';
import { ForbiddenResult } from '../components/StatusResults.tsx';

export function RequireAbility({ ability, children }: { ability: string; children: ReactNode }) {
  const me = useSession();
  return me.abilities.includes(ability) ? <>{children}</> : <ForbiddenResult />;
}
