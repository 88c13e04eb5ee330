// Idempotency-Key: the key row, the created record and its audit event commit in one transaction; a repeat replays the first answer.
import type { FastifyRequest } from 'fastify';
import { canonicalJson, sha256 } from '../platform/crypto.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../db/transaction.ts';
import { AppError } from './errors.ts';

export interface Outcome {
  status: number;
  body: unknown;
}

/** The key row a request claims: who (scope), which key, and a hash of the request so a reuse for another request is refused. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export function idempotencyClaimOf(request: FastifyRequest, key: string): IdempotencyClaim {
  if (key.length > 200) throw new AppError('validation_failed', 'Idempotency-Key: too long', [{ path: 'Idempotency-Key', message: '≤ 200 characters' }]);
  return {
    scope: request.actor?.userId ?? `anon:${request.ip}`,
    key,
    method: request.method,
    path: request.routeOptions.url ?? request.url,
    requestHash: sha256(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`),
  };
}

/** Thrown inside the transaction to roll it back when the key was used before. */
class KeyTaken extends Error {}

/** The first answer given under this key, or null when the key is free; refuses a key reused for a different request. */
export async function replay(db: Executor, scope: string, key: string, requestHash: string): Promise<Outcome | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'Idempotency-Key 已用于另一个请求 / this Idempotency-Key was used for a different request', [
      { path: 'Idempotency-Key', message: 'reused with a different request' },
    ]);
  }
  return { status: row.status_code, body: row.response ?? undefined };
}

export async function withIdempotency(
  request: FastifyRequest,
  key: string,
  run: (db: Executor) => Promise<Outcome>,
): Promise<Outcome> {
  const db = request.server.deps.db;
  const { scope, path, requestHash } = idempotencyClaimOf(request, key);
  try {
    return await inTransaction(db, async (trx) => {
      // Claim the key first, in the same round trip as the check: a concurrent duplicate waits on this row until we
      // commit and then finds it taken; a key already used ends here and its first answer is replayed below.
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({ scope, key, method: request.method, path, request_hash: requestHash, status_code: 0, response: null, created_at: new Date() })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) throw new KeyTaken();
      const outcome = await run(trx);
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: outcome.status, response: outcome.body === undefined ? null : JSON.stringify(outcome.body) })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      return outcome;
    });
  } catch (error) {
    if (!(error instanceof KeyTaken) && !isUniqueViolation(error, 'idempotency_keys_pkey')) throw error;
    const winner = await replay(db, scope, key, requestHash);
    if (!winner) throw error;
    return winner;
  }
}
