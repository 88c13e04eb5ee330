// Resolves the caller of a request from the session cookie or a Bearer API token; expired and idle sessions are refused.
import type { Deps } from '../../deps.ts';
import { sha256 } from '../../platform/crypto.ts';
import type { Actor } from './actor.ts';
import { Coalescer } from '../../platform/coalescer.ts';
import { findSessionActors, findTokenActor, touchSession, touchToken, type FoundSession } from './session.repository.ts';

export const SESSION_COOKIE = 'qinqing_session';
/** Writing last-seen on every request would turn every read into a write. */
const TOUCH_EVERY_MS = 60_000;

export interface Authenticated {
  actor: Actor;
  session: { expiresAt: Date } | null;
}

type AuthDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Concurrent requests' session look-ups go to the database together (one query per round, never a cache). */
const sessionLookups = new WeakMap<AuthDeps, Coalescer<string, FoundSession>>();

function lookUpSession(deps: AuthDeps, sessionId: string): Promise<FoundSession | undefined> {
  let coalescer = sessionLookups.get(deps);
  if (!coalescer) {
    coalescer = new Coalescer((ids) => findSessionActors(deps.db, ids, deps.clock.now(), deps.config.session.idleMinutes));
    sessionLookups.set(deps, coalescer);
  }
  return coalescer.load(sessionId);
}

export async function authenticate(
  deps: AuthDeps,
  credentials: { sessionToken?: string; bearer?: string },
): Promise<Authenticated | null> {
  const now = deps.clock.now();
  if (credentials.bearer) {
    const found = await findTokenActor(deps.db, sha256(credentials.bearer), now);
    if (!found) return null;
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchToken(deps.db, found.actor.tokenId!, now);
    return { actor: found.actor, session: null };
  }
  if (credentials.sessionToken) {
    const sessionId = sha256(credentials.sessionToken);
    const found = await lookUpSession(deps, sessionId);
    if (!found) return null;
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, sessionId, now);
    return { actor: found.actor, session: { expiresAt: found.expiresAt } };
  }
  return null;
}
