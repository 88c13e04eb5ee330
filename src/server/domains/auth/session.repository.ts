// Sessions and API tokens in SQL: only digests of the secrets are stored.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from './actor.ts';

const actorColumns = ['users.id', 'users.username', 'users.display_name', 'users.roles', 'users.org_unit_id', 'users.enterprise_id'] as const;

const toActor = (
  row: { id: string; username: string; display_name: string; roles: string[]; org_unit_id: string | null; enterprise_id: string | null },
  via: { sessionId?: string; tokenId?: string },
): Actor => ({
  userId: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: row.roles as Role[],
  orgUnitId: row.org_unit_id,
  enterpriseId: row.enterprise_id,
  sessionId: via.sessionId ?? null,
  tokenId: via.tokenId ?? null,
});

export async function insertSession(
  db: Executor,
  session: { id: string; userId: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export interface FoundSession {
  actor: Actor;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The live sessions among `sessionIds` (not revoked, not expired, not idle, user active), in one query. */
export async function findSessionActors(db: Executor, sessionIds: readonly string[], now: Date, idleMinutes: number): Promise<Map<string, FoundSession>> {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...actorColumns, 'sessions.id as session_id', 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', 'in', sessionIds)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .where('users.status', '=', 'active')
    .execute();
  return new Map(rows.map((row) => [row.session_id, { actor: toActor(row, { sessionId: row.session_id }), lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }]));
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

export async function revokeUserSessions(db: Executor, userId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', new Date(now.getTime() - 7 * 86_400_000)), eb('revoked_at', '<', new Date(now.getTime() - 7 * 86_400_000))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findTokenActor(db: Executor, tokenHash: string, now: Date) {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...actorColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  return { actor: toActor(row, { tokenId: row.token_id }), lastUsedAt: row.last_used_at };
}

export async function touchToken(db: Executor, tokenId: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

export async function lockedUntil(db: Executor, username: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('username', '=', username).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/** Counts a failure; failures older than the lock window are forgotten. Returns the new count and lock. */
export async function recordLoginFailure(db: Executor, username: string, now: Date, maxFailures: number, lockMinutes: number) {
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
  const row = await sql<{ failures: number; locked_until: Date | null }>`
    INSERT INTO login_throttle (username, failures, last_failure_at, locked_until)
    VALUES (${username}, 1, ${now}, CASE WHEN 1 >= ${maxFailures} THEN ${lockUntil}::timestamptz END)
    ON CONFLICT (username) DO UPDATE SET
      failures = CASE WHEN login_throttle.last_failure_at < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END,
      last_failure_at = ${now},
      locked_until = CASE
        WHEN (CASE WHEN login_throttle.last_failure_at < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END) >= ${maxFailures}
        THEN ${lockUntil}::timestamptz ELSE NULL END
    RETURNING failures, locked_until`.execute(db);
  return row.rows[0];
}

export async function clearLoginFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).execute();
}
