// The supervision timer (挂号督办): warn at 80 % of a stage clock, register an overdue clock for supervision, escalate two working days later, resolve when the clock ends.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppealRow, ClockKind, Database } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { systemContext } from '../../../http/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Logger } from '../../../platform/logger.ts';
import { recordAudit, type AuditInput } from '../../audit/audit.repository.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { appealBody, appealData } from '../../notifications/appeal-notifications.ts';
import { notify } from '../../notifications/notify.ts';
import { departmentHandlers, departmentHeadOrHandlers, officeHeadOrDispatchers, regionStaff } from '../../notifications/recipients.ts';
import { clockCalendar, dueAfter, type ClockCalendar } from '../clock-math.ts';
import { workingTimeIndex, type WorkingMs } from './working-time-index.ts';

export const WARNING_FRACTION = 0.8;
export const ESCALATE_AFTER_WORKING_DAYS = 2;
/** Appeals handled per run, and the time after which a run starts no more: a backlog (the first run on old data) is worked off over the next runs. */
export const SCAN_BATCH = 200;
export const SCAN_BUDGET_MS = 500;

export interface ScanDeps {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
}

export interface ScanResult {
  warned: number;
  registered: number;
  escalated: number;
  resolved: number;
  /** More appeals needed attention than one batch holds. */
  more: boolean;
}

const ctx = systemContext('supervision');
const clockLabels: Record<ClockKind, string> = { accept: '受理交办', sign: '签收', reply: '答复', follow_up: '回访' };
/** Clock names as the API and the UI spell them. */
export const apiClockName = (clock: string): string => (clock === 'follow_up' ? 'followUp' : clock);
const at16 = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

type Level = 'warning' | 'overdue';

/** Overdue once now passes the due time; a warning once 80 % of the clock's working time (pauses excluded) is used. */
function levelAt(started: Date, due: Date, pausedMs: number, now: Date, workingMs: WorkingMs): Level | null {
  if (now.getTime() > due.getTime()) return 'overdue';
  const total = workingMs(started, due) - pausedMs;
  const used = workingMs(started, now) - pausedMs;
  return total <= 0 || used >= WARNING_FRACTION * total ? 'warning' : null;
}

/** Where a running clock of the appeal stands now (a paused reply clock does not run). */
function clockLevel(row: AppealRow, clock: ClockKind, now: Date, workingMs: WorkingMs): Level | null {
  const started = row[`${clock}_started_at`];
  const due = row[`${clock}_due_at`];
  if (!started || !due || row[`${clock}_met_at`]) return null;
  if (clock === 'reply' && row.paused_at) return null;
  return levelAt(started, due, clock === 'reply' ? Number(row.paused_ms) : 0, now, workingMs);
}

type RunningClock = { id: string; clock: ClockKind; round: number; started: Date; due: Date; pausedMs: number };

/** Epoch milliseconds of a column while the clock runs (a paused reply clock does not), else null: narrow rows parse fast. */
const whileRunning = (kind: ClockKind, column: 'started_at' | 'due_at') =>
  sql.raw(`(CASE WHEN ${kind}_met_at IS NULL${kind === 'reply' ? ' AND paused_at IS NULL' : ''} THEN round(extract(epoch FROM ${kind}_${column}) * 1000) END)::float8`);

/** The running clocks of the open set: one narrow row per appeal, through appeals_open_due_idx. */
async function runningClocks(db: Kysely<Database>): Promise<RunningClock[]> {
  const kinds = ['accept', 'sign', 'reply', 'follow_up'] as const;
  const { rows } = await sql<Record<string, number | null> & { id: string; round: number; paused_ms: number }>`
    SELECT id, round, paused_ms::float8 AS paused_ms,
           ${sql.join(kinds.flatMap((k) => [sql`${whileRunning(k, 'started_at')} AS ${sql.ref(`${k}_s`)}`, sql`${whileRunning(k, 'due_at')} AS ${sql.ref(`${k}_d`)}`]))}
      FROM appeals
     WHERE next_due_at IS NOT NULL`.execute(db);
  const clocks: RunningClock[] = [];
  for (const r of rows) {
    for (const clock of kinds) {
      const started = r[`${clock}_s`];
      const due = r[`${clock}_d`];
      if (started == null || due == null) continue;
      clocks.push({ id: r.id, clock, round: r.round, started: new Date(started), due: new Date(due), pausedMs: clock === 'reply' ? r.paused_ms : 0 });
    }
  }
  return clocks;
}

/** The alerts already raised for these appeals, as `id:clock:round:level`. */
async function raisedAlerts(db: Kysely<Database>, appealIds: string[]): Promise<Set<string>> {
  if (appealIds.length === 0) return new Set();
  const { rows } = await sql<{ appeal_id: string; clock: string; round: number; level: string }>`
    SELECT appeal_id, clock, round, level FROM appeal_clock_alerts WHERE appeal_id = ANY(${appealIds}::uuid[])`.execute(db);
  return new Set(rows.map((r) => `${r.appeal_id}:${r.clock}:${r.round}:${r.level}`));
}

/** Raises the alerts of one locked appeal; the alert's primary key makes each happen once however many scans run. */
async function alertAppeal(trx: Transaction<Database>, row: AppealRow, now: Date, cal: ClockCalendar, workingMs: WorkingMs, audits: AuditInput[]): Promise<{ warned: number; registered: number }> {
  const counts = { warned: 0, registered: 0 };
  for (const clock of ['accept', 'sign', 'reply', 'follow_up'] as const) {
    const level = clockLevel(row, clock, now, workingMs);
    if (!level) continue;
    const raised = await trx
      .insertInto('appeal_clock_alerts')
      .values({ appeal_id: row.id, clock, round: row.round, level, at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('level')
      .executeTakeFirst();
    if (!raised) continue;
    if (level === 'warning') {
      await warn(trx, row, clock, now);
      counts.warned++;
    } else if (await register(trx, row, clock, now, cal, audits)) {
      counts.registered++;
    }
  }
  return counts;
}

/** Whoever must act on the clock now. */
async function actors(trx: Transaction<Database>, row: AppealRow, clock: ClockKind): Promise<string[]> {
  switch (clock) {
    case 'accept':
      return (await regionStaff(trx, row.region_unit_id, 'dispatcher')).userIds;
    case 'sign':
      return departmentHandlers(trx, [row.lead_department_id]);
    case 'reply':
      return row.handler_id ? [row.handler_id] : departmentHandlers(trx, [row.lead_department_id]);
    case 'follow_up':
      return (await regionStaff(trx, row.region_unit_id, 'followup')).userIds;
  }
}

async function warn(trx: Transaction<Database>, row: AppealRow, clock: ClockKind, now: Date): Promise<void> {
  const due = row[`${clock}_due_at`]!;
  await notify(
    trx,
    {
      userIds: await actors(trx, row, clock),
      kind: 'appeal.clock_warning',
      title: `诉求 ${row.number} ${clockLabels[clock]}时限将于 ${at16(due)} 到期`,
      body: appealBody(row),
      data: appealData(row, { clock: apiClockName(clock), dueAt: due.toISOString() }),
      link: `/appeals/${row.id}`,
      entityType: 'appeal',
      entityId: row.id,
      dedupeKey: `clock:${row.id}:${clock}:${row.round}:warning`,
    },
    now,
  );
}

async function nextSupervisionNumber(trx: Transaction<Database>, now: Date): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT nextval('supervision_number_seq')::text AS n`.execute(trx);
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  return `DB${year}-${rows[0]!.n.padStart(6, '0')}`;
}

async function unitName(trx: Transaction<Database>, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await trx.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

/** 挂号: a numbered supervision row, the appeal marked supervised, an internal timeline event, and the responsible head told. */
async function register(trx: Transaction<Database>, row: AppealRow, clock: ClockKind, now: Date, cal: ClockCalendar, audits: AuditInput[]): Promise<boolean> {
  const due = row[`${clock}_due_at`]!;
  // The accept clock is the 优化办's own; every other clock is the lead department's.
  const departmentId = clock === 'accept' ? ((await regionStaff(trx, row.region_unit_id, 'dispatcher')).unitIds[0] ?? null) : row.lead_department_id;
  const number = await nextSupervisionNumber(trx, now);
  const escalateAt = dueAfter(cal, now, ESCALATE_AFTER_WORKING_DAYS);
  const supervision = await trx
    .insertInto('appeal_supervisions')
    .values({ number, appeal_id: row.id, clock, round: row.round, reason: 'overdue', registered_at: now, registered_by: null, department_id: departmentId, escalate_at: escalateAt })
    .onConflict((oc) => oc.columns(['appeal_id', 'clock', 'round']).where('reason', '=', 'overdue').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!supervision) return false;
  await trx.updateTable('appeals').set({ supervised: true }).where('id', '=', row.id).execute();
  await trx
    .insertInto('appeal_events')
    .values({
      appeal_id: row.id,
      at: now,
      actor_id: null,
      actor_unit_id: null,
      action: 'supervision_registered',
      from_status: null,
      to_status: null,
      note: null,
      data: JSON.stringify({ clock: apiClockName(clock), number, dueAt: due.toISOString(), escalateAt: escalateAt.toISOString() }),
      internal: true,
    })
    .execute();
  const heads = clock === 'accept' ? await officeHeadOrDispatchers(trx, row.region_unit_id) : await departmentHeadOrHandlers(trx, row.lead_department_id);
  await notify(
    trx,
    {
      userIds: heads,
      kind: 'appeal.supervision_registered',
      title: `诉求 ${row.number} ${clockLabels[clock]}超期，已挂号督办（${number}）`,
      body: `${appealBody(row)}\n${clockLabels[clock]}时限：${at16(due)}`,
      data: appealData(row, { clock: apiClockName(clock), supervisionNumber: number, dueAt: due.toISOString(), departmentName: await unitName(trx, departmentId) }),
      link: `/appeals/${row.id}`,
      entityType: 'appeal',
      entityId: row.id,
      dedupeKey: `supervision:${supervision.id}:registered`,
    },
    now,
  );
  audits.push({
    action: 'appeal.supervision.register',
    entityType: 'appeal',
    entityId: row.id,
    before: { supervised: row.supervised },
    after: { supervised: true, supervisionId: supervision.id, number, clock: apiClockName(clock), round: row.round, dueAt: due.toISOString(), escalateAt: escalateAt.toISOString() },
  });
  return true;
}

/** Has the supervised clock ended (met, restarted in a later round, cleared by a return, or the appeal closed)? */
function clockEnded(row: AppealRow, supervision: { clock: string; round: number }): boolean {
  if (['closed', 'rejected', 'merged'].includes(row.status)) return true;
  if (supervision.clock === 'manual') return false;
  const clock = supervision.clock as ClockKind;
  return row.round !== supervision.round || !row[`${clock}_started_at`] || row[`${clock}_met_at`] !== null;
}

/** 升级: the office leader and the region's supervisors are told about a supervision still open two working days after registration. */
async function escalate(db: Kysely<Database>, supervisionId: string, appealId: string, now: Date): Promise<'escalated' | 'resolved' | null> {
  return inTransaction(db, async (trx) => {
    // Appeal first, then the supervision: the order every action that touches both uses.
    const row = await trx.selectFrom('appeals').selectAll().where('id', '=', appealId).forUpdate().skipLocked().executeTakeFirst();
    if (!row) return null;
    const supervision = await trx
      .selectFrom('appeal_supervisions')
      .selectAll()
      .where('id', '=', supervisionId)
      .where('escalated_at', 'is', null)
      .where('resolved_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!supervision) return null;
    if (clockEnded(row, supervision)) {
      await resolveOne(trx, supervision, now);
      return 'resolved';
    }
    const raised = await trx
      .insertInto('appeal_clock_alerts')
      .values({ appeal_id: row.id, clock: supervision.clock, round: supervision.round, level: 'escalated', at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('level')
      .executeTakeFirst();
    await trx.updateTable('appeal_supervisions').set({ escalated_at: now }).where('id', '=', supervision.id).execute();
    if (!raised) return null;
    const clock = supervision.clock as ClockKind;
    await trx
      .insertInto('appeal_events')
      .values({
        appeal_id: row.id,
        at: now,
        actor_id: null,
        actor_unit_id: null,
        action: 'supervision_escalated',
        from_status: null,
        to_status: null,
        note: null,
        data: JSON.stringify({ clock: apiClockName(clock), number: supervision.number }),
        internal: true,
      })
      .execute();
    const supervisors = (await regionStaff(trx, row.region_unit_id, 'supervisor')).userIds;
    await notify(
      trx,
      {
        userIds: [...(await officeHeadOrDispatchers(trx, row.region_unit_id)), ...supervisors],
        kind: 'appeal.supervision_escalated',
        title: `督办 ${supervision.number} 已逾两个工作日未办结，诉求 ${row.number} 升级督办`,
        body: `${appealBody(row)}\n${clockLabels[clock] ?? ''}时限：${at16(row[`${clock}_due_at`] ?? supervision.registered_at)}`,
        data: appealData(row, { clock: apiClockName(clock), supervisionNumber: supervision.number, departmentName: await unitName(trx, supervision.department_id) }),
        link: `/appeals/${row.id}`,
        entityType: 'appeal',
        entityId: row.id,
        dedupeKey: `supervision:${supervision.id}:escalated`,
      },
      now,
    );
    await recordAudit(
      trx,
      ctx,
      { action: 'appeal.supervision.escalate', entityType: 'appeal', entityId: row.id, before: { escalatedAt: null }, after: { supervisionId: supervision.id, number: supervision.number, escalatedAt: now.toISOString() } },
      now,
    );
    return 'escalated';
  });
}

async function resolveOne(trx: Transaction<Database>, supervision: { id: string; number: string; appeal_id: string }, now: Date): Promise<void> {
  await trx.updateTable('appeal_supervisions').set({ resolved_at: now }).where('id', '=', supervision.id).where('resolved_at', 'is', null).execute();
  await recordAudit(trx, ctx, { action: 'appeal.supervision.resolve', entityType: 'appeal', entityId: supervision.appeal_id, before: { resolvedAt: null }, after: { supervisionId: supervision.id, number: supervision.number, resolvedAt: now.toISOString() } }, now);
}

/** Open supervisions whose clock has ended since: resolved now (the appeal's close resolves its own at once). */
async function resolveEnded(db: Kysely<Database>, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { rows } = await sql<{ id: string; number: string; appeal_id: string }>`
      UPDATE appeal_supervisions s SET resolved_at = ${now}
        FROM appeals a
       WHERE a.id = s.appeal_id AND s.resolved_at IS NULL
         AND (a.status IN ('closed', 'rejected', 'merged')
              OR (s.reason = 'overdue' AND (a.round <> s.round OR CASE s.clock
                    WHEN 'accept' THEN a.accept_started_at IS NULL OR a.accept_met_at IS NOT NULL
                    WHEN 'sign' THEN a.sign_started_at IS NULL OR a.sign_met_at IS NOT NULL
                    WHEN 'reply' THEN a.reply_started_at IS NULL OR a.reply_met_at IS NOT NULL
                    WHEN 'follow_up' THEN a.follow_up_started_at IS NULL OR a.follow_up_met_at IS NOT NULL
                    ELSE false END)))
      RETURNING s.id, s.number, s.appeal_id`.execute(trx);
    for (const r of rows) {
      await recordAudit(trx, ctx, { action: 'appeal.supervision.resolve', entityType: 'appeal', entityId: r.appeal_id, before: { resolvedAt: null }, after: { supervisionId: r.id, number: r.number, resolvedAt: now.toISOString() } }, now);
    }
    return rows.length;
  });
}

/** Time spent on appeals in one run (the queries that find them are not the backlog); the first item always goes through. */
class Budget {
  private spentMs = 0;
  private handled = 0;
  stopped = false;
  constructor(private readonly limitMs: number) {}
  /** False once the budget is spent: the caller stops and says there is more. */
  allows(): boolean {
    this.stopped ||= this.handled > 0 && this.spentMs > this.limitMs;
    return !this.stopped;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.spentMs += performance.now() - started;
      this.handled++;
    }
  }
}

/** The appeals with a clock that has reached a level whose alert is not yet raised, nearest due first. */
async function appealsToAlert(db: Kysely<Database>, now: Date, cal: ClockCalendar): Promise<{ ids: string[]; workingMs: WorkingMs }> {
  const clocks = await runningClocks(db);
  const earliest = clocks.reduce((min, c) => Math.min(min, c.started.getTime()), now.getTime());
  const latest = clocks.reduce((max, c) => Math.max(max, c.due.getTime()), now.getTime());
  const workingMs = workingTimeIndex(cal, new Date(earliest), new Date(latest));
  const reached = clocks.flatMap((c) => {
    const level = levelAt(c.started, c.due, c.pausedMs, now, workingMs);
    return level ? [{ ...c, level }] : [];
  });
  const raised = await raisedAlerts(db, [...new Set(reached.map((c) => c.id))]);
  const pending = reached.filter((c) => !raised.has(`${c.id}:${c.clock}:${c.round}:${c.level}`)).sort((a, b) => a.due.getTime() - b.due.getTime());
  return { ids: [...new Set(pending.map((c) => c.id))], workingMs };
}

/** Raises one appeal's alerts under its row lock; an appeal being changed right now is left to the next run. */
async function alertOne(db: Kysely<Database>, id: string, now: Date, cal: ClockCalendar, workingMs: WorkingMs): Promise<{ warned: number; registered: number }> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('appeals').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
    if (!row) return { warned: 0, registered: 0 };
    const audits: AuditInput[] = [];
    const counts = await alertAppeal(trx, row, now, cal, workingMs, audits);
    // The audit append serialises writers until commit, so it goes last.
    for (const input of audits) await recordAudit(trx, ctx, input, now);
    return counts;
  });
}

/** One run of the timer; safe to run in several processes at once (row locks with SKIP LOCKED, unique alerts). */
export async function runSupervisionScan(deps: ScanDeps, options: { limit?: number; budgetMs?: number } = {}): Promise<ScanResult> {
  const { db } = deps;
  const now = deps.clock.now();
  const limit = options.limit ?? SCAN_BATCH;
  const budget = new Budget(options.budgetMs ?? SCAN_BUDGET_MS);
  const result: ScanResult = { warned: 0, registered: 0, escalated: 0, resolved: 0, more: false };

  result.resolved = await resolveEnded(db, now);

  const toEscalate = await db
    .selectFrom('appeal_supervisions')
    .select(['id', 'appeal_id'])
    .where('escalate_at', '<=', now)
    .where('escalated_at', 'is', null)
    .where('resolved_at', 'is', null)
    .orderBy('escalate_at')
    .limit(limit + 1)
    .execute();
  for (const s of toEscalate.slice(0, limit)) {
    if (!budget.allows()) break;
    const outcome = await budget.run(() => escalate(db, s.id, s.appeal_id, now));
    if (outcome) result[outcome]++;
  }

  const cal = clockCalendar(await getCalendar(db));
  const { ids, workingMs } = await appealsToAlert(db, now, cal);
  for (const id of ids.slice(0, limit)) {
    if (!budget.allows()) break;
    const counts = await budget.run(() => alertOne(db, id, now, cal, workingMs));
    result.warned += counts.warned;
    result.registered += counts.registered;
  }

  result.more = toEscalate.length > limit || ids.length > limit || budget.stopped;
  if (result.warned + result.registered + result.escalated + result.resolved > 0) deps.log.info({ ...result }, 'supervision scan');
  return result;
}
