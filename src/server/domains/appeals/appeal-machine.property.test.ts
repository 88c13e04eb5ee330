// Property tests: random sequences of actions by random roles never leave the state machine, never lose an event, and leave clocks that a recount from the timeline reproduces.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { demoActors, validBodies } from '../../../../test/helpers/appeals.ts';
import { appealActions, appealStatuses, type AppealAction, type AppealStatus } from '../../../shared/schemas/appeals.ts';
import type { AppealEventRow, AppealRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { systemContext } from '../../http/context.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Actor } from '../auth/actor.ts';
import { performAction } from './appeal-actions.ts';
import { nextStatus, transitions, type Part } from './appeal-machine.ts';
import { submitAppeal } from './submit-appeal.ts';
import { computeAppealKpis } from './kpi/appeal-kpis.ts';

const clock = fixedClock('2026-01-05T09:00:00+08:00');
const players = ['dispatcher', 'handler-zjj', 'handler-swj', 'followup', 'supervisor', 'leader', 'enterprise', 'enterprise2'];
let t: TestApp;
let actors: Map<string, Actor>;
let units: Map<string, string>;
let mergeTarget: string;
const ctx = systemContext('property-test');

beforeAll(async () => {
  t = await createTestApp({ clock });
  actors = await demoActors(t.deps.db);
  units = new Map((await t.deps.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  mergeTarget = (await submitAppeal(t.deps, ctx, actors.get('enterprise')!, { title: '合并目标', content: '用于合并的原诉求', channel: 'web' })).id;
});

const load = async (id: string) => ({
  row: await t.deps.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  events: await t.deps.db.selectFrom('appeal_events').selectAll().where('appeal_id', '=', id).orderBy('id').execute(),
});

function bodyFor(action: AppealAction, departmentCode: string, rating: number, resolved: boolean): unknown {
  switch (action) {
    case 'assign':
      return { departmentId: units.get(departmentCode) };
    case 'merge':
      return { intoId: mergeTarget };
    case 'follow-up':
      return { reached: rating !== 3, resolved, rating };
    case 'rate':
      return { rating };
    default:
      return validBodies[action];
  }
}

/** What the timeline alone says the appeal should look like. */
function recount(events: AppealEventRow[]) {
  const statusEvents = events.filter((e) => e.to_status !== null);
  const lastRoundStart = [...events].reverse().find((e) => e.action === 'assign' || e.action === 'reopen');
  const replyMoves = events.filter((e) => ['assign', 'reopen', 'resume', 'approve-extension'].includes(e.action));
  const lastMove = replyMoves.at(-1);
  return {
    status: statusEvents.at(-1)!.to_status,
    returnCount: events.filter((e) => e.action === 'return').length,
    reopenCount: events.filter((e) => e.action === 'reopen').length,
    round: events.filter((e) => e.action === 'assign' || e.action === 'reopen').length,
    signDue: lastRoundStart && statusEvents.at(-1)!.to_status !== 'returned' ? (lastRoundStart.data.signDue as string) : null,
    replyDue: lastMove ? ((lastMove.data.replyDue ?? lastMove.data.dueTo) as string) : null,
    transitions: statusEvents.map((e) => [e.from_status, e.to_status]),
  };
}

function checkAgainstRecount(row: AppealRow, events: AppealEventRow[]) {
  const r = recount(events);
  expect(row.status).toBe(r.status);
  expect(row.return_count).toBe(r.returnCount);
  expect(row.reopen_count).toBe(r.reopenCount);
  expect(row.round).toBe(r.round);
  if (row.sign_due_at) expect(row.sign_due_at.toISOString()).toBe(r.signDue);
  if (row.reply_due_at) expect(row.reply_due_at.toISOString()).toBe(r.replyDue);
  // Every status change starts where the previous one ended: no event is missing from the chain.
  for (let i = 1; i < r.transitions.length; i++) expect(r.transitions[i]![0]).toBe(r.transitions[i - 1]![1]);
  for (const kind of ['accept', 'sign', 'reply', 'follow_up'] as const) {
    const met = row[`${kind}_met_at`];
    const due = row[`${kind}_due_at`];
    if (met && due) expect(row[`${kind}_overdue`]).toBe(met.getTime() > due.getTime());
  }
  if (row.status === 'replied' || row.status === 'closed') expect(row.replied_at).not.toBeNull();
  if (row.status === 'closed') expect(row.follow_up_at !== null || events.filter((e) => e.action === 'follow-up').length >= 3).toBe(true);
}

/** One hand-written run that visits every state, so the coverage check below never depends on luck. */
function walkThroughTheLoop() {
  const plain = { department: 'zjj', rating: 5, resolved: true, hours: 5, legal: false, pick: 0 };
  const moves: Array<[string, AppealAction, Partial<typeof plain>?]> = [
    ['dispatcher', 'accept'], ['dispatcher', 'assign'], ['handler-zjj', 'return'], ['dispatcher', 'assign'], ['handler-zjj', 'sign'],
    ['handler-zjj', 'pause', { hours: 30 }], ['handler-zjj', 'resume'], ['handler-zjj', 'request-extension'], ['dispatcher', 'approve-extension'],
    ['handler-zjj', 'reply', { hours: 50 }], ['followup', 'follow-up', { rating: 1, resolved: false }], ['followup', 'close'], ['followup', 'reopen'],
    ['handler-zjj', 'sign'], ['handler-zjj', 'reply'], ['followup', 'follow-up', { rating: 4 }], ['enterprise', 'rate', { rating: 5 }], ['followup', 'close'],
  ];
  return moves.map(([player, action, extra]) => ({ ...plain, player, action, ...extra }));
}

/** The KPI counts of one appeal, read from its timeline alone (API.md definitions). */
function kpiFromEvents(events: AppealEventRow[], now: Date) {
  const status = events.filter((e) => e.to_status !== null).at(-1)!.to_status!;
  const zero = { total: 0, signDue: 0, signedOnTime: 0, replyDue: 0, repliedOnTime: 0, replied: 0, resolved: 0, followedUp: 0, rated: 0, satisfied: 0 };
  if (status === 'rejected' || status === 'merged') return zero;
  const counts = { ...zero, total: 1 };
  const startIndex = events.findLastIndex((e) => e.action === 'assign' || e.action === 'reopen');
  const returned = events.findLastIndex((e) => e.action === 'return') > startIndex;
  const round = startIndex >= 0 && !returned ? events.slice(startIndex) : [];
  if (round.length > 0) {
    const start = round[0]!;
    const signDue = new Date(start.data.signDue as string);
    const sign = round.find((e) => e.action === 'sign');
    if (sign || signDue < now) counts.signDue = 1;
    if (sign && sign.at <= signDue) counts.signedOnTime = 1;
    const reply = round.find((e) => e.action === 'reply');
    const moves = round.filter((e) => ['assign', 'reopen', 'resume', 'approve-extension'].includes(e.action) && (!reply || BigInt(e.id) < BigInt(reply.id)));
    const replyDue = new Date((moves.at(-1)!.data.replyDue ?? moves.at(-1)!.data.dueTo) as string);
    const pausedAt = status === 'paused' ? round.findLast((e) => e.action === 'pause')!.at : now;
    if (reply || replyDue < pausedAt) counts.replyDue = 1;
    if (reply && reply.at <= replyDue) counts.repliedOnTime = 1;
    if (reply) {
      counts.replied = 1;
      const reached = round.filter((e) => e.action === 'follow-up' && e.data.reached === true && BigInt(e.id) > BigInt(reply.id)).at(-1);
      if (reached) counts.followedUp = 1;
      if (reached ? reached.data.resolved === true : reply.data.resolution === 'resolved') counts.resolved = 1;
    }
    const lastRating = round.filter((e) => (e.action === 'follow-up' && e.data.reached === true) || e.action === 'rate').at(-1);
    if (lastRating) {
      counts.rated = 1;
      if ((lastRating.data.rating as number) >= 3) counts.satisfied = 1;
    }
  }
  return counts;
}

describe('the appeal state machine under random use', () => {
  it('stays inside the machine, keeps every event, and its clocks match a recount from the timeline', async () => {
    const step = fc.record({
      player: fc.constantFrom(...players),
      action: fc.constantFrom(...appealActions),
      department: fc.constantFrom('zjj', 'swj'),
      rating: fc.integer({ min: 1, max: 5 }),
      resolved: fc.boolean(),
      hours: fc.integer({ min: 0, max: 60 }),
      /** Most steps pick an action the state allows, played by someone with the right part; the rest are anything by anyone. */
      legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
      pick: fc.nat(),
    });
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        clock.set('2026-01-05T09:00:00+08:00');
        const { id } = await submitAppeal(t.deps, ctx, actors.get('enterprise')!, { title: '随机测试', content: '属性测试用诉求', channel: 'web', category: 'approval' });
        for (const s of steps) {
          clock.advance(s.hours * 3_600_000);
          const before = await load(id);
          if (s.legal) {
            const status = before.row.status as AppealStatus;
            // Ending moves (reject, merge) stay possible through the unconstrained steps; here the loop is walked.
            const options = appealActions.filter((a) => transitions[a].from.includes(status) && a !== 'reject' && a !== 'merge');
            if (options.length === 0) continue;
            s.action = options[s.pick % options.length]!;
            const part = transitions[s.action].parts[s.pick % transitions[s.action].parts.length] as Part;
            const lead = [...units].find(([, unitId]) => unitId === before.row.lead_department_id)?.[0];
            s.player = { dispatcher: 'dispatcher', lead: lead === 'swj' ? 'handler-swj' : 'handler-zjj', co: 'handler-swj', followup: 'followup', supervisor: 'supervisor', owner: 'enterprise', viewer: 'leader' }[part];
          }
          try {
            await performAction(t.deps, ctx, actors.get(s.player)!, id, s.action, bodyFor(s.action, s.department, s.rating, s.resolved) as never);
            const after = await load(id);
            expect(after.row.status).toBe(nextStatus(s.action, before.row.status as AppealStatus));
            expect(after.events.length).toBeGreaterThan(before.events.length);
            expect(after.row.version).toBe(before.row.version + 1);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            expect(['invalid_transition', 'not_found']).toContain(error.code);
            const after = await load(id);
            expect(after.row.version).toBe(before.row.version);
            expect(after.events.length).toBe(before.events.length);
          }
          const { row, events } = await load(id);
          expect(appealStatuses).toContain(row.status);
          reached.add(row.status);
          checkAgainstRecount(row, events);
        }
      }),
      { numRuns: 40, examples: [[walkThroughTheLoop()]] },
    );
    // The KPIs computed from the clock columns equal a recount from every appeal's timeline.
    const now = clock.now();
    const all = await t.deps.db.selectFrom('appeal_events').selectAll().orderBy('id').execute();
    const byAppeal = new Map<string, AppealEventRow[]>();
    for (const e of all) byAppeal.set(e.appeal_id, [...(byAppeal.get(e.appeal_id) ?? []), e]);
    const recounted = [...byAppeal.values()].map((events) => kpiFromEvents(events, now)).reduce((sum, c) => {
      for (const key of Object.keys(sum) as Array<keyof typeof sum>) sum[key] += c[key];
      return sum;
    });
    const kpis = await computeAppealKpis(t.deps.db, { kind: 'all' }, { from: '2026-01-01', to: '2026-12-31', groupBy: 'channel' }, now);
    expect(kpis).toHaveLength(1);
    const { total, signDue, signedOnTime, replyDue, repliedOnTime, replied, resolved, followedUp, rated, satisfied } = kpis[0]!;
    expect({ total, signDue, signedOnTime, replyDue, repliedOnTime, replied, resolved, followedUp, rated, satisfied }).toEqual(recounted);
    expect(recounted.replied).toBeGreaterThan(0);
    // The runs must really have walked the loop, not stalled at the first step.
    expect([...reached].sort()).toEqual(expect.arrayContaining(['assigned', 'signed', 'replied', 'closed', 'reopened', 'returned', 'paused']));
  }, 120_000);
});
