// notify(): inside the caller's transaction, one in-app notification per recipient and, for those with an e-mail address, an outbox row the worker delivers.
import type { Executor } from '../../db/transaction.ts';

export interface NotificationInput {
  userIds: readonly string[];
  /** e.g. 'appeal.assigned', 'appeal.clock.warning'; the UI renders `notifications.kinds.<kind>` with `data`. */
  kind: string;
  /** Simplified-Chinese title and body, used for e-mail and as the fallback text. */
  title: string;
  body?: string;
  data?: Record<string, unknown>;
  link?: string;
  entityType?: string;
  entityId?: string;
  /** Same key for the same user twice → one notification (timers in several processes). */
  dedupeKey?: string;
}

/** Returns the number of notifications created (duplicates by dedupeKey are skipped). */
export async function notify(db: Executor, input: NotificationInput, at: Date): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? '',
        data: JSON.stringify(input.data ?? {}),
        link: input.link ?? null,
        entity_type: input.entityType ?? null,
        entity_id: input.entityId ?? null,
        dedupe_key: input.dedupeKey ?? null,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning(['id', 'user_id'])
    .execute();
  if (rows.length === 0) return 0;
  const recipients = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', rows.map((r) => r.user_id))
    .where('email', 'is not', null)
    .where('status', '=', 'active')
    .execute();
  const emailOf = new Map(recipients.map((r) => [r.id, r.email!]));
  const outbox = rows
    .filter((r) => emailOf.has(r.user_id))
    .map((r) => ({
      notification_id: r.id,
      channel: 'email' as const,
      recipient: emailOf.get(r.user_id)!,
      subject: input.title,
      body: input.body ?? input.title,
      created_at: at,
      next_attempt_at: at,
    }));
  if (outbox.length > 0) await db.insertInto('notification_outbox').values(outbox).execute();
  return rows.length;
}
