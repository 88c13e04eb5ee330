// Stage clocks across Spring Festival and National Day 2026 (with their make-up working days), half days, pauses and extensions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDaysRows, chineseDaysYears, loadChineseDaysData } from '../calendar/chinese-days-source.ts';
import { buildWorkingCalendar } from '../calendar/working-days.ts';
import { addWorkingMs, clockCalendar, dueAfter, extendDue, workingMsBetween } from './clock-math.ts';

const rows = chineseDaysRows(loadChineseDaysData());
const calendar = buildWorkingCalendar(rows, chineseDaysYears(rows));
const cal = () => clockCalendar(calendar);
const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe('dueAfter', () => {
  it('counts from the day after the start and skips the Spring Festival, using the Saturday make-up day', () => {
    // 2026-02-13 is a Friday; 02-14 (Saturday) is a make-up working day; 02-15..02-23 are the holiday.
    expect(dueAfter(cal(), at('2026-02-13T10:00:00+08:00'), 1).toISOString()).toBe(at('2026-02-14T23:59:59.999+08:00').toISOString());
    expect(dueAfter(cal(), at('2026-02-13T10:00:00+08:00'), 2).toISOString()).toBe(at('2026-02-24T23:59:59.999+08:00').toISOString());
  });
  it('ends half a day at noon of the next working day', () => {
    expect(dueAfter(cal(), at('2026-02-13T10:00:00+08:00'), 0.5).toISOString()).toBe(at('2026-02-14T12:00:00+08:00').toISOString());
    expect(dueAfter(cal(), at('2026-02-14T16:00:00+08:00'), 0.5).toISOString()).toBe(at('2026-02-24T12:00:00+08:00').toISOString());
    expect(dueAfter(cal(), at('2026-02-13T10:00:00+08:00'), 1.5).toISOString()).toBe(at('2026-02-24T12:00:00+08:00').toISOString());
  });
  it('crosses National Day with the Saturday 10 October make-up day', () => {
    // After 09-30: 10-08, 10-09, 10-10 (Sat, workday), 10-12 … 10-16, 10-19, 10-20.
    expect(dueAfter(cal(), at('2026-09-30T15:00:00+08:00'), 10).toISOString()).toBe(at('2026-10-20T23:59:59.999+08:00').toISOString());
    expect(dueAfter(cal(), at('2026-09-30T15:00:00+08:00'), 3).toISOString()).toBe(at('2026-10-10T23:59:59.999+08:00').toISOString());
  });
  it('uses the Shanghai date of the start, not the UTC one', () => {
    // 2026-11-23 23:30 +08 is still Monday in Shanghai (15:30 UTC).
    expect(dueAfter(cal(), at('2026-11-23T15:30:00Z'), 1).toISOString()).toBe(at('2026-11-24T23:59:59.999+08:00').toISOString());
  });
  it('refuses durations that are not positive half days', () => {
    expect(() => dueAfter(cal(), at('2026-11-23T10:00:00+08:00'), 0)).toThrow(RangeError);
    expect(() => dueAfter(cal(), at('2026-11-23T10:00:00+08:00'), 0.3)).toThrow(RangeError);
  });
  it('keeps counting Monday to Friday in a year without a published calendar, and says so', () => {
    const c = cal();
    expect(dueAfter(c, at('2026-12-30T10:00:00+08:00'), 3).toISOString()).toBe(at('2027-01-04T23:59:59.999+08:00').toISOString());
    expect(c.provisionalUsed).toBe(true);
  });
});

describe('working time', () => {
  it('counts only working days, whole days of 24 hours', () => {
    expect(workingMsBetween(cal(), at('2026-02-13T12:00:00+08:00'), at('2026-02-24T12:00:00+08:00'))).toBe(48 * H);
    expect(workingMsBetween(cal(), at('2026-02-16T12:00:00+08:00'), at('2026-02-17T12:00:00+08:00'))).toBe(0);
    expect(workingMsBetween(cal(), at('2026-02-24T12:00:00+08:00'), at('2026-02-13T12:00:00+08:00'))).toBe(0);
  });
  it('moves a due time by the working time of a pause', () => {
    expect(addWorkingMs(cal(), at('2026-02-13T12:00:00+08:00'), 48 * H).toISOString()).toBe(at('2026-02-24T12:00:00+08:00').toISOString());
    expect(addWorkingMs(cal(), at('2026-02-15T12:00:00+08:00'), 1 * H).toISOString()).toBe(at('2026-02-24T01:00:00+08:00').toISOString());
  });
  it('extends to the end of the N-th working day after the due day', () => {
    expect(extendDue(cal(), at('2026-09-30T23:59:59.999+08:00'), 2).toISOString()).toBe(at('2026-10-09T23:59:59.999+08:00').toISOString());
  });
  it('addWorkingMs inverts workingMsBetween on working instants', () => {
    const start = at('2026-01-01T00:00:00+08:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 }), fc.integer({ min: 1, max: 60 * 24 }), (h0, hours) => {
        const c = cal();
        const from = new Date(start + h0 * H);
        const to = addWorkingMs(c, from, hours * H);
        return workingMsBetween(c, from, to) === hours * H;
      }),
    );
  });
});
