// The scan's constant-time working time agrees with the core's day-by-day count, inside its range and outside it (fast-check over 2025–2027).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDaysRows, chineseDaysYears, loadChineseDaysData } from '../../calendar/chinese-days-source.ts';
import { buildWorkingCalendar } from '../../calendar/working-days.ts';
import { clockCalendar, workingMsBetween } from '../clock-math.ts';
import { workingTimeIndex } from './working-time-index.ts';

const rows = chineseDaysRows(loadChineseDaysData());
const cal = clockCalendar(buildWorkingCalendar(rows, chineseDaysYears(rows)));
const instant = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms));

describe('workingTimeIndex', () => {
  it('answers exactly as workingMsBetween', () => {
    const index = workingTimeIndex(cal, new Date('2025-06-01T00:00:00+08:00'), new Date('2027-01-31T00:00:00+08:00'));
    fc.assert(
      fc.property(instant('2025-01-01T00:00:00+08:00', '2027-06-30T00:00:00+08:00'), instant('2025-01-01T00:00:00+08:00', '2027-06-30T00:00:00+08:00'), (a, b) => {
        expect(index(a, b)).toBe(workingMsBetween(cal, a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts the make-up Saturday 10-10 and skips National Day', () => {
    const index = workingTimeIndex(cal, new Date('2026-09-01T00:00:00+08:00'), new Date('2026-10-31T00:00:00+08:00'));
    // 09-30 22:00 → 10-10 02:00: 2 h of 09-30, then 10-08, 10-09 and 2 h of 10-10.
    expect(index(new Date('2026-09-30T22:00:00+08:00'), new Date('2026-10-10T02:00:00+08:00'))).toBe((2 + 24 + 24 + 2) * 3_600_000);
  });
});
