// What a use case knows about the request that runs it: who, which request id, and the moment.
import type { Actor } from '../domains/auth/actor.ts';

export interface RequestContext {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const systemContext = (label = 'system'): RequestContext => ({
  actor: null,
  requestId: label,
  ip: null,
  userAgent: null,
});
