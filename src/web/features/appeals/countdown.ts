// Stage countdowns of the queues and the detail page: which clock runs, how much is left, and its colour (green / amber / red).
import { clockNames, type AppealListItem, type AppealView, type ClockName } from '../../../shared/schemas/appeals.ts';
import { WORKING_DAY_MS, workingMsBetween, workingDayTest, type WorkingDayTest } from './working-time.ts';

/** green: more than half the stage left; amber: half or less, or under one working day; red: overdue; paused: the clock stands still. */
export type CountdownTone = 'green' | 'amber' | 'red' | 'paused';

export interface Countdown {
  clock: ClockName;
  tone: CountdownTone;
  dueAt: string;
  overdue: boolean;
  /** Whole hours left (or overdue), wall-clock time; 0 means under an hour. */
  hours: number;
  /** Share of the stage's working time still left (0..1), when the stage length is known. */
  fractionLeft: number | null;
}

const HOUR_MS = 3_600_000;

export interface CountdownInput {
  clock: ClockName;
  dueAt: string;
  now: Date;
  /** When the stage started; with it the stage length is exact. */
  startedAt?: string | null;
  /** The stage length in working milliseconds when the start is unknown (from the clock rules). */
  stageMs?: number | null;
  /** The server's verdict; a clock the server calls overdue is red whatever the client's time says. */
  overdue?: boolean;
  paused?: boolean;
  isWorkingDay?: WorkingDayTest;
}

export function countdownOf(input: CountdownInput): Countdown {
  const { clock, dueAt, now } = input;
  const isWorkingDay = input.isWorkingDay ?? workingDayTest();
  const due = new Date(dueAt);
  const wallLeft = due.getTime() - now.getTime();
  const overdue = input.overdue === true || wallLeft < 0;
  const hours = Math.floor(Math.abs(wallLeft) / HOUR_MS);
  if (overdue) return { clock, tone: 'red', dueAt, overdue: true, hours, fractionLeft: 0 };

  const workingLeft = workingMsBetween(now, due, isWorkingDay);
  const stageMs = input.startedAt ? workingMsBetween(new Date(input.startedAt), due, isWorkingDay) : (input.stageMs ?? null);
  const fractionLeft = stageMs && stageMs > 0 ? Math.min(1, workingLeft / stageMs) : null;
  if (input.paused) return { clock, tone: 'paused', dueAt, overdue: false, hours, fractionLeft };
  const amber = (fractionLeft !== null && fractionLeft <= 0.5) || workingLeft < WORKING_DAY_MS;
  return { clock, tone: amber ? 'amber' : 'green', dueAt, overdue: false, hours, fractionLeft };
}

/** The running clock with the nearest due time, or null when no clock runs (closed, rejected, waiting for triage without a clock). */
export function runningClock(item: Pick<AppealListItem, 'deadlines'>): { clock: ClockName; dueAt: string } | null {
  let best: { clock: ClockName; dueAt: string } | null = null;
  for (const clock of clockNames) {
    const dueAt = item.deadlines[clock];
    if (dueAt && (!best || new Date(dueAt).getTime() < new Date(best.dueAt).getTime())) best = { clock, dueAt };
  }
  return best;
}

/** Stage lengths in working days of one clock rule, by clock name. */
export interface StageDays {
  accept: number;
  sign: number;
  reply: number;
  followUp: number;
}

/** The countdown of an appeal's nearest running clock; a detail view knows the stage start, a list item falls back to the rule's length. */
export function appealCountdown(
  appeal: Pick<AppealListItem, 'deadlines' | 'overdue' | 'status'> & { clocks?: AppealView['clocks'] },
  now: Date,
  options: { stageDays?: StageDays | null; isWorkingDay?: WorkingDayTest } = {},
): Countdown | null {
  const running = runningClock(appeal);
  if (!running) return null;
  const startedAt = appeal.clocks?.[running.clock].startedAt ?? null;
  const days = options.stageDays?.[running.clock];
  return countdownOf({
    ...running,
    now,
    startedAt,
    stageMs: days ? days * WORKING_DAY_MS : null,
    overdue: appeal.overdue[running.clock],
    paused: appeal.status === 'paused' && running.clock === 'reply',
    isWorkingDay: options.isWorkingDay,
  });
}

export const toneColors: Record<CountdownTone, string> = { green: '#2e7d32', amber: '#b26a00', red: '#c62828', paused: '#595959' };
export const toneTagColors: Record<CountdownTone, string> = { green: 'success', amber: 'warning', red: 'error', paused: 'default' };

interface ClockRule {
  categoryId: string | null;
  urgency: string;
  acceptDays: number;
  signDays: number;
  replyDays: number;
  followUpDays: number;
}

/** The stage lengths that apply to an appeal: its category's rule for its urgency, else the default rule for that urgency. */
export function stageDaysFor(rules: readonly ClockRule[] | undefined, categoryId: string | null, urgency: string): StageDays | null {
  if (!rules) return null;
  const rule = rules.find((r) => r.categoryId === categoryId && categoryId !== null && r.urgency === urgency) ?? rules.find((r) => r.categoryId === null && r.urgency === urgency);
  return rule ? { accept: rule.acceptDays, sign: rule.signDays, reply: rule.replyDays, followUp: rule.followUpDays } : null;
}
