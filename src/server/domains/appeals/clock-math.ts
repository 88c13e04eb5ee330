// Pure clock arithmetic for appeal stages: deadlines in steps of half a working day, working time used, and due times moved by pauses and extensions.
import {
  businessDayOf,
  fromDayNumber,
  toDayNumber,
  type WorkingCalendar,
} from '../calendar/working-days.ts';

const MS_PER_DAY = 86_400_000;
const HALF_DAY_MS = MS_PER_DAY / 2;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Stage clocks never refuse to run: a deadline in a year whose holidays are not yet published is computed
 * Monday–Friday and marked provisional (the calendar-coverage job warns the administrators).
 */
export interface ClockCalendar {
  isWorkingDay(day: number): boolean;
  /** True once a provisional (unpublished-year) day has been consulted. */
  readonly provisionalUsed: boolean;
}

export function clockCalendar(calendar: WorkingCalendar): ClockCalendar {
  let provisionalUsed = false;
  return {
    isWorkingDay(day: number) {
      const year = new Date(day * MS_PER_DAY).getUTCFullYear();
      if (!calendar.knownYears.has(year)) provisionalUsed = true;
      const exception = calendar.exceptions.get(day);
      if (exception) return exception === 'workday';
      const weekday = (((day + 4) % 7) + 7) % 7;
      return weekday !== 0 && weekday !== 6;
    },
    get provisionalUsed() {
      return provisionalUsed;
    },
  };
}

/** Start of a Shanghai business day as an instant. */
const dayStart = (day: number): number => day * MS_PER_DAY - SHANGHAI_OFFSET_MS;

export function checkHalfDays(days: number): void {
  if (!Number.isFinite(days) || days <= 0 || !Number.isInteger(days * 2) || days > 366) {
    throw new RangeError(`clock duration must be a positive multiple of 0.5 working days, got ${days}`);
  }
}

/**
 * The due time of a stage of `days` working days (steps of 0.5) started at `start`.
 * As with legal time limits, the day the clock starts is not counted: N days end at 23:59:59.999 of the
 * N-th working day after it; a half day more ends at 12:00 of the next working day (0.5 → noon of the next working day).
 */
export function dueAfter(cal: ClockCalendar, start: Date, days: number): Date {
  checkHalfDays(days);
  const whole = Math.floor(days);
  const half = days - whole > 0;
  let day = businessDayOf(start);
  for (let found = 0; found < whole; ) if (cal.isWorkingDay(++day)) found++;
  if (half) {
    do day++;
    while (!cal.isWorkingDay(day));
    return new Date(dayStart(day) + HALF_DAY_MS);
  }
  return new Date(dayStart(day + 1) - 1);
}

/** Milliseconds between `from` and `to` that fall on working days (whole calendar days count, 24 h each). */
export function workingMsBetween(cal: ClockCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  let total = 0;
  for (let day = businessDayOf(from); dayStart(day) < b; day++) {
    if (!cal.isWorkingDay(day)) continue;
    const lo = Math.max(a, dayStart(day));
    const hi = Math.min(b, dayStart(day + 1));
    if (hi > lo) total += hi - lo;
  }
  return total;
}

/** The instant `ms` of working time after `from`: a paused clock's due time moves by the working time the pause took. */
export function addWorkingMs(cal: ClockCalendar, from: Date, ms: number): Date {
  if (ms <= 0) return new Date(from.getTime());
  let remaining = ms;
  let at = from.getTime();
  let day = businessDayOf(from);
  for (;;) {
    if (cal.isWorkingDay(day)) {
      const available = dayStart(day + 1) - at;
      if (remaining <= available) return new Date(at + remaining);
      remaining -= available;
    }
    day++;
    at = dayStart(day);
  }
}

/** An approved extension of N working days: the due time moves to the end of the N-th working day after the current due day. */
export const extendDue = (cal: ClockCalendar, due: Date, workingDays: number): Date => dueAfter(cal, due, workingDays);

/** The date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export const shanghaiDate = (instant: Date): string => fromDayNumber(businessDayOf(instant));
export const dayNumberOf = toDayNumber;
