// The authenticated caller as every access check and use case sees it.
import type { Role } from '../../../shared/roles.ts';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  orgUnitId: string | null;
  enterpriseId: string | null;
  /** Set when the caller came with a session cookie. */
  sessionId: string | null;
  /** Set when the caller came with an API token. */
  tokenId: string | null;
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => roles.some((r) => actor.roles.includes(r));
export const isStaff = (actor: Actor): boolean => actor.roles.some((r) => r !== 'enterprise');
export const actorLabel = (actor: Actor | null): string => (actor ? `${actor.username}` : 'system');
