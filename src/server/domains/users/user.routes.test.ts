// Route tests for user administration: authorization, membership rules, caller-filtered lists, idempotent creation, nothing changed on error.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';

let t: TestApp;
let admin: string;
let unitIds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const units = (await t.call('GET', '/api/v1/org-units', { cookie: admin })).json().items as { id: string; code: string }[];
  unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
});

const countUsers = async () => Number((await t.deps.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('creating users', () => {
  it('creates a staff user who can then log in', async () => {
    const response = await t.call('POST', '/api/v1/users', {
      cookie: admin,
      body: { username: 'wang.fang', displayName: '王芳', password: 'a-long-password', roles: ['handler'], orgUnitId: unitIds.rsj },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ username: 'wang.fang', orgUnitName: expect.stringContaining('人社局') });
    await t.login('wang.fang', 'a-long-password');
  });

  it('refuses a staff user without a unit, an enterprise user without an enterprise, and a short password — changing nothing', async () => {
    const before = await countUsers();
    const noUnit = await t.call('POST', '/api/v1/users', { cookie: admin, body: { username: 'li.lei', displayName: '李雷', password: 'a-long-password', roles: ['dispatcher'] } });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details[0].path).toBe('orgUnitId');
    const noEnterprise = await t.call('POST', '/api/v1/users', { cookie: admin, body: { username: 'li.lei', displayName: '李雷', password: 'a-long-password', roles: ['enterprise'] } });
    expect(noEnterprise.json().error.details[0].path).toBe('enterpriseId');
    const shortPassword = await t.call('POST', '/api/v1/users', { cookie: admin, body: { username: 'li.lei', displayName: '李雷', password: 'short', roles: ['leader'], orgUnitId: unitIds.huzhou } });
    expect(shortPassword.json().error.details[0].path).toBe('password');
    expect(await countUsers()).toBe(before);
  });

  it('refuses a taken username with 409 on the username field', async () => {
    const response = await t.call('POST', '/api/v1/users', { cookie: admin, body: { username: 'dispatcher', displayName: 'x', password: 'a-long-password', roles: ['dispatcher'], orgUnitId: unitIds.yhb } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].path).toBe('username');
  });

  it('is refused to non-administrators', async () => {
    const dispatcher = await t.login('dispatcher');
    const before = await countUsers();
    const response = await t.call('POST', '/api/v1/users', { cookie: dispatcher, body: { username: 'sneaky', displayName: 'x', password: 'a-long-password', roles: ['admin'], orgUnitId: unitIds.yhb } });
    expect(response.statusCode).toBe(403);
    expect(await countUsers()).toBe(before);
  });

  it('creates one user for a retried POST with the same Idempotency-Key, and refuses the key for another body', async () => {
    const body = { username: 'zhao.min', displayName: '赵敏', password: 'a-long-password', roles: ['followup'], orgUnitId: unitIds.yhb };
    const headers = { 'idempotency-key': 'create-zhao-min-1' };
    const first = await t.call('POST', '/api/v1/users', { cookie: admin, body, headers });
    const before = await countUsers();
    const second = await t.call('POST', '/api/v1/users', { cookie: admin, body, headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(await countUsers()).toBe(before);
    const other = await t.call('POST', '/api/v1/users', { cookie: admin, body: { ...body, username: 'zhao.min2' }, headers });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_key_reused');
  });

  it('creates exactly one user when the same keyed request arrives twice at once', async () => {
    const body = { username: 'zhou.xun', displayName: '周迅', password: 'a-long-password', roles: ['inspector'], orgUnitId: unitIds.scjgj };
    const headers = { 'idempotency-key': 'concurrent-1' };
    const [a, b] = await Promise.all([t.call('POST', '/api/v1/users', { cookie: admin, body, headers }), t.call('POST', '/api/v1/users', { cookie: admin, body, headers })]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
  });
});

describe('editing users', () => {
  it('disables a user and ends their sessions', async () => {
    const cookie = await t.login('handler-swj');
    const { items } = (await t.call('GET', '/api/v1/users?q=handler-swj', { cookie: admin })).json();
    const response = await t.call('PATCH', `/api/v1/users/${items[0].id}`, { cookie: admin, body: { status: 'disabled' } });
    expect(response.json().status).toBe('disabled');
    expect((await t.call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
    const login = await t.call('POST', '/api/v1/auth/login', { body: { username: 'handler-swj', password: 'qinqing-demo' } });
    expect(login.statusCode).toBe(403);
    await t.call('PATCH', `/api/v1/users/${items[0].id}`, { cookie: admin, body: { status: 'active' } });
  });

  it('does not let an administrator remove their own administrator role', async () => {
    const me = (await t.call('GET', '/api/v1/me', { cookie: admin })).json().user;
    const response = await t.call('PATCH', `/api/v1/users/${me.id}`, { cookie: admin, body: { roles: ['leader'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('roles');
  });

  it('resets a password: old sessions end, the new password works', async () => {
    const cookie = await t.login('followup');
    const { items } = (await t.call('GET', '/api/v1/users?q=followup', { cookie: admin })).json();
    expect((await t.call('POST', `/api/v1/users/${items[0].id}/reset-password`, { cookie: admin, body: { password: 'brand-new-password' } })).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
    await t.login('followup', 'brand-new-password');
  });
});

describe('who sees which users', () => {
  it('a department handler sees only the users of their own unit', async () => {
    const cookie = await t.login('handler-zjj');
    const { items, total } = (await t.call('GET', '/api/v1/users?pageSize=200', { cookie })).json();
    expect(total).toBe(items.length);
    expect(items.map((u: { username: string }) => u.username)).toEqual(['handler-zjj']);
  });

  it('an enterprise user sees only its own enterprise and cannot fetch another user by id', async () => {
    const cookie = await t.login('enterprise');
    const { items } = (await t.call('GET', '/api/v1/users', { cookie })).json();
    expect(items.map((u: { username: string }) => u.username)).toEqual(['enterprise']);
    const other = (await t.call('GET', '/api/v1/users?q=enterprise2', { cookie: admin })).json().items[0];
    expect((await t.call('GET', `/api/v1/users/${other.id}`, { cookie })).statusCode).toBe(404);
    const enterprises = (await t.call('GET', '/api/v1/enterprises', { cookie })).json();
    expect(enterprises.total).toBe(1);
  });

  it('pages with total', async () => {
    const page = (await t.call('GET', '/api/v1/users?page=2&pageSize=3', { cookie: admin })).json();
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThanOrEqual(11);
    expect((await t.call('GET', '/api/v1/users?pageSize=1000', { cookie: admin })).json().error.details[0].path).toBe('pageSize');
  });
});
