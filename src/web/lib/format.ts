// Formatting of server timestamps and business dates for display (business time is Asia/Shanghai).
const businessTimeZone = 'Asia/Shanghai';

/** `2026-03-05 14:07` in Asia/Shanghai, whatever the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    timeZone: businessTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The weekday name of a `YYYY-MM-DD` business date in the UI language. */
export function weekdayOf(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return '';
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today's business date `YYYY-MM-DD` in Asia/Shanghai. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const isoTimestamp = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;

/** Rewrites ISO timestamps inside a server message ("locked until 2026-03-05T06:30:00Z") as local business time. */
export function humanizeTimestamps(message: string, locale: string): string {
  return message.replace(isoTimestamp, (iso) => formatDateTime(iso, locale));
}
