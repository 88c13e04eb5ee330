// Every action of the loop (API.md): lock the appeal, check the caller's part and the state, move the clocks, write the timeline, audit and notifications — one transaction.
import { sql, type Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { AppealRow, AppealUpdate, ClockKind, Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { ActionBody, AppealAction, AppealStatus, AppealView } from '../../../shared/schemas/appeals.ts';
import { hasRole, type Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { notifyAppealEvent } from '../notifications/appeal-notifications.ts';
import { nextStatus, partAllows, stateRefusal, type Part } from './appeal-machine.ts';
import { findVisibleAppeal, partsOf, type AppealScope } from './appeal.access.ts';
import { appealExtras, loadAppealView } from './appeal.repository.ts';
import { factsOf } from './appeal-view.ts';
import { stageDurations } from './appeal-rules.repository.ts';
import { clearedOnReopen } from './reopen-reset.ts';
import { appealReference, type AppealReference } from './appeal-reference.ts';
import { addWorkingMs, clockCalendar, dueAfter, extendDue, workingMsBetween, type ClockCalendar } from './clock-math.ts';

export type AppealDeps = Pick<Deps, 'db' | 'clock'>;

export interface ActionOptions {
  /** Replays the action at a past instant (historical imports). */
  at?: Date;
  /** Skips the caller-part and visibility checks (imports run by an administrator); the state machine still applies. */
  trusted?: boolean;
  /** Tells nobody: historical imports must not notify or e-mail about long-closed appeals. */
  quiet?: boolean;
}

const allParts: Part[] = ['dispatcher', 'lead', 'followup', 'supervisor', 'owner', 'viewer'];

export function invalidTransition(message: string): AppError {
  return new AppError('invalid_transition', message, [{ path: 'status', message }]);
}

interface Step {
  patch: AppealUpdate;
  events: Array<{ action: string; from: AppealStatus | null; to: AppealStatus | null; note?: string | null; data?: Record<string, unknown>; internal?: boolean }>;
}

/** Mutable view of the row while an action is applied: the patch and the row it produces. */
class Change {
  readonly patch: AppealUpdate = {};
  constructor(
    readonly row: AppealRow,
    readonly at: Date,
    readonly cal: ClockCalendar,
  ) {}
  get current(): AppealRow {
    return { ...this.row, ...(this.patch as Partial<AppealRow>) };
  }
  set(values: AppealUpdate): void {
    Object.assign(this.patch, values);
  }
  start(kind: ClockKind, days: number): Date {
    const due = dueAfter(this.cal, this.at, days);
    this.set({ [`${kind}_started_at`]: this.at, [`${kind}_due_at`]: due, [`${kind}_met_at`]: null, [`${kind}_overdue`]: null, [`${kind}_used_ms`]: null } as AppealUpdate);
    return due;
  }
  clear(kind: ClockKind): void {
    this.set({ [`${kind}_started_at`]: null, [`${kind}_due_at`]: null, [`${kind}_met_at`]: null, [`${kind}_overdue`]: null, [`${kind}_used_ms`]: null } as AppealUpdate);
  }
  /** Ends a running clock now: met time, frozen overdue flag, working time used (pauses excluded). */
  meet(kind: ClockKind): void {
    const row = this.current;
    const started = row[`${kind}_started_at`];
    const due = row[`${kind}_due_at`];
    if (!started || !due || row[`${kind}_met_at`]) return;
    const paused = kind === 'reply' ? Number(row.paused_ms) : 0;
    this.set({
      [`${kind}_met_at`]: this.at,
      [`${kind}_overdue`]: this.at.getTime() > due.getTime(),
      [`${kind}_used_ms`]: Math.max(0, workingMsBetween(this.cal, started, this.at) - paused),
    } as AppealUpdate);
  }
  /** The nearest due time among running clocks (a paused reply clock does not run). */
  nextDue(): Date | null {
    const row = this.current;
    let next: Date | null = null;
    for (const kind of ['accept', 'sign', 'reply', 'follow_up'] as const) {
      const due = row[`${kind}_due_at`];
      if (!row[`${kind}_started_at`] || !due || row[`${kind}_met_at`]) continue;
      if (kind === 'reply' && row.paused_at) continue;
      if (!next || due < next) next = due;
    }
    return next;
  }
}

function requireDepartment(ref: AppealReference, id: string, path: string): { id: string; name: string } {
  const unit = ref.departments.get(id);
  if (!unit || !unit.active) throw invalid(path, '必须是在用的部门 / must be an active department');
  return { id, name: unit.name };
}

type Handler<A extends AppealAction> = (c: Change, body: ActionBody<A>, ctx: { trx: Transaction<Database>; actor: Actor; scope: AppealScope; trusted: boolean; ref: AppealReference }) => Promise<Step['events'] | void>;

const handlers: { [A in AppealAction]: Handler<A> } = {
  accept: async (c, body) => [{ action: 'accept', from: 'submitted', to: 'accepted', note: body?.note }],
  reject: async (c, body) => {
    c.meet('accept');
    c.set({ reject_reason: body.reason });
    return [{ action: 'reject', from: c.row.status as AppealStatus, to: 'rejected', note: body.reason }];
  },
  merge: async (c, body, { trx, actor, scope, trusted }) => {
    if (body.intoId === c.row.id) throw invalid('intoId', '不能合并到自身 / cannot merge an appeal into itself');
    const target = await trx.selectFrom('appeals').selectAll().where('id', '=', body.intoId).forUpdate().executeTakeFirst();
    const visible = target && (trusted || (await findVisibleAppeal(trx, actor, body.intoId, { scope }).then(() => true, () => false)));
    if (!target || !visible) throw invalid('intoId', '目标诉求不存在 / no such appeal');
    if (['rejected', 'merged', 'closed'].includes(target.status)) throw invalid('intoId', '只能并入仍在办理的诉求 / merge into an open appeal');
    c.meet('accept');
    c.set({ merged_into_id: target.id });
    await trx
      .insertInto('appeal_events')
      .values({
        appeal_id: target.id,
        at: c.at,
        actor_id: actor.userId,
        actor_unit_id: actor.orgUnitId,
        action: 'merged-in',
        from_status: null,
        to_status: null,
        note: body.note ?? null,
        data: JSON.stringify({ duplicateId: c.row.id, duplicateNumber: c.row.number, title: c.row.title, content: c.row.content }),
      })
      .execute();
    await trx.updateTable('appeals').set({ updated_at: c.at, version: sql`version + 1` }).where('id', '=', target.id).execute();
    return [{ action: 'merge', from: c.row.status as AppealStatus, to: 'merged', note: body.note, data: { intoId: target.id, intoNumber: target.number } }];
  },
  assign: async (c, body, { ref }) => {
    const lead = requireDepartment(ref, body.departmentId, 'departmentId');
    const co = [...new Set(body.coDepartmentIds ?? [])];
    if (co.includes(lead.id)) throw invalid('coDepartmentIds', '协办部门不能与主办部门相同 / a co-department cannot be the lead department');
    for (const [i, id] of co.entries()) requireDepartment(ref, id, `coDepartmentIds.${i}`);
    const events: Step['events'] = [];
    const from = c.row.status as AppealStatus;
    if (from === 'submitted') events.push({ action: 'accept', from: 'submitted', to: 'accepted', data: { implicit: true } });
    c.meet('accept');
    const durations = await stageDurations(ref, c.row.category_id, c.row.urgency);
    const signDue = c.start('sign', durations.sign);
    const replyDays = body.replyWithinWorkingDays ?? durations.reply;
    const replyDue = c.start('reply', replyDays);
    c.clear('follow_up');
    c.set({ lead_department_id: lead.id, co_department_ids: co, handler_id: null, paused_at: null, paused_ms: 0, round: c.row.round + 1 });
    events.push({
      action: 'assign',
      from: from === 'submitted' ? 'accepted' : from,
      to: 'assigned',
      note: body.note,
      data: { departmentId: lead.id, departmentName: lead.name, coDepartmentIds: co, signDue: signDue.toISOString(), replyDue: replyDue.toISOString(), replyDays, suggested: c.row.suggested_department_id === lead.id },
    });
    return events;
  },
  sign: async (c, body, { actor, trusted }) => {
    c.meet('sign');
    // A replayed signature (import) does not name the importing administrator as the handler.
    c.set({ handler_id: trusted && !hasRole(actor, 'handler') ? null : actor.userId });
    return [{ action: 'sign', from: c.row.status as AppealStatus, to: 'signed', note: body?.note }];
  },
  return: async (c, body, { ref }) => {
    const durations = await stageDurations(ref, c.row.category_id, c.row.urgency);
    c.clear('sign');
    c.clear('reply');
    const acceptDue = c.start('accept', durations.accept);
    c.set({ return_count: c.row.return_count + 1, handler_id: null });
    return [{ action: 'return', from: c.row.status as AppealStatus, to: 'returned', note: body.reason, internal: true, data: { acceptDue: acceptDue.toISOString(), returnCount: c.row.return_count + 1 } }];
  },
  pause: async (c, body) => {
    c.set({ paused_at: c.at });
    return [{ action: 'pause', from: 'signed', to: 'paused', note: body.reason }];
  },
  resume: async (c, body) => {
    const pausedAt = c.row.paused_at!;
    const pausedMs = workingMsBetween(c.cal, pausedAt, c.at);
    const dueFrom = c.row.reply_due_at!;
    const dueTo = addWorkingMs(c.cal, dueFrom, pausedMs);
    c.set({ paused_at: null, paused_ms: Number(c.row.paused_ms) + pausedMs, reply_due_at: dueTo });
    return [{ action: 'resume', from: 'paused', to: 'signed', note: body?.note, data: { pausedMs, dueFrom: dueFrom.toISOString(), dueTo: dueTo.toISOString() } }];
  },
  'request-extension': async (c, body, { trx, actor }) => {
    await trx.insertInto('appeal_extensions').values({ appeal_id: c.row.id, round: c.row.round, working_days: body.workingDays, reason: body.reason, requested_by: actor.userId, requested_at: c.at }).execute();
    return [{ action: 'request-extension', from: null, to: null, note: body.reason, internal: true, data: { workingDays: body.workingDays } }];
  },
  'approve-extension': async (c, body, { trx, actor }) => {
    const ext = await trx
      .updateTable('appeal_extensions')
      .set({ decision: 'approved', decided_by: actor.userId, decided_at: c.at })
      .where('appeal_id', '=', c.row.id)
      .where('decision', 'is', null)
      .returning(['id', 'working_days'])
      .executeTakeFirstOrThrow();
    const dueFrom = c.row.reply_due_at!;
    const dueTo = extendDue(c.cal, dueFrom, ext.working_days);
    c.set({ reply_due_at: dueTo, extension_days: c.row.extension_days + ext.working_days });
    return [{ action: 'approve-extension', from: null, to: null, note: body?.note, data: { extensionId: ext.id, workingDays: ext.working_days, dueFrom: dueFrom.toISOString(), dueTo: dueTo.toISOString() } }];
  },
  'deny-extension': async (c, body, { trx, actor }) => {
    const ext = await trx
      .updateTable('appeal_extensions')
      .set({ decision: 'denied', decided_by: actor.userId, decided_at: c.at, deny_reason: body.reason })
      .where('appeal_id', '=', c.row.id)
      .where('decision', 'is', null)
      .returning(['id', 'working_days'])
      .executeTakeFirstOrThrow();
    return [{ action: 'deny-extension', from: null, to: null, note: body.reason, internal: true, data: { extensionId: ext.id, workingDays: ext.working_days } }];
  },
  reply: async (c, body, { trx, ref }) => {
    c.meet('reply');
    const durations = await stageDurations(ref, c.row.category_id, c.row.urgency);
    const followUpDue = c.start('follow_up', durations.followUp);
    c.set({ reply_content: body.content, resolution: body.resolution, replied_at: c.at });
    // A pending extension request lapses with the reply.
    await trx
      .updateTable('appeal_extensions')
      .set({ decision: 'denied', decided_at: c.at, deny_reason: '已答复，申请失效 / lapsed: the appeal was replied to' })
      .where('appeal_id', '=', c.row.id)
      .where('decision', 'is', null)
      .execute();
    return [{ action: 'reply', from: 'signed', to: 'replied', note: body.content, data: { resolution: body.resolution, followUpDue: followUpDue.toISOString(), replyOverdue: c.current.reply_overdue } }];
  },
  'follow-up': async (c, body) => {
    if (body.reached) {
      c.meet('follow_up');
      c.set({ follow_up_at: c.at, follow_up_reached: true, follow_up_resolved: body.resolved, follow_up_rating: body.rating, rating: body.rating });
    }
    return [{ action: 'follow-up', from: null, to: null, note: body.comment, data: { reached: body.reached, resolved: body.reached ? body.resolved : null, rating: body.reached ? body.rating : null, round: c.row.round } }];
  },
  rate: async (c, body) => {
    c.set({ enterprise_rating: body.rating, enterprise_rated_at: c.at, rating: body.rating });
    return [{ action: 'rate', from: null, to: null, note: body.comment, data: { rating: body.rating } }];
  },
  reopen: async (c, body, { ref }) => {
    const durations = await stageDurations(ref, c.row.category_id, c.row.urgency);
    c.meet('follow_up');
    const signDue = c.start('sign', durations.sign);
    const replyDue = c.start('reply', durations.reply);
    c.clear('follow_up');
    c.set({
      round: c.row.round + 1,
      reopen_count: c.row.reopen_count + 1,
      ...clearedOnReopen,
    });
    return [{ action: 'reopen', from: c.row.status as AppealStatus, to: 'reopened', note: body.reason, data: { signDue: signDue.toISOString(), replyDue: replyDue.toISOString(), previousReply: c.row.reply_content, previousRating: c.row.rating } }];
  },
  close: async (c, body, { trx }) => {
    c.meet('follow_up');
    c.set({ closed_at: c.at });
    await trx.updateTable('appeal_supervisions').set({ resolved_at: c.at }).where('appeal_id', '=', c.row.id).where('resolved_at', 'is', null).execute();
    return [{ action: 'close', from: 'replied', to: 'closed', note: body?.note }];
  },
  supervise: async (c, body, { trx, actor }) => {
    const { rows } = await sql<{ n: string }>`SELECT nextval('supervision_number_seq')::text AS n`.execute(trx);
    const year = new Date(c.at.getTime() + 8 * 3_600_000).getUTCFullYear();
    const number = `DB${year}-${rows[0]!.n.padStart(6, '0')}`;
    await trx
      .insertInto('appeal_supervisions')
      .values({ number, appeal_id: c.row.id, clock: 'manual', round: c.row.round, reason: 'manual', note: body.note, registered_at: c.at, registered_by: actor.userId, department_id: c.row.lead_department_id })
      .execute();
    c.set({ supervised: true });
    return [{ action: 'supervise', from: null, to: null, note: body.note, internal: true, data: { number } }];
  },
};

export async function performAction<A extends AppealAction>(
  deps: AppealDeps,
  ctx: RequestContext,
  actor: Actor,
  appealId: string,
  action: A,
  body: ActionBody<A>,
  options: ActionOptions = {},
): Promise<AppealView> {
  const at = options.at ?? deps.clock.now();
  const trusted = options.trusted ?? false;
  const [ref, calendar] = await Promise.all([appealReference(deps.db), getCalendar(deps.db)]);
  return inTransaction(deps.db, async (trx) => {
    const { row, scope: actorScope } = await findVisibleAppeal(trx, actor, appealId, { forUpdate: true, scope: trusted ? { kind: 'all' } : undefined });
    const parts = trusted ? allParts : partsOf(actor, row, actorScope);
    const extras = await appealExtras(trx, row);
    const facts = factsOf(row, { hasPendingExtension: extras.pending !== null, unreachedAttempts: extras.unreachedAttempts });
    if (!partAllows(action, parts)) throw invalidTransition(`您在此诉求中不能执行 ${action} / your part in this appeal does not allow ${action}`);
    const refusal = stateRefusal(action, facts);
    if (refusal) throw invalidTransition(refusal);

    const change = new Change(row, at, clockCalendar(calendar));
    const events = (await (handlers[action] as Handler<A>)(change, body, { trx, actor, scope: actorScope, trusted, ref })) ?? [];
    const to = nextStatus(action, row.status as AppealStatus);
    change.set({ status: to, next_due_at: change.nextDue(), updated_at: at, version: row.version + 1 });
    const updated = await trx.updateTable('appeals').set(change.patch).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await trx
      .insertInto('appeal_events')
      .values(
        events.map((e) => ({
          appeal_id: row.id,
          at,
          actor_id: actor.userId,
          actor_unit_id: actor.orgUnitId,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          note: e.note ?? null,
          data: JSON.stringify(e.data ?? {}),
          internal: e.internal ?? false,
        })),
      )
      .execute();
    if (!options.quiet) await notifyAppealEvent(trx, { appeal: updated, action, actorId: actor.userId, at });
    const view = await loadAppealView(trx, actor, updated, at, trusted ? { kind: 'all' } : actorScope, { calendar });
    // The audit append serialises writers until commit, so it goes last.
    await recordAudit(
      trx,
      ctx,
      { action: `appeal.${action}`, entityType: 'appeal', entityId: row.id, before: { status: row.status, version: row.version }, after: { status: to, version: updated.version, ...(body ?? {}) } },
      at,
    );
    return view;
  });
}
