// The caller's own notifications in SQL: list, unread count, mark one or all read (each mark audited).
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import type { ListNotificationsQuery, NotificationView } from '../../../shared/schemas/notifications.ts';
import { recordAudit } from '../audit/audit.repository.ts';

const columns = ['id', 'kind', 'title', 'body', 'data', 'link', 'created_at', 'read_at'] as const;

type Row = { id: string; kind: string; title: string; body: string; data: Record<string, unknown>; link: string | null; created_at: Date; read_at: Date | null };

const toView = (r: Row): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  data: r.data ?? {},
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

export async function listNotifications(db: Executor, userId: string, q: ListNotificationsQuery): Promise<{ items: NotificationView[]; total: number }> {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (q.unread !== undefined) base = base.where('read_at', q.unread ? 'is' : 'is not', null);
  const [rows, count] = await Promise.all([
    base.select(columns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toView), total: Number(count.n) };
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Someone else's notification answers 404, like one that does not exist; marking twice keeps the first time. */
export async function markRead(db: Executor, ctx: RequestContext, userId: string, id: string, at: Date): Promise<NotificationView> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('notifications').select(columns).where('id', '=', id).where('user_id', '=', userId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('消息 / notification');
    if (row.read_at) return toView(row);
    const updated = await trx.updateTable('notifications').set({ read_at: at }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id, before: { readAt: null }, after: { readAt: at.toISOString() } }, at);
    return toView(updated);
  });
}

export async function markAllRead(db: Executor, ctx: RequestContext, userId: string, at: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const result = await trx.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (count > 0) await recordAudit(trx, ctx, { action: 'notification.read_all', entityType: 'user', entityId: userId, after: { count } }, at);
    return count;
  });
}
