// Route tests of the appeals loop: one appeal through every role across National Day 2026, bad input changing nothing, visibility, idempotency, return/reopen/merge.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { appealKit, type AppealKit } from '../../../../test/helpers/appeals.ts';
import { fixedClock } from '../../platform/clock.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';

const clock = fixedClock('2026-09-28T10:00:00+08:00'); // Monday; National Day holiday runs 10-01 … 10-07, 10-10 (Saturday) is a make-up working day.
let t: TestApp;
let k: AppealKit;
const users = ['admin', 'dispatcher', 'handler-zjj', 'handler-swj', 'followup', 'supervisor', 'leader', 'enterprise', 'enterprise2', 'policy'];
const end = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

beforeAll(async () => {
  t = await createTestApp({ clock });
  k = await appealKit(t, users);
});

const version = async (id: string) => (await t.deps.db.selectFrom('appeals').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

describe('one appeal from submission to closing, across National Day', () => {
  it('runs every stage with its clock, and the enterprise sees a public timeline', async () => {
    clock.set('2026-09-28T10:00:00+08:00');
    const submitted = await k.submit({ contactPhone: '13857201234' });
    expect(submitted).toMatchObject({ status: 'submitted', channel: 'web', category: 'approval', enterpriseId: expect.any(String), suggestedDepartmentId: k.units.zjj });
    expect(submitted.number).toMatch(/^SQ20260928\d{6}$/);
    expect((submitted.deadlines as Record<string, string>).accept).toBe(end('2026-09-30'));
    expect(submitted.contactPhone).toBe('13857201234');
    const id = submitted.id;

    const dispatcherView = (await k.get('dispatcher', id)).json();
    expect(dispatcherView.abilities).toEqual(expect.arrayContaining(['accept', 'assign', 'reject', 'merge']));
    expect((await k.get('leader', id)).json().abilities).not.toContain('assign');

    clock.set('2026-09-28T15:00:00+08:00');
    const assigned = (await k.act('dispatcher', id, 'assign', { departmentId: k.units.zjj, coDepartmentIds: [k.units.scjgj] })).json();
    expect(assigned).toMatchObject({ status: 'assigned', leadDepartmentId: k.units.zjj, coDepartmentIds: [k.units.scjgj] });
    expect(assigned.deadlines).toMatchObject({ accept: null, sign: end('2026-09-29'), reply: end('2026-10-16') });
    expect(assigned.clocks.accept).toMatchObject({ metAt: new Date('2026-09-28T15:00:00+08:00').toISOString(), overdue: false });

    clock.set('2026-09-29T09:00:00+08:00');
    const signed = (await k.act('handler-zjj', id, 'sign')).json();
    expect(signed).toMatchObject({ status: 'signed', overdue: { sign: false } });

    clock.set('2026-09-30T10:00:00+08:00');
    expect((await k.act('handler-zjj', id, 'pause', { reason: '等待企业补充竣工图纸' })).json()).toMatchObject({ status: 'paused', deadlines: { reply: end('2026-10-16') } });
    clock.set('2026-10-08T10:00:00+08:00');
    // 24 working hours paused (14 h on 09-30, 10 h on 10-08): the due time moves one working day, over the weekend of 10-17/18.
    const resumed = (await k.act('handler-zjj', id, 'resume')).json();
    expect(resumed).toMatchObject({ status: 'signed', deadlines: { reply: end('2026-10-19') } });

    expect((await k.act('handler-zjj', id, 'request-extension', { workingDays: 3, reason: '需协调规划部门现场踏勘' })).json().pendingExtension).toMatchObject({ workingDays: 3 });
    expect((await k.act('handler-zjj', id, 'request-extension', { workingDays: 2, reason: '再次申请' })).statusCode).toBe(409);
    const extended = (await k.act('dispatcher', id, 'approve-extension')).json();
    expect(extended).toMatchObject({ pendingExtension: null, deadlines: { reply: end('2026-10-22') } });

    clock.set('2026-10-20T16:00:00+08:00');
    const replied = (await k.act('handler-zjj', id, 'reply', { content: '已完成竣工验收备案，证书已寄出。', resolution: 'resolved' })).json();
    expect(replied).toMatchObject({ status: 'replied', overdue: { reply: false }, reply: { resolution: 'resolved' }, deadlines: { followUp: end('2026-10-23') } });
    expect((await k.act('followup', id, 'close')).statusCode).toBe(409);

    clock.set('2026-10-21T10:00:00+08:00');
    expect((await k.act('followup', id, 'follow-up', { reached: true, resolved: true, rating: 4, comment: '满意' })).json()).toMatchObject({ rating: 4, followUp: { reached: true, resolved: true } });
    const closed = (await k.act('followup', id, 'close')).json();
    expect(closed).toMatchObject({ status: 'closed', nextDueAt: null });
    expect((await k.act('enterprise', id, 'rate', { rating: 5, comment: '办得很快' })).json()).toMatchObject({ rating: 5, enterpriseRating: 5 });
    expect((await k.act('enterprise', id, 'rate', { rating: 4 })).statusCode).toBe(409);

    const staffTimeline = (await k.call('dispatcher', 'GET', `/api/v1/appeals/${id}/events`)).json().items;
    expect(staffTimeline.map((e: { action: string }) => e.action)).toEqual([
      'submit', 'accept', 'assign', 'sign', 'pause', 'resume', 'request-extension', 'approve-extension', 'reply', 'follow-up', 'close', 'rate',
    ]);
    expect(staffTimeline.find((e: { action: string }) => e.action === 'resume').data).toMatchObject({ dueFrom: end('2026-10-16'), dueTo: end('2026-10-19') });
    const publicTimeline = (await k.call('enterprise', 'GET', `/api/v1/appeals/${id}/events`)).json().items;
    expect(publicTimeline.map((e: { action: string }) => e.action)).not.toContain('request-extension');
    expect(publicTimeline.every((e: { actorId: string | null; action: string }) => e.actorId === null || ['submit', 'rate'].includes(e.action))).toBe(true);
  });
});

describe('bad input is refused precisely and changes nothing', () => {
  it('refuses over-long content, a rating of 6, an empty reply, extensions of 0 and 500 days', async () => {
    const tooLong = await t.call('POST', '/api/v1/appeals', { cookie: k.cookies.enterprise, body: { title: '标题', content: '长'.repeat(10_001), channel: 'web' } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'content' }] });

    const id = await k.prepare('replied');
    const before = await version(id);
    const six = await k.act('followup', id, 'follow-up', { reached: true, resolved: true, rating: 6 });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.details[0].path).toBe('rating');
    expect((await k.act('enterprise', id, 'rate', { rating: 0 })).json().error.details[0].path).toBe('rating');
    expect(await version(id)).toBe(before);

    const signedId = await k.prepare('signed');
    const signedVersion = await version(signedId);
    const noText = await k.act('handler-zjj', signedId, 'reply', { content: '   ', resolution: 'resolved' });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.details[0].path).toBe('content');
    for (const workingDays of [0, 500, 2.5]) {
      const response = await k.act('handler-zjj', signedId, 'request-extension', { workingDays, reason: '原因' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe('workingDays');
    }
    expect(await version(signedId)).toBe(signedVersion);
  });

  it('refuses an unknown category, a department that is not a department, and a channel an enterprise cannot use', async () => {
    const category = await t.call('POST', '/api/v1/appeals', { cookie: k.cookies.enterprise, body: { title: 't', content: 'c', channel: 'web', category: 'nope' } });
    expect(category.json().error.details[0].path).toBe('category');
    const channel = await t.call('POST', '/api/v1/appeals', { cookie: k.cookies.enterprise, body: { title: 't', content: 'c', channel: 'hotline_12345' } });
    expect(channel.json().error.details[0].path).toBe('channel');
    const id = await k.prepare('submitted');
    const region = await k.act('dispatcher', id, 'assign', { departmentId: k.units.wuxing });
    expect(region.statusCode).toBe(400);
    expect(region.json().error.details[0].path).toBe('departmentId');
    expect((await k.get('dispatcher', id)).json().status).toBe('submitted');
  });
});

describe('who sees what', () => {
  it('hides an enterprise\'s appeal from another enterprise and from a department it was not assigned to', async () => {
    const id = await k.prepare('assigned');
    expect((await k.get('enterprise2', id)).statusCode).toBe(404);
    expect((await k.get('handler-swj', id)).statusCode).toBe(404);
    expect((await k.get('policy', id)).statusCode).toBe(404);
    expect((await k.get('handler-zjj', id)).statusCode).toBe(200);
    expect((await k.act('enterprise2', id, 'rate', { rating: 1 })).statusCode).toBe(404);
    const swjList = (await t.call('GET', '/api/v1/appeals?pageSize=200', { cookie: k.cookies['handler-swj'] })).json();
    expect(swjList.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const otherList = (await t.call('GET', '/api/v1/appeals?pageSize=200', { cookie: k.cookies.enterprise2 })).json();
    expect(otherList.items.every((a: { enterpriseId: string }) => a.enterpriseId === otherList.items[0]?.enterpriseId)).toBe(true);
    expect(otherList.items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('keeps internal notes from the enterprise and masks phone numbers for read-only staff', async () => {
    const id = await k.prepare('signed', { contactPhone: '13857201234' });
    const note = await k.call('handler-zjj', 'POST', `/api/v1/appeals/${id}/notes`, { content: '企业法人较急，建议优先处理' });
    expect(note.statusCode).toBe(201);
    expect((await k.call('handler-zjj', 'GET', `/api/v1/appeals/${id}/notes`)).json().total).toBe(1);
    expect((await k.call('enterprise', 'GET', `/api/v1/appeals/${id}/notes`)).statusCode).toBe(404);
    expect((await k.call('enterprise', 'POST', `/api/v1/appeals/${id}/notes`, { content: 'x' })).statusCode).toBe(404);
    expect((await k.get('enterprise', id)).json().contactPhone).toBe('13857201234');
    expect((await k.get('handler-zjj', id)).json().contactPhone).toBe('13857201234');
  });

  it('lists the handler queue by nearest deadline', async () => {
    const queue = (await t.call('GET', '/api/v1/appeals?queue=mine&pageSize=200', { cookie: k.cookies['handler-zjj'] })).json();
    const dues = queue.items.map((a: { nextDueAt: string | null }) => a.nextDueAt).filter(Boolean);
    expect(dues.length).toBeGreaterThan(0);
    expect([...dues].sort()).toEqual(dues);
    expect(queue.items.every((a: { status: string; leadDepartmentId: string }) => ['assigned', 'signed', 'paused', 'reopened'].includes(a.status) && a.leadDepartmentId === k.units.zjj)).toBe(true);
  });
});

describe('concurrent intake', () => {
  it('takes 24 appeals at once with distinct numbers and a whole audit chain', async () => {
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => k.call(i % 2 ? 'enterprise' : 'enterprise2', 'POST', '/api/v1/appeals', { title: `并发提交 ${i}`, content: '并发压力下的受理', channel: 'web' })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(24).fill(201));
    expect(new Set(responses.map((r) => r.json().number)).size).toBe(24);
    const report = await verifyAuditChain(t.deps.db);
    expect(report.ok).toBe(true);
  });
});

describe('retries, returns, reopening and merging', () => {
  it('creates one appeal for a retried POST with the same Idempotency-Key', async () => {
    const body = { title: '重复提交测试', content: '网络不好，客户端重试。', channel: 'mobile' };
    const first = await t.call('POST', '/api/v1/appeals', { cookie: k.cookies.enterprise, body, headers: { 'idempotency-key': 'retry-1' } });
    const second = await t.call('POST', '/api/v1/appeals', { cookie: k.cookies.enterprise, body, headers: { 'idempotency-key': 'retry-1' } });
    expect(first.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const count = await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll().as('n')).where('title', '=', '重复提交测试').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('counts a return, restarts the dispatcher\'s clock, and assigns afresh', async () => {
    const id = await k.prepare('returned');
    const returned = (await k.get('dispatcher', id)).json();
    expect(returned).toMatchObject({ status: 'returned', returnCount: 1, deadlines: { sign: null, reply: null } });
    expect(returned.deadlines.accept).not.toBeNull();
    const reassigned = (await k.act('dispatcher', id, 'assign', { departmentId: k.units.swj })).json();
    expect(reassigned).toMatchObject({ status: 'assigned', leadDepartmentId: k.units.swj, round: 2 });
    expect((await k.get('handler-swj', id)).json().abilities).toContain('sign');
  });

  it('refuses to close an unresolved, unsatisfied appeal and reopens it with fresh clocks', async () => {
    const id = await k.prepare('replied');
    await k.act('followup', id, 'follow-up', { reached: true, resolved: false, rating: 1, comment: '问题依旧' });
    const close = await k.act('followup', id, 'close');
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('invalid_transition');
    const reopened = (await k.act('followup', id, 'reopen', { reason: '企业反映问题未解决' })).json();
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, reply: null, followUp: null, rating: null });
    expect(reopened.deadlines.sign).not.toBeNull();
    expect((await k.get('handler-zjj', id)).json().abilities).toEqual(expect.arrayContaining(['sign', 'return']));
  });

  it('merges a duplicate into the original, keeping both texts', async () => {
    const original = await k.prepare('assigned');
    const duplicate = await k.prepare('submitted', { title: '施工许可还没批下来', content: '同一个厂房的施工许可，再次反映。' });
    const merged = (await k.act('dispatcher', duplicate, 'merge', { intoId: original })).json();
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: original });
    const events = (await k.call('dispatcher', 'GET', `/api/v1/appeals/${original}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ action: 'merged-in', data: { duplicateId: duplicate, content: '同一个厂房的施工许可，再次反映。' } });
    expect((await k.act('dispatcher', duplicate, 'merge', { intoId: original })).statusCode).toBe(409);
    const self = await k.prepare('submitted');
    expect((await k.act('dispatcher', self, 'merge', { intoId: self })).json().error.details[0].path).toBe('intoId');
  });
});
