// The words of a notification in the UI language: `notifications.kinds.<kind>` with its data when the kind is known, else the server's Chinese title.
import type { NotificationView } from './api.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The i18n key of a kind (`appeal.assigned` → `notifications.kinds.appeal_assigned`), kinds use dots that i18next would read as nesting. */
export const kindKey = (kind: string) => `notifications.kinds.${kind.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

export function notificationTitle(item: Pick<NotificationView, 'kind' | 'title' | 'data'>, t: Translate, exists: (key: string) => boolean): string {
  const key = kindKey(item.kind);
  if (!exists(key)) return item.title;
  const data = item.data ?? {};
  const values = { number: str(data.number), title: str(data.title), clock: str(data.clock), department: str(data.departmentName) };
  return t(key, values);
}

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Only links inside the app are followed (the server stores `/appeals/<id>`). */
export const safeLink = (link: string | null | undefined): string | null => (link && link.startsWith('/') && !link.startsWith('//') ? link : null);
