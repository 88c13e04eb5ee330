// Schemas of the in-app notification centre: the caller's notifications, the unread count, marking read.
import { z } from 'zod';
import { booleanQuery, pageQuery, uuid } from './common.ts';

export const notificationView = z.object({
  id: uuid,
  /** e.g. `appeal.assigned`; the UI renders `notifications.kinds.<kind>` (dots as underscores) with `data`, else `title`. */
  kind: z.string(),
  /** Simplified Chinese, also the e-mail subject. */
  title: z.string(),
  body: z.string(),
  /** The kind's parameters, e.g. `{number, title, status, clock}`, so the UI can word it in zh-TW or English. */
  data: z.record(z.string(), z.unknown()),
  /** A path inside the app, e.g. `/appeals/<id>`. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const listNotificationsQuery = pageQuery.extend({
  /** true: unread only; false: read only; absent: all. */
  unread: booleanQuery.optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const unreadCountView = z.object({ count: z.number().int() });
export const readAllView = z.object({ count: z.number().int() });
