// The bundled holiday data of the npm package chinese-days (2004 to its last year), turned into calendar rows.
import { createRequire } from 'node:module';
import type { DayKind } from './working-days.ts';

export const CHINESE_DAYS_SOURCE = 'chinese-days';

/** The package's data file: date → "English name,中文名,holiday number". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  /** Holidays taken in lieu of weekend work (a subset of holidays); not needed to tell working days apart. */
  inLieuDays?: Record<string, string>;
}

export interface SeedDay {
  date: string;
  kind: DayKind;
  name: string;
}

export function loadChineseDaysData(): ChineseDaysData {
  // The package is CommonJS without an exports map, so require reaches its JSON the same way under tsx, vitest and node.
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as Partial<ChineseDaysData>;
  if (!data || typeof data.holidays !== 'object' || typeof data.workdays !== 'object') {
    throw new Error('chinese-days/dist/chinese-days.json has an unexpected shape (holidays and workdays maps expected)');
  }
  return data as ChineseDaysData;
}

/** "Spring Festival,春节,4" → "春节"; the English part is taken as everything before the last two fields. */
export function chineseNameOf(value: string): string {
  const parts = value.split(',');
  return (parts.length >= 3 ? parts[parts.length - 2] : value).trim();
}

export function chineseDaysRows(data: ChineseDaysData): SeedDay[] {
  const rows: SeedDay[] = [];
  for (const [date, value] of Object.entries(data.holidays)) rows.push({ date, kind: 'holiday', name: chineseNameOf(value) });
  for (const [date, value] of Object.entries(data.workdays)) rows.push({ date, kind: 'workday', name: chineseNameOf(value) });
  return rows.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Every year from 2004 to the last year the data mentions: the package has the State Council schedule for each of them. */
export function chineseDaysYears(rows: readonly SeedDay[]): number[] {
  if (rows.length === 0) return [];
  const lastYear = Math.max(...rows.map((r) => Number(r.date.slice(0, 4))));
  return Array.from({ length: lastYear - 2003 }, (_, i) => 2004 + i);
}
