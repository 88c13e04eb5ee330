// The words of a notification in the UI language: `notifications.kinds.<kind>` with its data when the kind is known, else the server's Chinese title.
import type { NotificationView } from './api.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The i18n key of a kind (`appeal.assigned` → `notifications.kinds.appeal_assigned`): i18next would read the dots as nesting. */
export const kindKey = (kind: string) => `notifications.kinds.${kind.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

export interface NotificationFormat {
  clock: (name: string) => string;
  time: (iso: string) => string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

export function notificationTitle(item: Pick<NotificationView, 'kind' | 'title' | 'data'>, t: Translate, exists: (key: string) => boolean, format: NotificationFormat): string {
  const key = kindKey(item.kind);
  if (!exists(key)) return item.title;
  const data = item.data ?? {};
  const clock = str(data.clock);
  const due = str(data.dueAt);
  return t(key, {
    number: str(data.number),
    title: str(data.title),
    days: str(data.workingDays),
    clock: clock ? format.clock(clock) : '',
    due: due ? format.time(due) : '',
    supervisionNumber: str(data.supervisionNumber),
    department: str(data.departmentName),
  });
}

/** Only links inside the app are followed (the server stores `/appeals/<id>`). */
export const safeLink = (link: string | null | undefined): string | null => (link && link.startsWith('/') && !link.startsWith('//') ? link : null);
