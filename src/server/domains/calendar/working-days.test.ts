// Working-day arithmetic on the bundled chinese-days calendar: 调休, year totals, deadlines, unpublished years, and properties.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { chineseDaysRows, chineseDaysYears, loadChineseDaysData } from './chinese-days-source.ts';
import { parseCalendarFile } from './parse-calendar-file.ts';
import {
  addWorkingDays,
  buildWorkingCalendar,
  businessDateOf,
  countWorkingDays,
  deadlineAt,
  fromDayNumber,
  isWorkingDay,
  shanghaiYearOf,
  toDayNumber,
  type WorkingCalendar,
} from './working-days.ts';

const rows = chineseDaysRows(loadChineseDaysData());
const calendar = buildWorkingCalendar(rows, chineseDaysYears(rows));

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('the bundled data', () => {
  it('has Spring Festival 2026 as 02-15..02-23 off, with Saturdays 02-14 and 02-28 worked', () => {
    const feb = rows.filter((r) => r.date.startsWith('2026-02'));
    expect(feb.filter((r) => r.kind === 'holiday').map((r) => r.date)).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
    );
    expect(feb.filter((r) => r.kind === 'workday').map((r) => r.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(feb.every((r) => r.name === '春节')).toBe(true);
  });

  it('knows every year from 2004 to 2026 and no other', () => {
    expect([...calendar.knownYears].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });
});

describe('isWorkingDay', () => {
  it('follows Monday–Friday unless the table says otherwise', () => {
    expect(isWorkingDay(calendar, '2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay(calendar, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(false); // Monday, 春节
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(calendar, '2026-02-28')).toBe(true); // Saturday, 调休
  });
});

describe('addWorkingDays', () => {
  it('with N = 0 gives the day itself on a working day, else the next working day', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 0).date).toBe('2026-02-13');
    expect(addWorkingDays(calendar, '2026-02-16', 0).date).toBe('2026-02-24');
    expect(addWorkingDays(calendar, '2026-03-07', 0).date).toBe('2026-03-09');
    expect(addWorkingDays(calendar, '2026-02-14', 0).date).toBe('2026-02-14');
  });

  it('counts make-up Saturdays and skips the Spring Festival', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 1).date).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-13', 2)).toEqual({ date: '2026-02-24', provisional: false });
    expect(addWorkingDays(calendar, '2026-02-24', 4).date).toBe('2026-02-28');
  });

  it('counts from the day after a non-working start', () => {
    expect(addWorkingDays(calendar, '2026-03-08', 1).date).toBe('2026-03-09');
    expect(addWorkingDays(calendar, '2026-03-08', 2).date).toBe('2026-03-10');
  });

  it('goes across National Day 2025 (10-01..10-08 off, 09-28 and 10-11 worked)', () => {
    expect(addWorkingDays(calendar, '2025-09-30', 1).date).toBe('2025-10-09');
    expect(addWorkingDays(calendar, '2025-10-09', 2).date).toBe('2025-10-11');
  });

  it('refuses day counts outside 0..2500 and impossible dates', () => {
    for (const n of [-1, 2501, 1.5, Number.NaN]) expect(caught(() => addWorkingDays(calendar, '2026-02-13', n)).details[0].path).toBe('days');
    const error = caught(() => addWorkingDays(calendar, '2026-02-30', 1));
    expect(error.code).toBe('validation_failed');
    expect(error.details[0].path).toBe('from');
  });
});

describe('countWorkingDays', () => {
  it('matches the official totals of 2024, 2025 and 2026', () => {
    expect(countWorkingDays(calendar, '2024-01-01', '2024-12-31').count).toBe(251);
    expect(countWorkingDays(calendar, '2025-01-01', '2025-12-31').count).toBe(248);
    expect(countWorkingDays(calendar, '2026-01-01', '2026-12-31').count).toBe(248);
  });

  it('includes both ends', () => {
    expect(countWorkingDays(calendar, '2026-02-13', '2026-02-13').count).toBe(1);
    expect(countWorkingDays(calendar, '2026-02-13', '2026-02-24').count).toBe(3);
    expect(countWorkingDays(calendar, '2026-02-15', '2026-02-23').count).toBe(0);
    expect(countWorkingDays(calendar, '2026-02-24', '2026-02-13').count).toBe(0);
  });
});

describe('deadlineAt', () => {
  it('ends at 23:59:59.999 Shanghai time of the N-th working day', () => {
    const deadline = deadlineAt(calendar, new Date('2026-02-13T02:00:00Z'), 2);
    expect(deadline.date).toBe('2026-02-24');
    expect(deadline.iso).toBe('2026-02-24T23:59:59.999+08:00');
    expect(deadline.at.toISOString()).toBe('2026-02-24T15:59:59.999Z');
    expect(new Date(deadline.iso).getTime()).toBe(deadline.at.getTime());
  });

  it('counts from the Shanghai date, which is already tomorrow late in the UTC day', () => {
    const late = new Date('2026-02-12T17:30:00Z');
    expect(businessDateOf(late)).toBe('2026-02-13');
    expect(deadlineAt(calendar, late, 0).date).toBe('2026-02-13');
    expect(deadlineAt(calendar, late, 2).date).toBe('2026-02-24');
    expect(deadlineAt(calendar, new Date('2026-02-12T15:59:59.999Z'), 0).date).toBe('2026-02-12');
  });

  it('knows the Shanghai year', () => {
    expect(shanghaiYearOf(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(shanghaiYearOf(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});

describe('years not published', () => {
  it('refuses to compute with 2027 and points at the input that reaches it', () => {
    const past = caught(() => addWorkingDays(calendar, '2026-12-31', 1));
    expect(past.code).toBe('calendar_year_missing');
    expect(past.status).toBe(409);
    expect(past.message).toContain('2027 年节假日安排尚未发布或录入');
    expect(past.details).toEqual([{ path: 'days', message: past.message }]);
    expect(caught(() => addWorkingDays(calendar, '2027-01-04', 0)).details[0].path).toBe('from');
    expect(caught(() => countWorkingDays(calendar, '2026-12-01', '2027-01-05')).details[0].path).toBe('to');
    expect(caught(() => countWorkingDays(calendar, '2003-12-31', '2004-01-05')).details[0].path).toBe('from');
    expect(caught(() => isWorkingDay(calendar, '2027-01-01')).code).toBe('calendar_year_missing');
    expect(caught(() => deadlineAt(calendar, new Date('2026-12-31T03:00:00Z'), 1)).code).toBe('calendar_year_missing');
  });

  it('still answers inside known years when the end is near the year boundary', () => {
    expect(addWorkingDays(calendar, '2026-12-30', 1).date).toBe('2026-12-31');
  });

  it('assumes Monday–Friday only when asked for a provisional answer, and says so', () => {
    expect(addWorkingDays(calendar, '2026-12-31', 1, { provisional: true })).toEqual({ date: '2027-01-01', provisional: true });
    expect(countWorkingDays(calendar, '2026-12-28', '2027-01-08', { provisional: true })).toEqual({ count: 10, provisional: true });
    expect(deadlineAt(calendar, new Date('2026-12-31T03:00:00Z'), 3, { provisional: true })).toMatchObject({ date: '2027-01-05', provisional: true });
    expect(addWorkingDays(calendar, '2026-02-13', 2, { provisional: true })).toEqual({ date: '2026-02-24', provisional: false });
  });

  it('lets an administrator-published year count as soon as it is known', () => {
    const with2027: WorkingCalendar = buildWorkingCalendar([...rows, { date: '2027-01-01', kind: 'holiday' }], [...calendar.knownYears, 2027]);
    expect(addWorkingDays(with2027, '2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: false });
  });
});

describe('properties', () => {
  // Starts in 2004..2024 with N ≤ 300 working days (or gaps ≤ 2 × 350 days) keep every day inside the known years.
  const start = fc.integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2024-12-31') }).map(fromDayNumber);
  const days = fc.integer({ min: 0, max: 300 });

  it('counting from `from` to the N-th working day finds N working days after `from`', () => {
    fc.assert(
      fc.property(start, days, (from, n) => {
        const to = addWorkingDays(calendar, from, n).date;
        expect(isWorkingDay(calendar, to)).toBe(true);
        const expected = n === 0 ? 1 : n + (isWorkingDay(calendar, from) ? 1 : 0);
        expect(countWorkingDays(calendar, from, to).count).toBe(expected);
      }),
    );
  });

  // N = 0 and N = 1 meet on a non-working `from` (both give the next working day); from N = 1 on, each step moves on.
  it('is strictly increasing in N from 1 on and never decreasing in `from`', () => {
    fc.assert(
      fc.property(start, start, days, (a, b, n) => {
        const [here, next] = [addWorkingDays(calendar, a, n).date, addWorkingDays(calendar, a, n + 1).date];
        expect(n === 0 && !isWorkingDay(calendar, a) ? next === here : next > here).toBe(true);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, early, n).date <= addWorkingDays(calendar, late, n).date).toBe(true);
      }),
    );
  });

  it('splits counts additively', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 350 }), fc.integer({ min: 0, max: 350 }), (from, gap1, gap2) => {
        const a = toDayNumber(from);
        const [b, c] = [a + gap1, a + gap1 + gap2];
        const whole = countWorkingDays(calendar, from, fromDayNumber(c)).count;
        const left = countWorkingDays(calendar, from, fromDayNumber(b)).count;
        const right = countWorkingDays(calendar, fromDayNumber(b + 1), fromDayNumber(c)).count;
        expect(whole).toBe(left + right);
      }),
    );
  });
});

// The official schedules as published by holiday-cn (gov.cn notices), shipped with the project's shared data when present.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const holidaysDir = path.resolve(projectRoot, '../shared/data/holidays');
const csvPath = path.join(holidaysDir, 'cn_holidays_2020_2026_from_holiday-cn.csv');

describe.skipIf(!existsSync(csvPath))('cross-check against holiday-cn 2020–2026', () => {
  const everyDay = Array.from({ length: toDayNumber('2026-12-31') - toDayNumber('2020-01-01') + 1 }, (_, i) =>
    fromDayNumber(toDayNumber('2020-01-01') + i),
  );
  const calendarOf = (text: string): WorkingCalendar => {
    const parsed = parseCalendarFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return buildWorkingCalendar(parsed.days, parsed.years);
  };
  const disagreements = (official: WorkingCalendar) =>
    everyDay.filter((date) => isWorkingDay(official, date, { provisional: true }) !== isWorkingDay(calendar, date));

  it('agrees with the CSV on every day', () => {
    const official = calendarOf(readFileSync(csvPath, 'utf8'));
    expect([...official.knownYears]).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(disagreements(official)).toEqual([]);
  });

  it('agrees with the yearly JSON files on every day', () => {
    for (let year = 2020; year <= 2026; year++) {
      const file = path.join(holidaysDir, 'holiday-cn', `${year}.json`);
      if (!existsSync(file)) continue;
      const official = calendarOf(readFileSync(file, 'utf8'));
      expect(disagreements(official).filter((d) => d.startsWith(`${year}-`))).toEqual([]);
    }
  });

  it('does not take the empty 2027 file as a published year', () => {
    const file = path.join(holidaysDir, 'holiday-cn', '2027.json');
    if (!existsSync(file)) return;
    const parsed = parseCalendarFile(readFileSync(file, 'utf8'));
    expect(parsed.ok).toBe(false);
  });
});
