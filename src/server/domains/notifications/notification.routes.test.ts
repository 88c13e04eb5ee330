// Route tests of the notification centre: own notifications only, newest first, unread filter and count, mark one (someone else's → 404) or all read.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { notify } from './notify.ts';

const clock = fixedClock('2026-09-14T10:00:00+08:00');
let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

async function send(username: string, title: string, minutesAgo: number, dedupeKey?: string): Promise<number> {
  return notify(t.deps.db, { userIds: [ids[username]!], kind: 'test.kind', title, data: { number: title }, link: '/appeals/x', dedupeKey }, new Date(clock.now().getTime() - minutesAgo * 60_000));
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  for (const u of ['handler-zjj', 'handler-swj']) {
    cookies[u] = await t.login(u);
    ids[u] = (await t.deps.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  }
  await send('handler-zjj', 'first', 30);
  await send('handler-zjj', 'second', 20);
  await send('handler-zjj', 'third', 10);
  await send('handler-swj', 'other', 5);
});

const get = (as: string, url: string) => t.call('GET', url, { cookie: cookies[as] });
const post = (as: string, url: string) => t.call('POST', url, { cookie: cookies[as] });

describe('the notification centre', () => {
  it('lists only the caller\'s own notifications, newest first, with a total for paging', async () => {
    const page = (await get('handler-zjj', '/api/v1/notifications?page=1&pageSize=2')).json();
    expect(page.total).toBe(3);
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['third', 'second']);
    expect(page.items[0]).toMatchObject({ kind: 'test.kind', body: '', data: { number: 'third' }, link: '/appeals/x', readAt: null, createdAt: new Date(clock.now().getTime() - 10 * 60_000).toISOString() });
    const next = (await get('handler-zjj', '/api/v1/notifications?page=2&pageSize=2')).json();
    expect(next.items.map((n: { title: string }) => n.title)).toEqual(['first']);
    expect((await get('handler-swj', '/api/v1/notifications')).json().items.map((n: { title: string }) => n.title)).toEqual(['other']);
  });

  it('keeps one notification per user and dedupe key', async () => {
    expect(await send('handler-swj', 'timer', 1, 'clock:x:warning')).toBe(1);
    expect(await send('handler-swj', 'timer again', 0, 'clock:x:warning')).toBe(0);
    expect((await get('handler-swj', '/api/v1/notifications')).json().total).toBe(2);
  });

  it('counts unread, marks one read (keeping the first time), and refuses someone else\'s with 404', async () => {
    expect((await get('handler-zjj', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 3 });
    const [third] = (await get('handler-zjj', '/api/v1/notifications')).json().items;
    const swjItem = (await get('handler-swj', '/api/v1/notifications')).json().items[0];

    expect((await post('handler-zjj', `/api/v1/notifications/${swjItem.id}/read`)).statusCode).toBe(404);
    expect((await post('handler-zjj', '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
    expect((await post('handler-zjj', '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await get('handler-swj', '/api/v1/notifications?unread=true')).json().items.map((n: { id: string }) => n.id)).toContain(swjItem.id);

    const read = await post('handler-zjj', `/api/v1/notifications/${third.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: third.id, readAt: clock.now().toISOString() });
    clock.advance(60_000);
    expect((await post('handler-zjj', `/api/v1/notifications/${third.id}/read`)).json().readAt).toBe(new Date(clock.now().getTime() - 60_000).toISOString());

    expect((await get('handler-zjj', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
    expect((await get('handler-zjj', '/api/v1/notifications?unread=true')).json().items.map((n: { title: string }) => n.title)).toEqual(['second', 'first']);
    expect((await get('handler-zjj', '/api/v1/notifications?unread=false')).json().items.map((n: { title: string }) => n.title)).toEqual(['third']);
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'notification.read').execute();
    expect(audit).toEqual([expect.objectContaining({ entity_id: third.id, actor_id: ids['handler-zjj'] })]);
  });

  it('marks all of the caller\'s notifications read, and only the caller\'s', async () => {
    expect((await post('handler-zjj', '/api/v1/notifications/read-all')).json()).toEqual({ count: 2 });
    expect((await get('handler-zjj', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await post('handler-zjj', '/api/v1/notifications/read-all')).json()).toEqual({ count: 0 });
    expect((await get('handler-swj', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
  });

  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/notifications/read-all')).statusCode).toBe(401);
  });
});
