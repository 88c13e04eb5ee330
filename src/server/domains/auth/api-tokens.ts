// API tokens for integrations: created for the caller, shown once, stored as a digest, revocable.
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import type { ApiTokenView } from '../../../shared/schemas/index.ts';
import { recordAudit } from '../audit/audit.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toView = (row: { id: string; name: string; prefix: string; created_at: Date; last_used_at: Date | null; expires_at: Date | null; revoked_at: Date | null }): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: iso(row.last_used_at),
  expiresAt: iso(row.expires_at),
  revokedAt: iso(row.revoked_at),
});

export async function listApiTokens(db: Executor, userId: string) {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return { items: rows.map(toView), total: rows.length };
}

export async function createApiToken(
  deps: Pick<Deps, 'clock'> & { db: Executor },
  ctx: RequestContext,
  input: { name: string; expiresInDays?: number },
) {
  const now = deps.clock.now();
  const prefix = randomToken(6).slice(0, 8);
  const token = `qq_${prefix}_${randomToken(32)}`;
  return inTransaction(deps.db, async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: ctx.actor!.userId,
        name: input.name,
        prefix,
        token_hash: sha256(token),
        created_at: now,
        expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toView(row);
    await recordAudit(trx, ctx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, after: view }, now);
    return { ...view, token };
  });
}

export async function revokeApiToken(deps: Pick<Deps, 'clock'> & { db: Executor }, ctx: RequestContext, id: string): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', ctx.actor!.userId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('API 令牌 / API token');
    await recordAudit(trx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id, after: toView(row) }, now);
  });
}
