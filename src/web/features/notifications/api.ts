// Calls of the notification centre: the caller's notifications, the unread count, marking read.
import { listOf, notificationView, readAllView, unreadCountView } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export type { NotificationView } from '../../../shared/schemas/index.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
};

export function fetchNotifications(unreadOnly: boolean, pageSize = 10) {
  return api.get('/notifications', listOf(notificationView), { unread: unreadOnly ? true : undefined, page: 1, pageSize });
}

export function fetchUnreadCount() {
  return api.get('/notifications/unread-count', unreadCountView);
}

export function markNotificationRead(id: string) {
  return api.post(`/notifications/${id}/read`);
}

export function markAllNotificationsRead() {
  return api.post('/notifications/read-all', undefined, readAllView);
}
