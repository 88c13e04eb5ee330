// The name of a KPI group in the UI language: channels and the server's special keys are translated, months written by Intl, units as named.
import type { TFunction } from 'i18next';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import type { KpiGroupBy } from './api.ts';

/** The server's keys for appeals without a lead department and without a district (kpi/appeal-kpis.ts). */
export const UNASSIGNED_KEY = 'unassigned';
export const CITY_LEVEL_KEY = 'none';

/** `2026年3月` / `Mar 2026`, or without the year (`3月` / `Mar`) where every month is of one year. */
export function monthLabel(monthKey: string, locale: string, withYear = true): string {
  const [year, month] = monthKey.split('-').map(Number);
  if (!year || !month) return monthKey;
  const options: Intl.DateTimeFormatOptions = withYear ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, options).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** True when the month keys span more than one year (axes then need the year). */
export const spansYears = (monthKeys: readonly string[]) => new Set(monthKeys.map((key) => key.slice(0, 4))).size > 1;

export function groupLabel(row: KpiRow, groupBy: KpiGroupBy, t: TFunction, locale: string): string {
  if (groupBy === 'month') return monthLabel(row.key, locale);
  if (groupBy === 'channel') return t(`appeals.channels.${row.key}`, { defaultValue: row.label });
  if (row.key === UNASSIGNED_KEY) return t('kpiPage.unassigned');
  if (row.key === CITY_LEVEL_KEY) return t('kpiPage.cityLevel');
  return row.label;
}
