// @vitest-environment jsdom
// Tests of the calendar page's year helpers: folding loaded years into ranges and the picker's choices.
import { describe, expect, it } from 'vitest';
import { yearChoices, yearRanges } from './CalendarPage.tsx';

describe('yearRanges', () => {
  it('folds consecutive years', () => {
    expect(yearRanges([2006, 2004, 2005, 2009, 2011, 2012])).toEqual(['2004–2006', '2009', '2011–2012']);
    expect(yearRanges([])).toEqual([]);
  });
});

describe('yearChoices', () => {
  it('offers the loaded years and the years around this one, newest first', () => {
    const status = { years: [2024, 2025, 2026], currentYear: 2026, nextYearMissing: true, missingYears: [2027] };
    expect(yearChoices(status, 2026)).toEqual([2028, 2027, 2026, 2025, 2024]);
    expect(yearChoices(undefined, 2026)).toEqual([2028, 2027, 2026, 2025]);
  });
});
