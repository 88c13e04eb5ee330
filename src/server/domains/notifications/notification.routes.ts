// HTTP routes of the in-app notification centre: list, unread count, mark read. Every signed-in user has their own and sees only those.
import type { FastifyInstance } from 'fastify';
import { idParams, listNotificationsQuery, listOf, notificationView, readAllView, unreadCountView } from '../../../shared/schemas/index.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification.repository.ts';

export function notificationRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  app.defineRoute({
    method: 'GET', url: '/api/v1/notifications', summary: '我的消息 / the caller\'s notifications, newest first', tags: ['notifications'], auth: true,
    query: listNotificationsQuery, response: listOf(notificationView),
    handler: async ({ actor, db, query }) => listNotifications(db, actor.userId, query),
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/notifications/unread-count', summary: '未读消息数 / number of unread notifications', tags: ['notifications'], auth: true,
    response: unreadCountView,
    handler: async ({ actor, db }) => ({ count: await unreadCount(db, actor.userId) }),
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/notifications/read-all', summary: '全部标为已读 / mark all notifications read', tags: ['notifications'], auth: true,
    response: readAllView,
    handler: async ({ actor, ctx, db }) => ({ count: await markAllRead(db, ctx, actor.userId, clock.now()) }),
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/notifications/{id}/read', summary: '标为已读 / mark one notification read', tags: ['notifications'], auth: true,
    params: idParams, response: notificationView,
    handler: async ({ actor, ctx, db, params }) => markRead(db, ctx, actor.userId, params.id, clock.now()),
  });
}
