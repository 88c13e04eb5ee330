// Calls of the notification centre: the caller's notifications, the unread count, marking read.
import { z } from 'zod';
import { api } from '../../lib/api.ts';

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable().optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  link: z.string().nullable().optional(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
};

export function fetchNotifications(unreadOnly: boolean, pageSize = 10) {
  return api.get('/notifications', z.object({ items: z.array(notificationView), total: z.number() }), { unread: unreadOnly ? true : undefined, page: 1, pageSize });
}

export function fetchUnreadCount() {
  return api.get('/notifications/unread-count', z.object({ count: z.number() }));
}

export function markNotificationRead(id: string) {
  return api.post(`/notifications/${id}/read`);
}

export function markAllNotificationsRead() {
  return api.post('/notifications/read-all');
}
