// The synthetic appeal generator on a real database: clock invariants, statuses against columns, next due times, timelines, plausible KPIs, determinism, and agreement with the live actions.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import type { AppealRow, ClockKind } from '../../../db/schema.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { clockCalendar, workingMsBetween } from '../clock-math.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { runSupervisionScan } from '../supervision/supervision-scan.ts';
import { generateSyntheticAppeals, type SyntheticReport } from './generate-appeals.ts';

const N = 2000;
const NOW = '2026-11-20T10:00:00+08:00';
const kinds: ClockKind[] = ['accept', 'sign', 'reply', 'follow_up'];
const openStates = ['submitted', 'accepted', 'assigned', 'signed', 'returned', 'paused', 'replied', 'reopened'];

let database: TestDatabase;
let pool: pg.Pool;
let report: SyntheticReport;
let rows: AppealRow[];
let preexisting: Set<string>;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 3 });
  preexisting = new Set((await database.db.selectFrom('appeals').select('id').execute()).map((r) => r.id));
  // The template's demo appeals settled first, so that a later scan speaks of the synthetic ones only.
  await scanUntilDone();
  report = await generateSyntheticAppeals({ db: database.db, pool, clock: fixedClock(NOW) }, { appeals: N, seed: 7, enterprises: 500, batchSize: 700, commitEvery: 1400 });
  rows = (await database.db.selectFrom('appeals').selectAll().orderBy('number').execute()).filter((r) => !preexisting.has(r.id));
}, 120_000);

async function scanUntilDone() {
  const total = { warned: 0, registered: 0, escalated: 0, resolved: 0 };
  for (let more = true; more; ) {
    const r = await runSupervisionScan({ db: database.db, clock: fixedClock(NOW), log: silentLogger }, { budgetMs: 600_000, limit: 100_000 });
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
    more = r.more;
  }
  return total;
}

afterAll(async () => {
  await pool.end();
  await database.close();
});

describe('generateSyntheticAppeals', () => {
  it('writes N appeals with unique numbers, enterprises with valid codes, and an audit event', async () => {
    expect(report.appeals).toBe(N);
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.number)).size).toBe(N);
    for (const r of rows.slice(0, 50)) expect(r.number).toMatch(/^SQ\d{8}\d{6,}$/);
    expect(report.enterprisesCreated).toBe(500);
    const enterprises = await database.db.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', 'like', '%MAQ%').execute();
    expect(enterprises).toHaveLength(500);
    const { validateUscc } = await import('../../../../shared/uscc.ts');
    for (const e of enterprises) expect(validateUscc(e.uscc).ok).toBe(true);
    expect(enterprises.every((e) => /^湖州.+(有限公司|有限责任公司)$/.test(e.name))).toBe(true);
    const audit = await database.db.selectFrom('audit_events').select('action').where('action', '=', 'appeal.seed-synthetic').execute();
    expect(audit).toHaveLength(1);
  });

  it('spreads submissions over three years up to now, in Chinese, with ~5% urgent', () => {
    const now = new Date(NOW).getTime();
    const times = rows.map((r) => r.submitted_at.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(Math.min(...times)).toBeGreaterThan(now - 3.01 * 365.25 * 86_400_000);
    expect(Math.min(...times)).toBeLessThan(now - 2.9 * 365.25 * 86_400_000);
    const urgent = rows.filter((r) => r.urgency === 'urgent').length / N;
    expect(urgent).toBeGreaterThan(0.03);
    expect(urgent).toBeLessThan(0.07);
    expect(rows.every((r) => /[\u4e00-\u9fff]/.test(r.title) && r.content.length >= 30 && r.terms.length > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.category_id)).size).toBe(10);
    expect(new Set(rows.map((r) => r.channel)).size).toBeGreaterThanOrEqual(8);
  });

  it('keeps every clock consistent: due after start, frozen overdue flags, working time used', async () => {
    const cal = clockCalendar(await getCalendar(database.db));
    for (const r of rows) {
      for (const k of kinds) {
        const started = r[`${k}_started_at`];
        const due = r[`${k}_due_at`];
        const met = r[`${k}_met_at`];
        if (!started) {
          expect([due, met, r[`${k}_overdue`], r[`${k}_used_ms`]], `${r.number} ${k}`).toEqual([null, null, null, null]);
          continue;
        }
        expect(due!.getTime(), `${r.number} ${k} due`).toBeGreaterThan(started.getTime());
        if (met) {
          expect(met.getTime()).toBeGreaterThanOrEqual(started.getTime());
          expect(r[`${k}_overdue`], `${r.number} ${k} overdue`).toBe(met.getTime() > due!.getTime());
          const paused = k === 'reply' ? Number(r.paused_ms) : 0;
          expect(Number(r[`${k}_used_ms`])).toBe(Math.max(0, workingMsBetween(cal, started, met) - paused));
        } else {
          expect(r[`${k}_overdue`]).toBeNull();
          expect(r[`${k}_used_ms`]).toBeNull();
        }
      }
    }
  });

  it('matches statuses with the columns and next_due_at with the running clocks', () => {
    const running = (r: AppealRow, k: ClockKind) => r[`${k}_started_at`] !== null && r[`${k}_met_at`] === null;
    for (const r of rows) {
      const at = r.number;
      switch (r.status) {
        case 'submitted':
        case 'accepted':
          expect(running(r, 'accept'), at).toBe(true);
          expect([r.sign_started_at, r.lead_department_id, r.round], at).toEqual([null, null, 0]);
          break;
        case 'rejected':
          expect([r.accept_met_at !== null, r.reject_reason !== null, r.sign_started_at], at).toEqual([true, true, null]);
          break;
        case 'merged':
          expect([r.accept_met_at !== null, r.merged_into_id !== null], at).toEqual([true, true]);
          break;
        case 'returned':
          expect([running(r, 'accept'), r.sign_started_at, r.reply_started_at, r.return_count > 0], at).toEqual([true, null, null, true]);
          break;
        case 'assigned':
        case 'reopened':
          expect([running(r, 'sign'), running(r, 'reply'), r.lead_department_id !== null, r.round > 0], at).toEqual([true, true, true, true]);
          if (r.status === 'reopened') expect(r.reopen_count).toBeGreaterThan(0);
          break;
        case 'signed':
        case 'paused':
          expect([r.sign_met_at !== null, running(r, 'reply'), r.paused_at !== null], at).toEqual([true, true, r.status === 'paused']);
          break;
        case 'replied':
          expect([r.reply_met_at !== null, r.follow_up_started_at !== null, r.replied_at !== null, r.resolution !== null], at).toEqual([true, true, true, true]);
          break;
        case 'closed':
          expect([r.follow_up_met_at !== null, r.closed_at !== null, r.follow_up_reached, r.rating !== null], at).toEqual([true, true, true, true]);
          break;
        default:
          throw new Error(`unexpected status ${r.status}`);
      }
      const dues = kinds.filter((k) => running(r, k) && !(k === 'reply' && r.paused_at)).map((k) => r[`${k}_due_at`]!.getTime());
      expect(r.next_due_at?.getTime() ?? null, `${at} next_due_at`).toBe(dues.length ? Math.min(...dues) : null);
    }
  });

  it('gives old appeals mostly closed and recent ones every open state', () => {
    const now = new Date(NOW).getTime();
    const old = rows.filter((r) => r.submitted_at.getTime() < now - 365 * 86_400_000);
    expect(old.filter((r) => ['closed', 'rejected', 'merged'].includes(r.status)).length / old.length).toBeGreaterThan(0.97);
    const recent = rows.filter((r) => r.submitted_at.getTime() > now - 60 * 86_400_000);
    const recentStates = new Set(recent.map((r) => r.status));
    expect(openStates.filter((s) => recentStates.has(s)).length, [...recentStates].join()).toBeGreaterThanOrEqual(4);
    const everState = new Set(rows.map((r) => r.status));
    for (const s of ['closed', 'rejected', 'merged']) expect(everState, s).toContain(s);
    expect(openStates.filter((s) => everState.has(s)).length, [...everState].join()).toBeGreaterThanOrEqual(4);
  });

  it('has plausible KPIs: mostly on time, some late, mostly satisfied, a few returns and reopens', () => {
    const settledReply = rows.filter((r) => r.reply_met_at);
    const lateReply = settledReply.filter((r) => r.reply_overdue).length / settledReply.length;
    expect(lateReply).toBeGreaterThan(0.005);
    expect(lateReply).toBeLessThan(0.15);
    const settledSign = rows.filter((r) => r.sign_met_at);
    const lateSign = settledSign.filter((r) => r.sign_overdue).length / settledSign.length;
    expect(lateSign).toBeGreaterThan(0.005);
    expect(lateSign).toBeLessThan(0.15);
    const rated = rows.filter((r) => r.rating !== null);
    expect(rated.filter((r) => r.rating! >= 4).length / rated.length).toBeGreaterThan(0.7);
    expect(rated.some((r) => r.rating! <= 2)).toBe(true);
    expect(rows.filter((r) => r.return_count > 0).length).toBeGreaterThan(N * 0.01);
    expect(rows.filter((r) => r.reopen_count > 0).length).toBeGreaterThan(N * 0.005);
    const departments = new Set(rows.map((r) => r.lead_department_id).filter(Boolean));
    expect(departments.size).toBeGreaterThanOrEqual(10);
  });

  it('writes a timeline per appeal that starts with the submission and ends in the appeal status', async () => {
    const events = await database.db
      .selectFrom('appeal_events')
      .select(['appeal_id', 'id', 'at', 'action', 'from_status', 'to_status'])
      .where('appeal_id', 'in', rows.slice(0, 400).map((r) => r.id))
      .orderBy('appeal_id')
      .orderBy('id')
      .execute();
    const byAppeal = new Map<string, typeof events>();
    for (const e of events) byAppeal.set(e.appeal_id, [...(byAppeal.get(e.appeal_id) ?? []), e]);
    for (const r of rows.slice(0, 400)) {
      const list = byAppeal.get(r.id)!;
      expect(list[0]!.action, r.number).toBe('submit');
      for (let i = 1; i < list.length; i++) expect(list[i]!.at.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.at.getTime());
      const last = list.filter((e) => e.to_status !== null).at(-1)!;
      expect(last.to_status, r.number).toBe(r.status);
      // The supervision timer's rows do not touch updated_at; the last action does.
      expect(list.filter((e) => !e.action.startsWith('supervision_')).at(-1)!.at.getTime()).toBe(r.updated_at.getTime());
    }
    expect(report.events).toBeGreaterThan(N * 3);
  });

  it('registers overdue clocks for supervision as the live timer does, which then finds nothing left to do', async () => {
    const supervisions = await database.db.selectFrom('appeal_supervisions').selectAll().where('appeal_id', 'in', rows.map((r) => r.id)).execute();
    expect(supervisions.length).toBe(report.supervisions);
    expect(supervisions.length).toBeGreaterThan(N * 0.02);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const s of supervisions) {
      const r = byId.get(s.appeal_id)!;
      expect(r.supervised, r.number).toBe(true);
      expect(s.number).toMatch(/^DB\d{4}-\d{6,}$/);
      expect(s.escalate_at!.getTime()).toBeGreaterThan(s.registered_at.getTime());
      if (s.escalated_at) expect(s.escalated_at.getTime()).toBeGreaterThanOrEqual(s.escalate_at!.getTime());
      if (s.resolved_at) expect(s.resolved_at.getTime()).toBeGreaterThanOrEqual(s.registered_at.getTime());
      else {
        // Still open: the clock runs, in the same round, past its due time.
        const k = s.clock as ClockKind;
        expect([r.round, r[`${k}_met_at`], r[`${k}_due_at`]!.getTime() < new Date(NOW).getTime()], r.number).toEqual([s.round, null, true]);
      }
    }
    expect(supervisions.some((s) => s.escalated_at)).toBe(true);
    expect(supervisions.some((s) => s.resolved_at === null)).toBe(true);
    expect(await scanUntilDone()).toEqual({ warned: 0, registered: 0, escalated: 0, resolved: 0 });
  });
});
