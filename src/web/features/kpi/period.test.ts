// Tests of the KPI period presets: this year/quarter/month up to today last year and the last 12 months.
import { describe, expect, it } from 'vitest';
import { defaultPeriod, presetPeriod } from './period.ts';

describe('presetPeriod', () => {
  it('runs this year, quarter and month up to today', () => {
    expect(defaultPeriod('2026-11-24')).toEqual({ from: '2026-01-01', to: '2026-11-24' });
    expect(presetPeriod('thisQuarter', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-11-24' });
    expect(presetPeriod('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('thisMonth', '2026-02-05')).toEqual({ from: '2026-02-01', to: '2026-02-05' });
  });
  it('covers the whole of last year and the last twelve months', () => {
    expect(presetPeriod('lastYear', '2026-01-02')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('last12Months', '2026-11-24')).toEqual({ from: '2025-12-01', to: '2026-11-24' });
    expect(presetPeriod('last12Months', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03' });
  });
});
