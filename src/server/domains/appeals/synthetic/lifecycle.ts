// One synthetic appeal's life, simulated up to "now": the same clock rules as appeal-actions.ts (start, meet, clear, pause, extend, next due), row columns and timeline.
import type { ClockKind } from '../../../db/schema.ts';
import type { AppealStatus, Resolution } from '../../../../shared/schemas/appeals.ts';
import { addWorkingMs, dueAfter, extendDue, workingMsBetween, type ClockCalendar } from '../clock-math.ts';
import { weighted, type Rng } from './prng.ts';
import { pauseReasons, rejectReasons, reopenReasons, replyText, returnReasons, type CategoryCode } from './texts.ts';
import { clearedOnReopen } from '../reopen-reset.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** As supervision-scan.ts: warn at 80 % of a clock's working time, escalate two working days after registration. */
const WARNING_FRACTION = 0.8;
const ESCALATE_AFTER_WORKING_DAYS = 2;
const apiClock = (kind: ClockKind) => (kind === 'follow_up' ? 'followUp' : kind);
/** Column names per clock, built once: a million simulated appeals look them up many times each. */
const col = Object.fromEntries(
  (['accept', 'sign', 'reply', 'follow_up'] as const).map((k) => [k, { started: `${k}_started_at`, due: `${k}_due_at`, met: `${k}_met_at`, overdue: `${k}_overdue`, used: `${k}_used_ms` } as const]),
) as { [K in ClockKind]: { started: `${K}_started_at`; due: `${K}_due_at`; met: `${K}_met_at`; overdue: `${K}_overdue`; used: `${K}_used_ms` } };
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const clockKinds = ['accept', 'sign', 'reply', 'follow_up'] as const;

export interface StageDurations {
  accept: number;
  sign: number;
  reply: number;
  followUp: number;
}

export type ClockColumns = { [K in ClockKind as `${K}_started_at` | `${K}_due_at` | `${K}_met_at`]: Date | null } & { [K in ClockKind as `${K}_overdue`]: boolean | null } & {
  [K in ClockKind as `${K}_used_ms`]: number | null;
};

/** An `appeals` row as inserted (column names as in the table). */
export type SyntheticAppealRow = ClockColumns & {
  id: string;
  number: string;
  title: string;
  content: string;
  status: AppealStatus;
  channel: string;
  source_note: string | null;
  category_id: string | null;
  urgency: 'normal' | 'urgent';
  enterprise_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  region_unit_id: string;
  district_unit_id: string | null;
  submitted_at: Date;
  submitted_by: string | null;
  lead_department_id: string | null;
  co_department_ids: string[];
  suggested_department_id: string | null;
  handler_id: string | null;
  round: number;
  return_count: number;
  reopen_count: number;
  extension_days: number;
  reject_reason: string | null;
  merged_into_id: string | null;
  paused_at: Date | null;
  paused_ms: number;
  reply_content: string | null;
  resolution: Resolution | null;
  replied_at: Date | null;
  follow_up_at: Date | null;
  follow_up_reached: boolean | null;
  follow_up_resolved: boolean | null;
  follow_up_rating: number | null;
  enterprise_rating: number | null;
  enterprise_rated_at: Date | null;
  rating: number | null;
  closed_at: Date | null;
  next_due_at: Date | null;
  supervised: boolean;
  terms: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
};

export interface SyntheticEvent {
  appeal_id: string;
  at: Date;
  actor_id: string | null;
  actor_unit_id: string | null;
  action: string;
  from_status: AppealStatus | null;
  to_status: AppealStatus | null;
  note: string | null;
  data: Record<string, unknown>;
  internal: boolean;
}

export interface SyntheticExtension {
  id: string;
  appeal_id: string;
  round: number;
  working_days: number;
  reason: string;
  requested_by: string;
  requested_at: Date;
  decision: 'approved' | 'denied' | null;
  decided_by: string | null;
  decided_at: Date | null;
  deny_reason: string | null;
}

/** A registration for supervision (挂号督办) as the supervision timer writes it; `events` are its timeline rows, numbered with it. */
export interface SyntheticSupervision {
  id: string;
  number: string;
  appeal_id: string;
  clock: ClockKind;
  round: number;
  reason: 'overdue';
  note: null;
  registered_at: Date;
  registered_by: null;
  department_id: string | null;
  escalate_at: Date;
  escalated_at: Date | null;
  resolved_at: Date | null;
  events: SyntheticEvent[];
}

export interface SyntheticAlert {
  appeal_id: string;
  clock: ClockKind;
  round: number;
  level: 'warning' | 'overdue' | 'escalated';
  at: Date;
}

export interface Department {
  id: string;
  name: string;
  /** A handler of the department (signs, replies); null when the department has no user. */
  handlerId: string | null;
  /** >1: slower than usual (more late stages); per department, so KPIs differ between departments. */
  pace: number;
}

/** An earlier appeal a duplicate may be merged into: still open at the merge instant. */
export interface MergeTarget {
  id: string;
  number: string;
  submittedAt: number;
  /** When it stopped being open (closed, rejected, merged); Infinity while open. */
  endedAt: number;
  mergeable: boolean;
  category: CategoryCode;
}

export interface LifeContext {
  cal: ClockCalendar;
  now: number;
  durations: StageDurations;
  /** Lead department candidates for this appeal (category and district), in preference order of a weighted pick. */
  pickDepartment(rng: Rng, except: string | null): Department;
  dispatcher: { id: string | null; unitId: string | null };
  followup: { id: string | null; unitId: string | null };
  /** The enterprise's own user, when it has one (rates the reply). */
  enterpriseUserId: string | null;
  findMergeTarget(at: number): MergeTarget | null;
  /** Events to add to another appeal (a duplicate merged into it). */
  mergedInto(event: SyntheticEvent): void;
  newId(at: number): string;
}

const resolutionFor = weighted<Resolution>([
  ['resolved', 72],
  ['partially_resolved', 12],
  ['explained', 12],
  ['unresolved', 4],
]);
const ratingsBy: Record<Resolution, (rng: Rng) => number> = {
  resolved: weighted([[5, 68], [4, 26], [3, 5], [2, 1]]),
  partially_resolved: weighted([[5, 20], [4, 40], [3, 30], [2, 8], [1, 2]]),
  explained: weighted([[5, 35], [4, 35], [3, 22], [2, 6], [1, 2]]),
  unresolved: weighted([[4, 5], [3, 25], [2, 40], [1, 30]]),
};

/** Rounds an instant to office hours (08:30–18:00 Shanghai), mostly on a working day; never earlier than given. */
export function officeHours(cal: ClockCalendar, rng: Rng, t: number): number {
  let local = t + SHANGHAI;
  let day = Math.floor(local / DAY);
  const hour = (local - day * DAY) / HOUR;
  if (hour < 8.5) local = day * DAY + 8.5 * HOUR + rng.int(90 * 60_000);
  else if (hour >= 18) {
    day++;
    local = day * DAY + 8.5 * HOUR + rng.int(120 * 60_000);
  }
  day = Math.floor(local / DAY);
  if (!cal.isWorkingDay(day) && rng.chance(0.9)) {
    let next = day + 1;
    while (!cal.isWorkingDay(next)) next++;
    local += (next - day) * DAY;
  }
  return local - SHANGHAI;
}

/** The clock columns and timeline of one appeal, with the operations appeal-actions.ts performs on them. */
class Life {
  readonly events: SyntheticEvent[] = [];
  readonly extensions: SyntheticExtension[] = [];
  readonly supervisions: SyntheticSupervision[] = [];
  readonly alerts: SyntheticAlert[] = [];
  /** Unresolved registrations per clock, and every (clock, round) ever registered: one registration per clock and round. */
  private readonly open = new Map<ClockKind, SyntheticSupervision>();
  private readonly registered = new Set<string>();
  at = 0;
  constructor(
    readonly rng: Rng,
    readonly row: SyntheticAppealRow,
    readonly ctx: LifeContext,
  ) {}

  start(kind: ClockKind, days: number): Date {
    this.resolve(kind);
    const at = new Date(this.at);
    const due = dueAfter(this.ctx.cal, at, days);
    this.row[col[kind].started] = at;
    this.row[col[kind].due] = due;
    this.row[col[kind].met] = null;
    this.row[col[kind].overdue] = null;
    this.row[col[kind].used] = null;
    return due;
  }

  clear(kind: ClockKind): void {
    this.resolve(kind);
    this.row[col[kind].started] = null;
    this.row[col[kind].due] = null;
    this.row[col[kind].met] = null;
    this.row[col[kind].overdue] = null;
    this.row[col[kind].used] = null;
  }

  meet(kind: ClockKind): void {
    const started = this.row[col[kind].started];
    const due = this.row[col[kind].due];
    if (!started || !due || this.row[col[kind].met]) return;
    this.resolve(kind);
    const paused = kind === 'reply' ? this.row.paused_ms : 0;
    this.row[col[kind].met] = new Date(this.at);
    this.row[col[kind].overdue] = this.at > due.getTime();
    this.row[col[kind].used] = Math.max(0, workingMsBetween(this.ctx.cal, started, new Date(this.at)) - paused);
  }

  nextDue(): Date | null {
    let next: Date | null = null;
    for (const kind of clockKinds) {
      const due = this.row[col[kind].due];
      if (!this.row[col[kind].started] || !due || this.row[col[kind].met]) continue;
      if (kind === 'reply' && this.row.paused_at) continue;
      if (!next || due < next) next = due;
    }
    return next;
  }

  /** The instant a stage's action happens: a log-normal share of the stage's time (beyond 1: late), in office hours. */
  actionTime(from: number, due: Date | null, median: number, sigma: number): number {
    const span = Math.max(HOUR, (due ? due.getTime() : from + DAY) - from);
    const fraction = Math.min(this.rng.logNormal(median, sigma), 40);
    return Math.max(from + 60_000, officeHours(this.ctx.cal, this.rng, from + fraction * span));
  }

  /** Records an action at `at` if it has happened by now (after what the supervision timer did before it); false when it lies in the future. */
  happens(at: number): boolean {
    if (at > this.ctx.now) return false;
    this.sweep(at);
    this.at = at;
    return true;
  }

  /**
   * What the supervision timer (every minute) did before `until`: a running clock past its due time is registered within a minute
   * (a paused reply clock does not run), a registration still open two working days later is escalated. Up to now exactly.
   */
  sweep(until: number): void {
    const last = until >= this.ctx.now;
    const soon = (t: number) => (last ? Math.min(t + 1 + this.rng.int(MINUTE), until) : t + 1 + this.rng.int(MINUTE));
    for (const kind of clockKinds) {
      const due = this.row[col[kind].due];
      if (!this.row[col[kind].started] || !due || this.row[col[kind].met] || (kind === 'reply' && this.row.paused_at)) continue;
      if (this.registered.has(`${kind}/${this.row.round}`) || due.getTime() >= until) continue;
      const at = soon(due.getTime());
      if (at < until || last) this.register(kind, due, at);
    }
    for (const s of this.open.values()) {
      // The timer escalates once escalate_at <= now.
      if (s.escalated_at || s.escalate_at.getTime() > until || (!last && s.escalate_at.getTime() === until)) continue;
      const at = soon(s.escalate_at.getTime());
      if (!(at < until || last)) continue;
      s.escalated_at = new Date(at);
      this.alerts.push({ appeal_id: this.row.id, clock: s.clock, round: s.round, level: 'escalated', at: new Date(at) });
      s.events.push(this.eventAt(at, 'supervision_escalated', null, null, { id: null, unitId: null }, { internal: true, data: { clock: apiClock(s.clock), number: '' } }));
    }
  }

  private register(kind: ClockKind, due: Date, at: number): void {
    const escalateAt = dueAfter(this.ctx.cal, new Date(at), ESCALATE_AFTER_WORKING_DAYS);
    const s: SyntheticSupervision = {
      id: this.ctx.newId(at),
      number: '',
      appeal_id: this.row.id,
      clock: kind,
      round: this.row.round,
      reason: 'overdue',
      note: null,
      registered_at: new Date(at),
      registered_by: null,
      department_id: kind === 'accept' ? this.ctx.dispatcher.unitId : this.row.lead_department_id,
      escalate_at: escalateAt,
      escalated_at: null,
      resolved_at: null,
      events: [],
    };
    this.supervisions.push(s);
    this.open.set(kind, s);
    this.registered.add(`${kind}/${this.row.round}`);
    this.alerts.push({ appeal_id: this.row.id, clock: kind, round: this.row.round, level: 'overdue', at: new Date(at) });
    this.row.supervised = true;
    s.events.push(
      this.eventAt(at, 'supervision_registered', null, null, { id: null, unitId: null }, { internal: true, data: { clock: apiClock(kind), number: '', dueAt: due.toISOString(), escalateAt: escalateAt.toISOString() } }),
    );
  }

  /** The registration of a clock that has ended (met, cleared, restarted, or the appeal finished) is resolved at once. */
  private resolve(kind: ClockKind): void {
    const s = this.open.get(kind);
    if (!s) return;
    s.resolved_at = new Date(this.at);
    this.open.delete(kind);
  }

  /** Warnings the timer has raised on the clocks running now (80 % of their working time used). */
  warnRunning(): void {
    const now = new Date(this.ctx.now);
    for (const kind of clockKinds) {
      const started = this.row[col[kind].started];
      const due = this.row[col[kind].due];
      if (!started || !due || this.row[col[kind].met] || (kind === 'reply' && this.row.paused_at)) continue;
      const paused = kind === 'reply' ? this.row.paused_ms : 0;
      const total = workingMsBetween(this.ctx.cal, started, due) - paused;
      const used = workingMsBetween(this.ctx.cal, started, now) - paused;
      if (total > 0 && used < WARNING_FRACTION * total) continue;
      const at = total > 0 ? Math.min(this.ctx.now, addWorkingMs(this.ctx.cal, started, WARNING_FRACTION * total + paused).getTime()) : this.ctx.now;
      this.alerts.push({ appeal_id: this.row.id, clock: kind, round: this.row.round, level: 'warning', at: new Date(Math.max(at, started.getTime())) });
    }
  }

  event(action: string, from: AppealStatus | null, to: AppealStatus | null, actor: { id: string | null; unitId: string | null }, extra: { note?: string | null; data?: Record<string, unknown>; internal?: boolean } = {}): void {
    this.events.push(this.eventAt(this.at, action, from, to, actor, extra));
  }

  private eventAt(at: number, action: string, from: AppealStatus | null, to: AppealStatus | null, actor: { id: string | null; unitId: string | null }, extra: { note?: string | null; data?: Record<string, unknown>; internal?: boolean } = {}): SyntheticEvent {
    return {
      appeal_id: this.row.id,
      at: new Date(at),
      actor_id: actor.id,
      actor_unit_id: actor.unitId,
      action,
      from_status: from,
      to_status: to,
      note: extra.note ?? null,
      data: extra.data ?? {},
      internal: extra.internal ?? false,
    };
  }

  /** Status change plus what performAction does after every action (closing resolves every registration). */
  finish(to: AppealStatus): void {
    if (to === 'closed' || to === 'rejected' || to === 'merged') for (const kind of clockKinds) this.resolve(kind);
    this.row.status = to;
    this.row.next_due_at = this.nextDue();
    this.row.updated_at = new Date(this.at);
    this.row.version++;
  }
}

const shanghaiDate = (t: number) => new Date(t + SHANGHAI).toISOString().slice(0, 10);

/** Simulates the appeal from submission to now; mutates `row` (whose identity, text and intake fields are set) and returns its timeline. */
export interface SimulatedLife {
  events: SyntheticEvent[];
  extensions: SyntheticExtension[];
  supervisions: SyntheticSupervision[];
  alerts: SyntheticAlert[];
  /** When the appeal stopped being open (closed, rejected, merged); Infinity while open. */
  endedAt: number;
}

export function simulate(rng: Rng, row: SyntheticAppealRow, ctx: LifeContext): SimulatedLife {
  const life = new Life(rng, row, ctx);
  const d = ctx.durations;
  const submitter = { id: row.submitted_by, unitId: row.submitted_by === ctx.dispatcher.id ? ctx.dispatcher.unitId : null };
  life.at = row.submitted_at.getTime();
  const acceptDue = life.start('accept', d.accept);
  life.row.next_due_at = acceptDue;
  life.event('submit', null, 'submitted', submitter, { note: row.source_note, data: { channel: row.channel, acceptDue: acceptDue.toISOString() } });
  const result = (): SimulatedLife => {
    life.sweep(ctx.now);
    life.warnRunning();
    const events = [...life.events, ...life.supervisions.flatMap((s) => s.events)];
    return { events, extensions: life.extensions, supervisions: life.supervisions, alerts: life.alerts, endedAt: ['closed', 'rejected', 'merged'].includes(row.status) ? life.at : Infinity };
  };

  // Triage: an explicit accept first (or not), then reject, merge into an earlier open appeal, or assign.
  let status: AppealStatus = 'submitted';
  const triageAt = life.actionTime(life.at, row.accept_due_at, 0.25, 0.75);
  if (rng.chance(0.55)) {
    if (!life.happens(life.at + (triageAt - life.at) * (0.1 + 0.6 * rng.next()))) return result();
    life.event('accept', 'submitted', 'accepted', ctx.dispatcher);
    life.finish('accepted');
    status = 'accepted';
  }
  const triage = rng.next();
  if (triage < 0.03) {
    if (!life.happens(triageAt)) return result();
    life.meet('accept');
    const reason = rng.pick(rejectReasons);
    row.reject_reason = reason;
    life.event('reject', status, 'rejected', ctx.dispatcher, { note: reason });
    life.finish('rejected');
    return result();
  }
  const target = triage < 0.045 ? ctx.findMergeTarget(triageAt) : null;
  if (target) {
    if (!life.happens(triageAt)) return result();
    life.meet('accept');
    row.merged_into_id = target.id;
    ctx.mergedInto({
      appeal_id: target.id,
      at: new Date(life.at),
      actor_id: ctx.dispatcher.id,
      actor_unit_id: ctx.dispatcher.unitId,
      action: 'merged-in',
      from_status: null,
      to_status: null,
      note: null,
      data: { duplicateId: row.id, duplicateNumber: row.number, title: row.title },
      internal: false,
    });
    life.event('merge', status, 'merged', ctx.dispatcher, { data: { intoId: target.id, intoNumber: target.number } });
    life.finish('merged');
    return result();
  }

  const assign = (at: number, except: string | null): Department | null => {
    if (!life.happens(Math.max(at, life.at + 60_000))) return null;
    const lead = ctx.pickDepartment(rng, except);
    const events: Array<[AppealStatus, AppealStatus]> = [];
    if (status === 'submitted') {
      life.event('accept', 'submitted', 'accepted', ctx.dispatcher, { data: { implicit: true } });
      events.push(['submitted', 'accepted']);
    }
    life.meet('accept');
    const signDue = life.start('sign', d.sign);
    const replyDays = rng.chance(0.05) ? rng.pick([5, 15, 20]) : d.reply;
    const replyDue = life.start('reply', replyDays);
    life.clear('follow_up');
    const co: string[] = [];
    if (rng.chance(0.1)) {
      const other = ctx.pickDepartment(rng, lead.id);
      if (other.id !== lead.id) co.push(other.id);
    }
    Object.assign(row, { lead_department_id: lead.id, co_department_ids: co, handler_id: null, paused_at: null, paused_ms: 0, round: row.round + 1 });
    life.event('assign', status === 'submitted' ? 'accepted' : status, 'assigned', ctx.dispatcher, {
      data: { departmentId: lead.id, departmentName: lead.name, coDepartmentIds: co, signDue: signDue.toISOString(), replyDue: replyDue.toISOString(), replyDays, suggested: row.suggested_department_id === lead.id },
    });
    life.finish('assigned');
    status = 'assigned';
    return lead;
  };

  let lead = assign(triageAt, null);
  if (!lead) return result();

  // Rounds: sign (or return and be reassigned), maybe pause and extend, reply, follow up, then close or reopen.
  for (let guard = 0; guard < 6; guard++) {
    const handler = { id: lead.handlerId, unitId: lead.id };
    const signAt = life.actionTime(life.at, row.sign_due_at, 0.22 * lead.pace, 0.7);
    if (row.return_count < 2 && rng.chance(0.04)) {
      if (!life.happens(signAt)) return result();
      life.clear('sign');
      life.clear('reply');
      const acceptDue2 = life.start('accept', d.accept);
      row.return_count++;
      row.handler_id = null;
      const reason = rng.pick(returnReasons);
      life.event('return', status, 'returned', handler, { note: reason, internal: true, data: { acceptDue: acceptDue2.toISOString(), returnCount: row.return_count } });
      life.finish('returned');
      status = 'returned';
      lead = assign(life.actionTime(life.at, row.accept_due_at, 0.25, 0.75), lead.id);
      if (!lead) return result();
      continue;
    }
    if (!life.happens(signAt)) return result();
    life.meet('sign');
    row.handler_id = lead.handlerId;
    life.event('sign', status, 'signed', handler);
    life.finish('signed');
    status = 'signed';

    if (rng.chance(0.05)) {
      const pauseAt = life.actionTime(life.at, row.reply_due_at, 0.2 * lead.pace, 0.7);
      if (!life.happens(pauseAt)) return result();
      row.paused_at = new Date(life.at);
      life.event('pause', 'signed', 'paused', handler, { note: rng.pick(pauseReasons) });
      life.finish('paused');
      const resumeAt = officeHours(ctx.cal, rng, life.at + rng.logNormal(3, 0.7) * DAY);
      if (!life.happens(resumeAt)) return result();
      const pausedAt = row.paused_at;
      const pausedMs = workingMsBetween(ctx.cal, pausedAt, new Date(life.at));
      const dueFrom = row.reply_due_at!;
      const dueTo = addWorkingMs(ctx.cal, dueFrom, pausedMs);
      Object.assign(row, { paused_at: null, paused_ms: row.paused_ms + pausedMs, reply_due_at: dueTo });
      life.event('resume', 'paused', 'signed', handler, { data: { pausedMs, dueFrom: dueFrom.toISOString(), dueTo: dueTo.toISOString() } });
      life.finish('signed');
    }

    if (lead.handlerId && rng.chance(0.04)) {
      const requestAt = life.actionTime(life.at, row.reply_due_at, 0.5, 0.3);
      if (!life.happens(requestAt)) return result();
      const workingDays = rng.pick([3, 5, 5, 10]);
      const reason = '涉及多部门协调，需延长办理时限。';
      const extension: SyntheticExtension = {
        id: ctx.newId(life.at),
        appeal_id: row.id,
        round: row.round,
        working_days: workingDays,
        reason,
        requested_by: lead.handlerId,
        requested_at: new Date(life.at),
        decision: null,
        decided_by: null,
        decided_at: null,
        deny_reason: null,
      };
      life.extensions.push(extension);
      life.event('request-extension', null, null, handler, { note: reason, internal: true, data: { workingDays } });
      life.finish('signed');
      const decideAt = officeHours(ctx.cal, rng, life.at + rng.logNormal(0.5, 0.6) * DAY);
      if (!life.happens(decideAt)) return result();
      Object.assign(extension, { decided_by: ctx.dispatcher.id, decided_at: new Date(life.at) });
      if (rng.chance(0.75)) {
        const dueFrom = row.reply_due_at!;
        const dueTo = extendDue(ctx.cal, dueFrom, workingDays);
        extension.decision = 'approved';
        Object.assign(row, { reply_due_at: dueTo, extension_days: row.extension_days + workingDays });
        life.event('approve-extension', null, null, ctx.dispatcher, { data: { extensionId: extension.id, workingDays, dueFrom: dueFrom.toISOString(), dueTo: dueTo.toISOString() } });
      } else {
        const denyReason = '理由不充分，请按期办结。';
        Object.assign(extension, { decision: 'denied', deny_reason: denyReason });
        life.event('deny-extension', null, null, ctx.dispatcher, { note: denyReason, internal: true, data: { extensionId: extension.id, workingDays } });
      }
      life.finish('signed');
    }

    // The reply clock started at assignment: the reply comes a share of the time left, later in slow departments.
    const replyAt = life.actionTime(life.at, row.reply_due_at, 0.4 * lead.pace, 0.45);
    if (!life.happens(replyAt)) return result();
    life.meet('reply');
    const followUpDue = life.start('follow_up', d.followUp);
    const resolution = row.reopen_count > 0 && rng.chance(0.7) ? 'resolved' : resolutionFor(rng);
    const content = replyText(rng, resolution, shanghaiDate(life.at));
    Object.assign(row, { reply_content: content, resolution, replied_at: new Date(life.at) });
    for (const x of life.extensions) {
      if (x.decision === null) Object.assign(x, { decision: 'denied', decided_at: new Date(life.at), deny_reason: '已答复，申请失效 / lapsed: the appeal was replied to' });
    }
    life.event('reply', 'signed', 'replied', handler, { note: content, data: { resolution, followUpDue: followUpDue.toISOString(), replyOverdue: row.reply_overdue } });
    life.finish('replied');
    status = 'replied';

    const rating = ratingsBy[resolution](rng);
    const rates = row.enterprise_id !== null && rng.chance(0.3);
    const enterpriseRating = rates ? Math.max(1, Math.min(5, rating + rng.pick([-1, 0, 0, 0, 1]))) : null;
    const rateAt = officeHours(ctx.cal, rng, life.at + rng.logNormal(1, 1) * DAY);
    const rateNow = () => {
      if (enterpriseRating === null || row.enterprise_rating !== null || !life.happens(rateAt)) return;
      Object.assign(row, { enterprise_rating: enterpriseRating, enterprise_rated_at: new Date(life.at), rating: enterpriseRating });
      life.event('rate', null, null, { id: ctx.enterpriseUserId, unitId: null }, { data: { rating: enterpriseRating } });
      life.finish(status);
    };

    let followUpAt = life.actionTime(life.at, row.follow_up_due_at, 0.25, 0.7);
    if (rateAt < followUpAt) rateNow();
    if (rng.chance(0.05)) {
      if (!life.happens(followUpAt)) return result();
      life.event('follow-up', null, null, ctx.followup, { note: '电话无人接听', data: { reached: false, resolved: null, rating: null, round: row.round } });
      life.finish('replied');
      followUpAt = officeHours(ctx.cal, rng, life.at + rng.logNormal(0.8, 0.5) * DAY);
    }
    if (rateAt < followUpAt) rateNow();
    if (!life.happens(followUpAt)) return result();
    const resolved = resolution === 'resolved' || (resolution !== 'unresolved' && rating >= 3 && rng.chance(0.7));
    life.meet('follow_up');
    Object.assign(row, { follow_up_at: new Date(life.at), follow_up_reached: true, follow_up_resolved: resolved, follow_up_rating: rating, rating });
    life.event('follow-up', null, null, ctx.followup, { data: { reached: true, resolved, rating, round: row.round } });
    life.finish('replied');

    const mustReopen = !resolved && rating <= 2;
    const reopenAfterClose = !mustReopen && row.reopen_count < 2 && rng.chance(0.012);
    if (!mustReopen || row.reopen_count >= 2) {
      const closeAt = officeHours(ctx.cal, rng, life.at + rng.logNormal(0.1, 1) * DAY);
      if (rateAt < closeAt) rateNow();
      if (mustReopen) {
        // After two reopenings the dispatcher stops: the appeal stays replied (a real ledger has a few of these).
        return result();
      }
      if (!life.happens(closeAt)) return result();
      life.meet('follow_up');
      row.closed_at = new Date(life.at);
      life.event('close', 'replied', 'closed', ctx.followup);
      life.finish('closed');
      status = 'closed';
      rateNow();
      if (!reopenAfterClose) return result();
    }
    const reopenAt = officeHours(ctx.cal, rng, life.at + rng.logNormal(mustReopen ? 0.3 : 4, 0.8) * DAY);
    if (!life.happens(reopenAt)) return result();
    const reason = rng.pick(reopenReasons);
    const previous = { reply: row.reply_content, rating: row.rating };
    life.meet('follow_up');
    const signDue = life.start('sign', d.sign);
    const replyDue = life.start('reply', d.reply);
    life.clear('follow_up');
    Object.assign(row, {
      round: row.round + 1,
      reopen_count: row.reopen_count + 1,
      ...clearedOnReopen,
    });
    life.event('reopen', status, 'reopened', mustReopen ? ctx.dispatcher : ctx.followup, { note: reason, data: { signDue: signDue.toISOString(), replyDue: replyDue.toISOString(), previousReply: previous.reply, previousRating: previous.rating } });
    life.finish('reopened');
    status = 'reopened';
  }
  return result();
}
