// The supervision timer across National Day 2026: warnings at 80 % of working time (not calendar time), registration when overdue, escalation two working days later, resolution.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { addWorkingMs, clockCalendar, dueAfter, workingMsBetween } from '../clock-math.ts';
import { demoIds, insertAppeal, running, type DemoIds } from './supervision.fixtures.ts';
import { runSupervisionScan } from './supervision-scan.ts';

// 2026: Mid-Autumn 09-25 … 09-27 and National Day 10-01 … 10-07 are holidays; Sunday 09-20 and Saturday 10-10 are make-up working days.
const clock = fixedClock('2026-09-21T10:00:00+08:00');
let database: TestDatabase;
let ids: DemoIds;
// No time budget in tests: a loaded machine must not change what one run does.
const scan = (options: { limit?: number; budgetMs?: number } = {}) => runSupervisionScan({ db: database.db, clock, log: silentLogger }, { budgetMs: Infinity, ...options });
const end = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await demoIds(database.db);
});
afterAll(async () => database?.close());

async function notificationsOf(appealId: string) {
  return database.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.username', 'notifications.kind', 'notifications.title', 'notifications.data'])
    .where('notifications.entity_id', '=', appealId)
    .orderBy('notifications.created_at')
    .orderBy('users.username')
    .execute();
}

const supervisionsOf = (appealId: string) => database.db.selectFrom('appeal_supervisions').selectAll().where('appeal_id', '=', appealId).execute();

describe('the reply clock: 10 working days from Monday 09-21 10:00 (over Mid-Autumn and National Day), due at the end of 10-12', () => {
  let appealId: string;

  beforeAll(async () => {
    const cal = clockCalendar(await getCalendar(database.db));
    const started = new Date('2026-09-21T10:00:00+08:00');
    // The deadline itself is the core's arithmetic; the scan must agree with it.
    expect(dueAfter(cal, started, 10)).toEqual(end('2026-10-12'));
    // A second handler in 住建局, to see that a signed appeal warns only its own handler.
    await database.db
      .insertInto('users')
      .values({ username: 'handler-zjj-2', display_name: '住建局·承办人二', password_hash: 'x', roles: ['handler'], org_unit_id: ids.unit('zjj') })
      .execute();
    appealId = await insertAppeal(database.db, {
      region_unit_id: ids.township,
      enterprise_id: ids.enterprise,
      lead_department_id: ids.unit('zjj'),
      handler_id: ids.user('handler-zjj'),
      round: 1,
      ...running('reply', '2026-09-21T10:00:00+08:00', end('2026-10-12').toISOString()),
    });
  });

  it('stays quiet on the last holiday (62 % of working time)', async () => {
    clock.set('2026-10-07T20:00:00+08:00');
    await scan();
    expect(await notificationsOf(appealId)).toEqual([]);
  });

  it('does not warn at 79 % of working time (10-09 18:00), though 85 % of calendar time has passed', async () => {
    clock.set('2026-10-09T18:00:00+08:00');
    const cal = clockCalendar(await getCalendar(database.db));
    const started = new Date('2026-09-21T10:00:00+08:00');
    expect(workingMsBetween(cal, started, clock.now()) / workingMsBetween(cal, started, end('2026-10-12'))).toBeCloseTo(200 / 254, 5);
    await scan();
    expect(await notificationsOf(appealId)).toEqual([]);
  });

  it('warns the appeal\'s own handler once at 81 % (10-09 23:50), however often the scan runs', async () => {
    clock.set('2026-10-09T23:50:00+08:00');
    const first = await scan();
    expect(first.warned).toBeGreaterThanOrEqual(1);
    await scan();
    clock.set('2026-10-10T09:00:00+08:00');
    await scan();
    const sent = await notificationsOf(appealId);
    expect(sent).toEqual([expect.objectContaining({ username: 'handler-zjj', kind: 'appeal.clock_warning', data: expect.objectContaining({ clock: 'reply', dueAt: end('2026-10-12').toISOString() }) })]);
    expect(sent[0]!.title).toContain('2026-10-12 23:59');
    expect(sent.some((n) => n.username === 'handler-zjj-2')).toBe(false);
    const alerts = await database.db.selectFrom('appeal_clock_alerts').selectAll().where('appeal_id', '=', appealId).execute();
    expect(alerts).toEqual([expect.objectContaining({ clock: 'reply', round: 1, level: 'warning' })]);
  });

  it('registers the overdue clock for supervision just after the due time and tells the department head', async () => {
    clock.set('2026-10-12T23:59:59.000+08:00');
    await scan();
    expect(await supervisionsOf(appealId)).toEqual([]);
    clock.set('2026-10-13T09:00:00+08:00');
    const result = await scan();
    expect(result.registered).toBeGreaterThanOrEqual(1);
    const [supervision, ...others] = await supervisionsOf(appealId);
    expect(others).toEqual([]);
    expect(supervision).toMatchObject({ clock: 'reply', round: 1, reason: 'overdue', department_id: ids.unit('zjj'), registered_at: clock.now(), escalate_at: end('2026-10-15') });
    expect(supervision!.number).toMatch(/^DB2026-\d{6}$/);
    const appeal = await database.db.selectFrom('appeals').select(['supervised']).where('id', '=', appealId).executeTakeFirstOrThrow();
    expect(appeal.supervised).toBe(true);
    const events = await database.db.selectFrom('appeal_events').selectAll().where('appeal_id', '=', appealId).execute();
    expect(events).toEqual([expect.objectContaining({ action: 'supervision_registered', internal: true, actor_id: null, data: { clock: 'reply', number: supervision!.number, dueAt: end('2026-10-12').toISOString(), escalateAt: end('2026-10-15').toISOString() } })]);
    const registered = (await notificationsOf(appealId)).filter((n) => n.kind === 'appeal.supervision_registered');
    // The head of 住建局 in the demo city is handler-zjj.
    expect(registered).toEqual([expect.objectContaining({ username: 'handler-zjj', data: expect.objectContaining({ supervisionNumber: supervision!.number, clock: 'reply' }) })]);
    const audit = await database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', appealId).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'appeal.supervision.register', actor_id: null, request_id: 'supervision' })]);
    await scan();
    expect(await supervisionsOf(appealId)).toHaveLength(1);
  });

  it('resolves the supervision once the clock is met', async () => {
    clock.set('2026-10-14T11:00:00+08:00');
    await database.db.updateTable('appeals').set({ reply_met_at: clock.now(), reply_overdue: true, status: 'replied', next_due_at: null }).where('id', '=', appealId).execute();
    const result = await scan();
    expect(result.resolved).toBeGreaterThanOrEqual(1);
    expect((await supervisionsOf(appealId))[0]).toMatchObject({ resolved_at: clock.now(), escalated_at: null });
    clock.set('2026-10-16T09:00:00+08:00');
    await scan();
    expect((await supervisionsOf(appealId))[0]).toMatchObject({ escalated_at: null });
  });
});

describe('the sign clock overdue on the eve of National Day: escalation two working days after registration, across the holiday', () => {
  let appealId: string;

  beforeAll(async () => {
    appealId = await insertAppeal(database.db, {
      region_unit_id: ids.township,
      enterprise_id: ids.enterprise,
      status: 'assigned',
      lead_department_id: ids.unit('zjj'),
      round: 1,
      ...running('sign', '2026-09-29T10:00:00+08:00', end('2026-09-30').toISOString()),
      ...running('reply', '2026-09-29T10:00:00+08:00', end('2026-10-20').toISOString()),
    });
  });

  it('warns both handlers of the department at 80 % of the sign clock', async () => {
    clock.set('2026-09-30T16:00:00+08:00'); // 14 h + 16 h of 38 h = 79 %
    await scan();
    expect(await notificationsOf(appealId)).toEqual([]);
    clock.set('2026-09-30T17:00:00+08:00'); // 31 of 38 h = 82 %
    await scan();
    expect((await notificationsOf(appealId)).map((n) => [n.username, n.kind, (n.data as { clock: string }).clock])).toEqual([
      ['handler-zjj', 'appeal.clock_warning', 'sign'],
      ['handler-zjj-2', 'appeal.clock_warning', 'sign'],
    ]);
  });

  it('registers on the first holiday and escalates at the end of the second working day after it (10-09), not before', async () => {
    clock.set('2026-10-01T09:00:00+08:00');
    await scan();
    const [supervision] = await supervisionsOf(appealId);
    expect(supervision).toMatchObject({ clock: 'sign', escalate_at: end('2026-10-09'), escalated_at: null });

    for (const at of ['2026-10-07T12:00:00+08:00', '2026-10-09T23:00:00+08:00']) {
      clock.set(at);
      await scan();
      expect((await supervisionsOf(appealId))[0]!.escalated_at).toBeNull();
    }
    clock.set('2026-10-10T08:00:00+08:00');
    const result = await scan();
    expect(result.escalated).toBe(1);
    expect((await supervisionsOf(appealId))[0]!.escalated_at).toEqual(clock.now());
    const escalated = (await notificationsOf(appealId)).filter((n) => n.kind === 'appeal.supervision_escalated');
    // The office leader: the head of 优化办 (the dispatcher in the demo city); and the region's supervisor.
    expect(escalated.map((n) => n.username)).toEqual(['dispatcher', 'supervisor']);
    const events = await database.db.selectFrom('appeal_events').select('action').where('appeal_id', '=', appealId).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['supervision_registered', 'supervision_escalated']);
    const alerts = await database.db.selectFrom('appeal_clock_alerts').select(['clock', 'level']).where('appeal_id', '=', appealId).orderBy('at').execute();
    expect(alerts).toEqual([
      { clock: 'sign', level: 'warning' },
      { clock: 'sign', level: 'overdue' },
      { clock: 'sign', level: 'escalated' },
    ]);
    clock.set('2026-10-12T08:00:00+08:00');
    expect((await scan()).escalated).toBe(0);
    expect((await notificationsOf(appealId)).filter((n) => n.kind === 'appeal.supervision_escalated')).toHaveLength(2);
  });
});

describe('the other clocks and the pause', () => {
  it('warns the region\'s dispatchers about the accept clock and registers it under the 优化办, whose head is told', async () => {
    clock.set('2026-09-14T09:00:00+08:00');
    const appealId = await insertAppeal(database.db, {
      region_unit_id: ids.township,
      status: 'submitted',
      round: 0,
      ...running('accept', '2026-09-14T09:00:00+08:00', end('2026-09-16').toISOString()),
    });
    clock.set('2026-09-16T14:00:00+08:00'); // 15 + 24 + 14 = 53 of 63 h = 84 %
    await scan();
    expect((await notificationsOf(appealId)).map((n) => [n.username, n.kind])).toEqual([['dispatcher', 'appeal.clock_warning']]);
    clock.set('2026-09-17T09:00:00+08:00');
    await scan();
    const [supervision] = await supervisionsOf(appealId);
    expect(supervision).toMatchObject({ clock: 'accept', round: 0, department_id: ids.unit('yhb') });
    expect((await notificationsOf(appealId)).filter((n) => n.kind === 'appeal.supervision_registered').map((n) => n.username)).toEqual(['dispatcher']);
  });

  it('warns the follow-up officers about the follow-up clock', async () => {
    clock.set('2026-09-14T09:00:00+08:00');
    const appealId = await insertAppeal(database.db, {
      region_unit_id: ids.township,
      status: 'replied',
      lead_department_id: ids.unit('zjj'),
      round: 1,
      ...running('follow_up', '2026-09-14T09:00:00+08:00', end('2026-09-17').toISOString()),
    });
    clock.set('2026-09-17T09:00:00+08:00'); // 15 + 48 + 9 = 72 of 87 h = 83 %
    await scan();
    expect((await notificationsOf(appealId)).map((n) => [n.username, n.kind])).toEqual([['followup', 'appeal.clock_warning']]);
  });

  it('raises nothing for a paused reply clock, even past its due time, and counts the pause out once resumed', async () => {
    clock.set('2026-09-14T09:00:00+08:00');
    // Reply clock of 2 working days (09-14 09:00 → end of 09-16): 63 h of working time.
    const appealId = await insertAppeal(database.db, {
      region_unit_id: ids.township,
      status: 'paused',
      lead_department_id: ids.unit('zjj'),
      handler_id: ids.user('handler-zjj'),
      round: 1,
      paused_at: new Date('2026-09-15T09:00:00+08:00'),
      ...running('reply', '2026-09-14T09:00:00+08:00', end('2026-09-16').toISOString()),
    });
    clock.set('2026-09-18T09:00:00+08:00');
    await scan();
    expect(await notificationsOf(appealId)).toEqual([]);
    // Resumed on 09-18 09:00 after 72 h paused: the due time moves by 72 working hours, to the end of the make-up Sunday 09-20.
    const cal = clockCalendar(await getCalendar(database.db));
    expect(addWorkingMs(cal, end('2026-09-16'), 72 * 3_600_000)).toEqual(end('2026-09-20'));
    await database.db
      .updateTable('appeals')
      .set({ status: 'signed', paused_at: null, paused_ms: 72 * 3_600_000, reply_due_at: end('2026-09-20'), next_due_at: end('2026-09-20') })
      .where('id', '=', appealId)
      .execute();
    // Used: 24 h before the pause + 15 h after = 39 of 63 h = 62 %.
    clock.set('2026-09-20T00:00:00+08:00');
    await scan();
    expect(await notificationsOf(appealId)).toEqual([]);
    // Used: 24 + 15 + 12 = 51 of 63 h = 81 %.
    clock.set('2026-09-20T12:00:00+08:00');
    await scan();
    expect((await notificationsOf(appealId)).map((n) => [n.username, n.kind])).toEqual([['handler-zjj', 'appeal.clock_warning']]);
  });

  it('works a backlog off in batches, and within a time budget, saying when more is left', async () => {
    clock.set('2026-08-03T09:00:00+08:00');
    for (let i = 0; i < 7; i++) {
      await insertAppeal(database.db, { region_unit_id: ids.township, status: 'submitted', ...running('accept', '2026-08-03T09:00:00+08:00', end('2026-08-05').toISOString()) });
    }
    clock.set('2026-08-07T09:00:00+08:00');
    expect(await scan({ limit: 3 })).toMatchObject({ registered: 3, more: true });
    // A spent budget still lets one appeal through, so that a slow database makes progress.
    expect(await scan({ budgetMs: 0 })).toMatchObject({ registered: 1, more: true });
    expect(await scan({ limit: 3 })).toMatchObject({ registered: 3, more: false });
    expect(await scan()).toMatchObject({ registered: 0, more: false });
  });
});
