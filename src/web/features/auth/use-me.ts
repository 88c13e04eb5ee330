// The signed-in user, their abilities and session, from GET /api/v1/me (cached by TanStack Query).
import { useQuery } from '@tanstack/react-query';
import type { MeResponse } from '../../../shared/schemas/index.ts';
import { fetchMe, meQueryKey } from './api.ts';

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function hasAbility(me: MeResponse | undefined, ability: string): boolean {
  return !!me && me.abilities.includes(ability);
}

/** The session inside the signed-in part of the app, where RequireSession guarantees it is loaded. */
export function useSession(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useSession outside RequireSession');
  return data;
}
