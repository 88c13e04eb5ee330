// Working time between two instants on the client, as the server counts it: whole Shanghai calendar days (24 h) that are working days.
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type DayKind = 'holiday' | 'workday';
/** `YYYY-MM-DD` → whether that Shanghai date is a working day. */
export type WorkingDayTest = (date: string) => boolean;

const dayNumberOf = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
const dayStart = (day: number) => day * MS_PER_DAY - SHANGHAI_OFFSET_MS;
const dateOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Monday–Friday, except the published holidays and the make-up working days in `exceptions`. */
export function workingDayTest(exceptions: ReadonlyMap<string, DayKind> = new Map()): WorkingDayTest {
  return (date) => {
    const exception = exceptions.get(date);
    if (exception) return exception === 'workday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

export function workingMsBetween(from: Date, to: Date, isWorkingDay: WorkingDayTest = workingDayTest()): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  let total = 0;
  for (let day = dayNumberOf(a); dayStart(day) < b; day++) {
    if (!isWorkingDay(dateOf(day))) continue;
    total += Math.min(b, dayStart(day + 1)) - Math.max(a, dayStart(day));
  }
  return total;
}

export const WORKING_DAY_MS = MS_PER_DAY;
