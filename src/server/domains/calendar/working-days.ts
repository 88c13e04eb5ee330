// Working-day arithmetic over the official calendar (Mon–Fri plus exceptions, 调休 included): pure, no I/O, day numbers inside.
import { AppError, invalid } from '../../http/errors.ts';
import { maxWorkingDays } from '../../../shared/schemas/calendar.ts';

export type DayKind = 'holiday' | 'workday';
export type CalendarPath = 'from' | 'days' | 'to';

export interface WorkingCalendar {
  /** Day number (days since 1970-01-01) → the exception to the Monday–Friday rule. */
  readonly exceptions: ReadonlyMap<number, DayKind>;
  /** Years whose official schedule is loaded; any other year is refused unless asked for provisionally. */
  readonly knownYears: ReadonlySet<number>;
}

export interface CalendarOptions {
  /** Treat unpublished years as plain Monday–Friday instead of refusing; the result then says provisional: true. */
  provisional?: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function buildWorkingCalendar(days: Iterable<{ date: string; kind: DayKind }>, knownYears: Iterable<number>): WorkingCalendar {
  const exceptions = new Map<number, DayKind>();
  for (const day of days) exceptions.set(toDayNumber(day.date), day.kind);
  return { exceptions, knownYears: new Set(knownYears) };
}

export function toDayNumber(date: string, path: string = 'date'): number {
  const m = isoDate.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (y >= 1900 && check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return ms / MS_PER_DAY;
  }
  throw invalid(path, '必须是真实存在的日期 YYYY-MM-DD / must be a real date YYYY-MM-DD');
}

export const fromDayNumber = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

const yearOfDay = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
const firstDayOfYear = (year: number): number => Date.UTC(year, 0, 1) / MS_PER_DAY;
/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

export function yearMissing(year: number, path: CalendarPath): AppError {
  const message = `${year} 年节假日安排尚未发布或录入 / the ${year} holiday calendar has not been published or loaded`;
  return new AppError('calendar_year_missing', message, [{ path, message }]);
}

/** A day-by-day classifier that checks each year once per crossing and remembers whether it had to guess. */
function dayClassifier(calendar: WorkingCalendar, options: CalendarOptions, pathFor: (day: number) => CalendarPath) {
  let yearStart = Infinity;
  let nextYearStart = -Infinity;
  const state = { provisional: false };
  const isWorking = (day: number): boolean => {
    if (day < yearStart || day >= nextYearStart) {
      const year = yearOfDay(day);
      yearStart = firstDayOfYear(year);
      nextYearStart = firstDayOfYear(year + 1);
      if (!calendar.knownYears.has(year)) {
        if (!options.provisional) throw yearMissing(year, pathFor(day));
        state.provisional = true;
      }
    }
    const exception = calendar.exceptions.get(day);
    if (exception) return exception === 'workday';
    return !isWeekend(day);
  };
  return { isWorking, state };
}

export function isWorkingDay(calendar: WorkingCalendar, date: string, options: CalendarOptions = {}): boolean {
  return dayClassifier(calendar, options, () => 'from').isWorking(toDayNumber(date, 'from'));
}

function checkDays(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > maxWorkingDays) {
    throw invalid('days', `必须是 0 到 ${maxWorkingDays} 的整数 / must be an integer from 0 to ${maxWorkingDays}`);
  }
}

function addFromDay(calendar: WorkingCalendar, start: number, n: number, options: CalendarOptions) {
  checkDays(n);
  const { isWorking, state } = dayClassifier(calendar, options, (day) => (day === start ? 'from' : 'days'));
  let day = start;
  if (n === 0) {
    while (!isWorking(day)) day++;
  } else {
    for (let found = 0; found < n; ) if (isWorking(++day)) found++;
  }
  return { day, provisional: state.provisional };
}

/** The N-th working day after `from`; N = 0 gives `from` itself when it is a working day, else the next one. */
export function addWorkingDays(calendar: WorkingCalendar, from: string, n: number, options: CalendarOptions = {}) {
  const { day, provisional } = addFromDay(calendar, toDayNumber(from, 'from'), n, options);
  return { date: fromDayNumber(day), provisional };
}

/** Working days from `from` to `to`, both ends included; 0 when `to` is before `from`. */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string, options: CalendarOptions = {}) {
  const start = toDayNumber(from, 'from');
  const end = toDayNumber(to, 'to');
  const { isWorking, state } = dayClassifier(calendar, options, (day) => (day === start ? 'from' : 'to'));
  let count = 0;
  for (let day = start; day <= end; day++) if (isWorking(day)) count++;
  return { count, provisional: state.provisional };
}

/** The calendar date in Asia/Shanghai at `instant`: the day a business event belongs to. */
export const businessDayOf = (instant: Date): number => Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
export const businessDateOf = (instant: Date): string => fromDayNumber(businessDayOf(instant));
export const shanghaiYearOf = (instant: Date): number => yearOfDay(businessDayOf(instant));

/** The last millisecond of `date` in Asia/Shanghai (23:59:59.999+08:00). */
export const endOfBusinessDay = (date: string): Date => new Date((toDayNumber(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
export const endOfBusinessDayIso = (date: string): string => `${date}T23:59:59.999+08:00`;

/** The end of the N-th working day counted from the Shanghai business date of `instant`. */
export function deadlineAt(calendar: WorkingCalendar, instant: Date, n: number, options: CalendarOptions = {}) {
  if (Number.isNaN(instant.getTime())) throw invalid('from', '不是有效的时间 / not a valid instant');
  const { day, provisional } = addFromDay(calendar, businessDayOf(instant), n, options);
  const date = fromDayNumber(day);
  return { date, at: endOfBusinessDay(date), iso: endOfBusinessDayIso(date), provisional };
}
