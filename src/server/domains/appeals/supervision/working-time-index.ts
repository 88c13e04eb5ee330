// Working time between two instants in constant time, from one pass over a range of days: the scan measures thousands of clocks per run.
import { businessDayOf } from '../../calendar/working-days.ts';
import { workingMsBetween, type ClockCalendar } from '../clock-math.ts';

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const dayStart = (day: number): number => day * MS_PER_DAY - SHANGHAI_OFFSET_MS;

export type WorkingMs = (from: Date, to: Date) => number;

/** Same answers as `workingMsBetween`; instants outside [first, last] fall back to it. */
export function workingTimeIndex(cal: ClockCalendar, first: Date, last: Date): WorkingMs {
  const firstDay = businessDayOf(first);
  const lastDay = businessDayOf(last);
  const working: boolean[] = [];
  // before[i]: working ms of the days firstDay … firstDay+i-1.
  const before = new Float64Array(lastDay - firstDay + 2);
  for (let i = 0; firstDay + i <= lastDay; i++) {
    working[i] = cal.isWorkingDay(firstDay + i);
    before[i + 1] = before[i]! + (working[i] ? MS_PER_DAY : 0);
  }
  const cumulative = (t: number): number => {
    const i = Math.floor((t + SHANGHAI_OFFSET_MS) / MS_PER_DAY) - firstDay;
    return before[i]! + (working[i] ? t - dayStart(firstDay + i) : 0);
  };
  return (from, to) => {
    const a = from.getTime();
    const b = to.getTime();
    if (!(b > a)) return 0;
    if (a < dayStart(firstDay) || b >= dayStart(lastDay + 1)) return workingMsBetween(cal, from, to);
    return cumulative(b) - cumulative(a);
  };
}
