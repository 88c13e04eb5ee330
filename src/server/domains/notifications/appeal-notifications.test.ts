// Who is told about each step of an appeal, through the real actions: the next to act and the enterprise, never the actor; a district's own office before the city's.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { appealKit, type AppealKit } from '../../../../test/helpers/appeals.ts';
import { fixedClock } from '../../platform/clock.ts';

const clock = fixedClock('2026-09-14T10:00:00+08:00');
let t: TestApp;
let k: AppealKit;

beforeAll(async () => {
  t = await createTestApp({ clock });
  k = await appealKit(t, ['dispatcher', 'handler-zjj', 'handler-swj', 'followup', 'supervisor', 'enterprise', 'enterprise2']);
});

/** [username, kind] of the notifications about one appeal, in order, after `since`. */
async function told(appealId: string, since = 0): Promise<Array<[string, string]>> {
  const rows = await t.deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.username', 'notifications.kind', 'notifications.created_at'])
    .where('notifications.entity_id', '=', appealId)
    .orderBy('notifications.created_at')
    .orderBy('notifications.kind')
    .orderBy('users.username')
    .execute();
  return rows.filter((r) => r.created_at.getTime() > since).map((r) => [r.username, r.kind]);
}

/** Runs one step a minute after the previous one and answers who was told about it. */
async function step(as: string, id: string, action: Parameters<AppealKit['act']>[2], body?: unknown): Promise<Array<[string, string]>> {
  clock.advance(60_000);
  const since = clock.now().getTime() - 1;
  const response = await k.act(as, id, action, body);
  expect(response.statusCode, `${as} ${action}: ${JSON.stringify(response.json())}`).toBe(200);
  return told(id, since);
}

describe('each step tells the next to act', () => {
  it('runs the loop: submit, assign with a co-department, return, reassign, extension, reply, follow-up, close', async () => {
    // Intake tells the dispatchers about urgent appeals only (the others wait in the triage queue, and the accept clock warns at 80 %).
    expect(await told((await k.submit()).id)).toEqual([]);
    const { id } = await k.submit({ urgency: 'urgent' });
    expect(await told(id)).toEqual([['dispatcher', 'appeal.submitted']]);

    expect(await step('dispatcher', id, 'assign', { departmentId: k.units.zjj, coDepartmentIds: [k.units.swj] })).toEqual([
      ['handler-zjj', 'appeal.assigned'],
      ['handler-swj', 'appeal.co_assigned'],
    ]);
    expect(await step('handler-zjj', id, 'return')).toEqual([['dispatcher', 'appeal.returned']]);
    expect(await step('dispatcher', id, 'assign')).toEqual([['handler-zjj', 'appeal.assigned']]);
    expect(await step('handler-zjj', id, 'sign')).toEqual([]);
    expect(await step('handler-zjj', id, 'request-extension', { workingDays: 3, reason: '需现场踏勘' })).toEqual([['dispatcher', 'appeal.extension_requested']]);
    expect(await step('dispatcher', id, 'approve-extension')).toEqual([['handler-zjj', 'appeal.extension_approved']]);
    expect(await step('handler-zjj', id, 'reply')).toEqual([
      ['followup', 'appeal.follow_up_requested'],
      ['enterprise', 'appeal.replied'],
    ]);
    expect(await step('followup', id, 'follow-up')).toEqual([]);
    expect(await step('followup', id, 'close')).toEqual([['enterprise', 'appeal.closed']]);

    const closed = await t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('entity_id', '=', id)
      .where('kind', '=', 'appeal.closed')
      .executeTakeFirstOrThrow();
    const appeal = (await k.get('enterprise', id)).json();
    expect(closed).toMatchObject({ link: `/appeals/${id}`, entity_type: 'appeal', data: { number: appeal.number, title: appeal.title, status: 'closed' } });
    expect(closed.title).toContain(appeal.number);
  });

  it('tells the handler who asked about a denied extension, the lead department about a reopening, the enterprise about a rejection', async () => {
    const signed = await k.prepare('signed+extension');
    expect(await step('dispatcher', signed, 'deny-extension', { reason: '理由不充分' })).toEqual([['handler-zjj', 'appeal.extension_denied']]);
    const replied = await k.prepare('replied+followed');
    expect(await step('followup', replied, 'reopen')).toEqual([['handler-zjj', 'appeal.reopened']]);
    const { id } = await k.submit();
    expect(await step('dispatcher', id, 'reject')).toEqual([['enterprise', 'appeal.rejected']]);
  });

  it('tells the head of the lead department about a manual supervision', async () => {
    const id = await k.prepare('signed');
    // handler-zjj heads 住建局 in the demo city.
    expect(await step('supervisor', id, 'supervise', { note: '请加快办理' })).toEqual([['handler-zjj', 'appeal.supervised']]);
  });

  it('never tells the actor about their own step', async () => {
    clock.advance(60_000);
    const { id } = await k.submit({ urgency: 'urgent', contactName: '张先生', contactPhone: '13800000000', sourceNote: '12345 热线' }, 'dispatcher');
    expect(await told(id)).toEqual([]);
  });

  it('tells a district\'s own dispatchers, not the city\'s, when the district has some', async () => {
    const wuxingOffice = k.units['wuxing-yhb'];
    expect(wuxingOffice).toBeDefined();
    await t.deps.db
      .insertInto('users')
      .values({ username: 'dispatcher-wuxing', display_name: '吴兴区营商办·受理交办员', password_hash: 'x', roles: ['dispatcher'], org_unit_id: wuxingOffice! })
      .execute();
    clock.advance(60_000);
    // The demo enterprise is in 织里镇, 吴兴区.
    const { id } = await k.submit({ urgency: 'urgent' });
    expect(await told(id)).toEqual([['dispatcher-wuxing', 'appeal.submitted']]);
    // enterprise2 is in 南浔区, which has no dispatcher of its own.
    const other = await k.submit({ urgency: 'urgent' }, 'enterprise2');
    expect(await told(other.id)).toEqual([['dispatcher', 'appeal.submitted']]);
  });
});
