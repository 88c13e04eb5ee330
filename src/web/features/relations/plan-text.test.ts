// The plan and state words: interval and dates joined, open-ended periods, ended before expired before upcoming.
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { assignmentState, periodText, planText } from './plan-text.ts';

const t = ((key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`) as unknown as TFunction;

describe('plan text', () => {
  it('describes interval, planned dates, or no plan', () => {
    expect(planText({ visitEveryMonths: 3, plannedVisits: [] }, t)).toBe('relations.everyMonths{"n":3}');
    expect(planText({ visitEveryMonths: null, plannedVisits: ['2026-01-01', '2026-02-01'] }, t)).toBe('relations.plannedDates{"dates":"2026-01-01、2026-02-01"}');
    expect(planText({ visitEveryMonths: null, plannedVisits: [] }, t)).toBe('relations.noPlan');
    expect(periodText({ validFrom: '2026-01-01', validUntil: null }, t)).toBe('relations.periodValue{"from":"2026-01-01","until":"relations.openEnded"}');
  });

  it('tells ended, active, upcoming and expired apart', () => {
    const base = { active: false, endedAt: null, validFrom: '2026-01-01', validUntil: '2026-06-30' };
    expect(assignmentState({ ...base, endedAt: '2026-03-01T00:00:00Z' }, '2026-02-01')).toBe('ended');
    expect(assignmentState({ ...base, active: true }, '2026-02-01')).toBe('active');
    expect(assignmentState(base, '2025-12-01')).toBe('upcoming');
    expect(assignmentState(base, '2026-07-01')).toBe('expired');
  });
});
