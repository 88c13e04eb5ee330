// Calendar coverage: which years are known and whether next year's schedule is still missing (Shanghai year).
import { describe, expect, it } from 'vitest';
import { statusOf } from './calendar-status.ts';

const chineseDaysYears = Array.from({ length: 23 }, (_, i) => 2004 + i);

describe('statusOf', () => {
  it('reports 2027 missing in November 2026 (the State Council publishes it in Nov–Dec)', () => {
    expect(statusOf(chineseDaysYears, new Date('2026-11-23T02:00:00Z'))).toEqual({
      years: chineseDaysYears,
      currentYear: 2026,
      nextYearMissing: true,
      missingYears: [2027],
    });
  });

  it('uses the Shanghai year: New Year in Shanghai comes 8 hours before UTC', () => {
    const status = statusOf([...chineseDaysYears, 2027], new Date('2026-12-31T16:30:00Z'));
    expect(status).toMatchObject({ currentYear: 2027, nextYearMissing: true, missingYears: [2028] });
  });

  it('is satisfied once next year is known, and lists gaps', () => {
    expect(statusOf([...chineseDaysYears, 2027], new Date('2026-11-23T02:00:00Z'))).toMatchObject({ nextYearMissing: false, missingYears: [] });
    expect(statusOf([2024, 2026, 2027], new Date('2026-06-01T00:00:00Z')).missingYears).toEqual([2025]);
    expect(statusOf([], new Date('2026-06-01T00:00:00Z')).missingYears).toEqual([2026, 2027]);
  });
});
