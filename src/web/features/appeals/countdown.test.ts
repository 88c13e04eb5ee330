// Tests of the stage countdowns: colours at the 50 % and one-working-day marks, overdue, paused, weekends and holidays, the running clock.
import { describe, expect, it } from 'vitest';
import { appealCountdown, countdownOf, runningClock, stageDaysFor } from './countdown.ts';
import { workingDayTest, workingMsBetween } from './working-time.ts';

const H = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('workingMsBetween', () => {
  it('counts whole Shanghai working days and skips weekends and holidays', () => {
    // Friday 2026-11-27 12:00 Shanghai → Monday 2026-11-30 12:00 Shanghai: Friday's afternoon and Monday's morning.
    expect(workingMsBetween(at('2026-11-27T04:00:00Z'), at('2026-11-30T04:00:00Z'))).toBe(24 * H);
    const holidays = workingDayTest(new Map([['2026-11-30', 'holiday']]));
    expect(workingMsBetween(at('2026-11-27T04:00:00Z'), at('2026-11-30T04:00:00Z'), holidays)).toBe(12 * H);
    const makeUp = workingDayTest(new Map([['2026-11-28', 'workday']]));
    expect(workingMsBetween(at('2026-11-27T04:00:00Z'), at('2026-11-30T04:00:00Z'), makeUp)).toBe(48 * H);
    expect(workingMsBetween(at('2026-11-30T04:00:00Z'), at('2026-11-27T04:00:00Z'))).toBe(0);
  });
});

describe('countdownOf', () => {
  // A three-working-day stage from Monday 00:00 to Wednesday 24:00 Shanghai.
  const stage = { clock: 'sign' as const, startedAt: '2026-11-22T16:00:00Z', dueAt: '2026-11-25T16:00:00Z' };

  it('is green with more than half the stage left', () => {
    const c = countdownOf({ ...stage, now: at('2026-11-23T16:00:00Z') });
    expect(c.tone).toBe('green');
    expect(c.fractionLeft).toBeCloseTo(2 / 3);
    expect(c.hours).toBe(48);
  });

  it('turns amber at half the stage', () => {
    expect(countdownOf({ ...stage, now: at('2026-11-24T03:59:00Z') }).tone).toBe('green');
    expect(countdownOf({ ...stage, now: at('2026-11-24T04:00:00Z') }).tone).toBe('amber');
  });

  it('is amber with less than one working day left even in a long stage', () => {
    const long = { clock: 'reply' as const, startedAt: '2026-11-01T16:00:00Z', dueAt: '2026-12-31T16:00:00Z' };
    expect(countdownOf({ ...long, now: at('2026-12-31T00:00:00Z') }).tone).toBe('amber');
    expect(countdownOf({ ...long, now: at('2026-11-03T00:00:00Z') }).tone).toBe('green');
  });

  it('counts working time, so a weekend does not eat the stage', () => {
    // Due Monday 24:00; on Friday evening only Monday is left of working time: amber, though 72 wall hours remain.
    const c = countdownOf({ clock: 'sign', startedAt: '2026-11-24T16:00:00Z', dueAt: '2026-11-30T16:00:00Z', now: at('2026-11-27T16:00:00Z') });
    expect(c.hours).toBe(72);
    expect(c.fractionLeft).toBeCloseTo(24 / 96);
    expect(c.tone).toBe('amber');
  });

  it('is red once due, and counts the hours overdue', () => {
    const c = countdownOf({ ...stage, now: at('2026-11-26T01:30:00Z') });
    expect(c).toMatchObject({ tone: 'red', overdue: true, hours: 9 });
    expect(countdownOf({ ...stage, now: at('2026-11-23T16:00:00Z'), overdue: true }).tone).toBe('red');
  });

  it('uses the rule length when the start is unknown, and stands still while paused', () => {
    const c = countdownOf({ clock: 'reply', dueAt: stage.dueAt, now: at('2026-11-23T16:00:00Z'), stageMs: 10 * 24 * H });
    expect(c.fractionLeft).toBeCloseTo(0.2);
    expect(c.tone).toBe('amber');
    expect(countdownOf({ clock: 'reply', dueAt: stage.dueAt, now: at('2026-11-23T16:00:00Z') }).fractionLeft).toBeNull();
    expect(countdownOf({ ...stage, now: at('2026-11-25T00:00:00Z'), paused: true }).tone).toBe('paused');
  });
});

describe('runningClock / appealCountdown', () => {
  const deadlines = { accept: null, sign: '2026-11-25T16:00:00Z', reply: '2026-12-10T16:00:00Z', followUp: null };
  const overdue = { accept: false, sign: false, reply: false, followUp: false };

  it('picks the nearest running deadline', () => {
    expect(runningClock({ deadlines })).toEqual({ clock: 'sign', dueAt: deadlines.sign });
    expect(runningClock({ deadlines: { accept: null, sign: null, reply: null, followUp: null } })).toBeNull();
  });

  it('takes the stage length from the rules of the appeal', () => {
    const rules = [
      { categoryId: null, urgency: 'normal', acceptDays: 1, signDays: 1, replyDays: 10, followUpDays: 3 },
      { categoryId: 'c1', urgency: 'normal', acceptDays: 1, signDays: 2, replyDays: 5, followUpDays: 3 },
    ];
    expect(stageDaysFor(rules, 'c1', 'normal')?.sign).toBe(2);
    expect(stageDaysFor(rules, 'c2', 'normal')?.sign).toBe(1);
    expect(stageDaysFor(rules, 'c1', 'urgent')).toBeNull();
    const c = appealCountdown({ deadlines, overdue, status: 'assigned' }, at('2026-11-24T16:00:00Z'), { stageDays: stageDaysFor(rules, 'c1', 'normal') });
    expect(c).toMatchObject({ clock: 'sign', tone: 'amber' });
    expect(c?.fractionLeft).toBeCloseTo(0.5);
  });

  it('marks the paused reply clock and trusts the server’s overdue flag', () => {
    const paused = appealCountdown({ deadlines: { ...deadlines, sign: null }, overdue, status: 'paused' }, at('2026-11-24T16:00:00Z'));
    expect(paused?.tone).toBe('paused');
    const late = appealCountdown({ deadlines, overdue: { ...overdue, sign: true }, status: 'assigned' }, at('2026-11-24T16:00:00Z'));
    expect(late?.tone).toBe('red');
  });
});
