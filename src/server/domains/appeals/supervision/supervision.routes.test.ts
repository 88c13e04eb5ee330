// Route tests of the supervisors' board: measures by department and handler over the caller's appeals in a period, supervision items, who may look.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { demoIds, insertAppeal, running, type DemoIds } from './supervision.fixtures.ts';
import { runSupervisionScan } from './supervision-scan.ts';

const clock = fixedClock('2026-08-31T12:00:00+08:00');
let t: TestApp;
let ids: DemoIds;
const cookies: Record<string, string> = {};
const appeals: Record<string, string> = {};
const august = 'from=2026-08-01&to=2026-08-31';
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.deps.db;
  ids = await demoIds(db);
  const nanxun = (await db.selectFrom('org_units').select('id').where('division_code', '=', '330503100').executeTakeFirstOrThrow()).id;
  // A supervisor of 吴兴区 only.
  await db
    .insertInto('users')
    .values({ username: 'supervisor-wuxing', display_name: '吴兴区纪委·督查员', password_hash: await t.deps.hasher.hash('qinqing-demo'), roles: ['supervisor'], org_unit_id: ids.unit('wuxing') })
    .execute();
  for (const u of ['supervisor', 'supervisor-wuxing', 'dispatcher', 'leader', 'handler-zjj', 'enterprise']) cookies[u] = await t.login(u);

  // 住建局, 吴兴: closed late after two returns, rated 非常不满意, and supervised then.
  appeals.late = await insertAppeal(db, {
    region_unit_id: ids.township,
    status: 'closed',
    submitted_at: at('2026-08-03T09:00:00+08:00'),
    lead_department_id: ids.unit('zjj'),
    handler_id: ids.user('handler-zjj'),
    round: 3,
    return_count: 2,
    rating: 1,
    supervised: true,
    reply_started_at: at('2026-08-05T09:00:00+08:00'),
    reply_due_at: at('2026-08-19T23:59:59.999+08:00'),
    reply_met_at: at('2026-08-21T10:00:00+08:00'),
    reply_overdue: true,
    closed_at: at('2026-08-25T10:00:00+08:00'),
  });
  await db
    .insertInto('appeal_supervisions')
    .values({ number: 'DB2026-900001', appeal_id: appeals.late, clock: 'reply', round: 3, reason: 'overdue', registered_at: at('2026-08-20T09:00:00+08:00'), department_id: ids.unit('zjj'), escalate_at: at('2026-08-24T23:59:59.999+08:00'), resolved_at: at('2026-08-21T10:00:00+08:00') })
    .execute();
  // 住建局, 吴兴: not signed, its sign clock overdue now; also supervised by hand.
  appeals.unsigned = await insertAppeal(db, {
    region_unit_id: ids.township,
    status: 'assigned',
    submitted_at: at('2026-08-24T09:00:00+08:00'),
    lead_department_id: ids.unit('zjj'),
    round: 1,
    ...running('sign', '2026-08-24T10:00:00+08:00', '2026-08-25T23:59:59.999+08:00'),
    ...running('reply', '2026-08-24T10:00:00+08:00', '2026-09-07T23:59:59.999+08:00'),
  });
  await db
    .insertInto('appeal_supervisions')
    .values({ number: 'DB2026-900002', appeal_id: appeals.unsigned, clock: 'manual', round: 1, reason: 'manual', note: '请立即签收', registered_at: at('2026-08-27T09:00:00+08:00'), registered_by: ids.user('supervisor'), department_id: ids.unit('zjj') })
    .execute();
  // 税务局, 南浔: on time, returned once, two extension requests (one approved).
  appeals.tax = await insertAppeal(db, {
    region_unit_id: nanxun,
    status: 'replied',
    submitted_at: at('2026-08-10T09:00:00+08:00'),
    lead_department_id: ids.unit('swj'),
    handler_id: ids.user('handler-swj'),
    round: 2,
    return_count: 1,
    rating: 4,
    reply_started_at: at('2026-08-11T09:00:00+08:00'),
    reply_due_at: at('2026-08-28T23:59:59.999+08:00'),
    reply_met_at: at('2026-08-27T09:00:00+08:00'),
    reply_overdue: false,
  });
  await db
    .insertInto('appeal_extensions')
    .values([
      { appeal_id: appeals.tax, round: 2, working_days: 3, reason: '需核实', requested_by: ids.user('handler-swj'), requested_at: at('2026-08-12T09:00:00+08:00'), decision: 'approved', decided_at: at('2026-08-12T10:00:00+08:00') },
      { appeal_id: appeals.tax, round: 2, working_days: 5, reason: '再次延期', requested_by: ids.user('handler-swj'), requested_at: at('2026-08-20T09:00:00+08:00'), decision: 'denied', decided_at: at('2026-08-20T10:00:00+08:00') },
    ])
    .execute();
  // 税务局 in July: outside the period.
  appeals.july = await insertAppeal(db, { region_unit_id: nanxun, status: 'closed', submitted_at: at('2026-07-10T09:00:00+08:00'), lead_department_id: ids.unit('swj'), return_count: 5, rating: 1 });

  // The timer registers the overdue sign clock.
  expect((await runSupervisionScan({ db, clock, log: silentLogger }, { budgetMs: Infinity })).registered).toBeGreaterThanOrEqual(1);
});

const get = (as: string, url: string) => t.call('GET', url, { cookie: cookies[as] });
const zero = { total: 0, overdue: 0, supervised: 0, returns: 0, repeatedReturns: 0, extensionRequests: 0, extensionsApproved: 0, badRatings: 0 };

describe('the supervisors\' board', () => {
  it('counts the negative measures by department and by handler over the period', async () => {
    const response = await get('supervisor', `/api/v1/supervision/board?${august}`);
    expect(response.statusCode).toBe(200);
    const board = response.json();
    expect(board.byDepartment).toEqual([
      { ...zero, departmentId: ids.unit('zjj'), name: expect.stringContaining('住建局'), total: 2, overdue: 2, supervised: 2, returns: 2, repeatedReturns: 1, badRatings: 1 },
      { ...zero, departmentId: ids.unit('swj'), name: expect.stringContaining('税务局'), total: 1, returns: 1, extensionRequests: 2, extensionsApproved: 1 },
    ]);
    expect(board.byHandler).toEqual([
      { ...zero, handlerId: ids.user('handler-zjj'), name: '住建局·承办人', departmentId: ids.unit('zjj'), departmentName: expect.stringContaining('住建局'), total: 1, overdue: 1, supervised: 1, returns: 2, repeatedReturns: 1, badRatings: 1 },
      { ...zero, handlerId: ids.user('handler-swj'), name: '税务局·承办人', departmentId: ids.unit('swj'), departmentName: expect.stringContaining('税务局'), total: 1, returns: 1, extensionRequests: 2, extensionsApproved: 1 },
    ]);
    // Open ones first, newest first: the timer's registration today, the manual one, then the resolved one.
    expect(board.items.map((i: { number: string; clock: string; reason: string }) => [i.clock, i.reason])).toEqual([
      ['sign', 'overdue'],
      ['manual', 'manual'],
      ['reply', 'overdue'],
    ]);
    expect(board.items[2]).toMatchObject({ number: 'DB2026-900001', appealId: appeals.late, departmentName: expect.stringContaining('住建局'), resolvedAt: at('2026-08-21T10:00:00+08:00').toISOString(), escalatedAt: null });
    expect(board.items[0]).toMatchObject({ appealId: appeals.unsigned, registeredAt: clock.now().toISOString(), resolvedAt: null, escalateAt: expect.any(String) });
  });

  it('narrows to one department, and counts everything without a period', async () => {
    const zjj = (await get('dispatcher', `/api/v1/supervision/board?${august}&departmentId=${ids.unit('zjj')}`)).json();
    expect(zjj.byDepartment.map((r: { departmentId: string }) => r.departmentId)).toEqual([ids.unit('zjj')]);
    expect(zjj.byHandler.map((r: { handlerId: string }) => r.handlerId)).toEqual([ids.user('handler-zjj')]);
    expect(zjj.items).toHaveLength(3);
    const all = (await get('leader', '/api/v1/supervision/board')).json();
    const swj = all.byDepartment.find((r: { departmentId: string }) => r.departmentId === ids.unit('swj'));
    expect(swj).toMatchObject({ returns: 1 + 5, repeatedReturns: 1, badRatings: 1 });
  });

  it('shows a district supervisor only the appeals of the district', async () => {
    const board = (await get('supervisor-wuxing', `/api/v1/supervision/board?${august}`)).json();
    expect(board.byDepartment.map((r: { departmentId: string }) => r.departmentId)).toEqual([ids.unit('zjj')]);
    expect(board.items.every((i: { appealId: string }) => i.appealId !== appeals.tax)).toBe(true);
  });

  it('is for supervisors, dispatchers and leaders only', async () => {
    expect((await get('handler-zjj', '/api/v1/supervision/board')).statusCode).toBe(403);
    expect((await get('enterprise', '/api/v1/supervision/items')).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/supervision/board')).statusCode).toBe(401);
    expect((await get('supervisor', '/api/v1/supervision/board?from=2026-02-30')).statusCode).toBe(400);
  });
});

describe('the supervision items', () => {
  it('pages open and resolved registrations, newest first', async () => {
    const open = (await get('supervisor', `/api/v1/supervision/items?status=open&${august}&pageSize=1`)).json();
    expect(open.total).toBe(2);
    expect(open.items.map((i: { clock: string }) => i.clock)).toEqual(['sign']);
    const second = (await get('supervisor', `/api/v1/supervision/items?status=open&${august}&pageSize=1&page=2`)).json();
    expect(second.items).toEqual([expect.objectContaining({ number: 'DB2026-900002', reason: 'manual', note: '请立即签收', title: '厂区道路施工影响货车通行' })]);
    const resolved = (await get('supervisor', `/api/v1/supervision/items?status=resolved&${august}`)).json();
    expect(resolved.items.map((i: { number: string }) => i.number)).toEqual(['DB2026-900001']);
  });
});
