// Visit plans: months added at month ends, the next due visit from an interval or planned dates, overdue only while the assignment runs.
import { describe, expect, it } from 'vitest';
import { addMonths, planState } from './visit-plan.ts';

const base = { validFrom: '2026-01-15', validUntil: null, ended: false, visitEveryMonths: null, plannedVisits: [], lastVisitOn: null };

describe('visit plan', () => {
  it('adds months, keeping the day or the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('asks for a visit N months after the last one (or the start), overdue once that day has passed', () => {
    expect(planState({ ...base, visitEveryMonths: 3 }, '2026-03-01')).toEqual({ active: true, nextVisitDue: '2026-04-15', visitOverdue: false });
    expect(planState({ ...base, visitEveryMonths: 3 }, '2026-04-16')).toEqual({ active: true, nextVisitDue: '2026-04-15', visitOverdue: true });
    expect(planState({ ...base, visitEveryMonths: 3, lastVisitOn: '2026-04-10' }, '2026-04-16').nextVisitDue).toBe('2026-07-10');
  });

  it('takes the first planned date after the last visit, the earlier of plan and interval', () => {
    const planned = { ...base, plannedVisits: ['2026-06-01', '2026-03-01'] };
    expect(planState(planned, '2026-02-01').nextVisitDue).toBe('2026-03-01');
    expect(planState({ ...planned, lastVisitOn: '2026-03-02' }, '2026-04-01').nextVisitDue).toBe('2026-06-01');
    expect(planState({ ...planned, lastVisitOn: '2026-06-02' }, '2026-07-01').nextVisitDue).toBeNull();
    expect(planState({ ...planned, visitEveryMonths: 1 }, '2026-02-01').nextVisitDue).toBe('2026-02-15');
  });

  it('asks nothing of an ended or expired assignment, nor beyond its period', () => {
    expect(planState({ ...base, visitEveryMonths: 1, ended: true }, '2026-05-01')).toEqual({ active: false, nextVisitDue: null, visitOverdue: false });
    expect(planState({ ...base, visitEveryMonths: 1, validUntil: '2026-03-31' }, '2026-04-01').active).toBe(false);
    expect(planState({ ...base, visitEveryMonths: 6, validUntil: '2026-03-31' }, '2026-02-01').nextVisitDue).toBeNull();
  });
});
