// Calendar dates in rules as whole day numbers (days since 1970-01-01), so the column store and the evaluators compare integers.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; null when not a real calendar date. */
export function dayNumber(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const isIsoDate = (text: string): boolean => dayNumber(text) != null;

/** The same calendar day `years` earlier; 29 February becomes 28 February (as PostgreSQL's date - interval 'N years'). */
export function minusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));
