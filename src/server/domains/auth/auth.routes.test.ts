// Route tests for login, lockout, sessions (expiry and idle timeout), logout, API tokens and the cross-site guard, on a real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';

const clock = fixedClock('2026-11-23T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});

describe('login', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the user', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', { body: { username: 'Dispatcher', password: 'qinqing-demo' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'dispatcher', roles: ['dispatcher'] });
    const cookie = response.cookies.find((c) => c.name === 'qinqing_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.expires!.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it('refuses a wrong password with invalid_credentials and how many attempts remain', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', { body: { username: 'followup', password: 'wrong-password' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'invalid_credentials' });
    expect(response.json().error.message).toContain('4');
  });

  it('locks the account after five failures, even with the right password, until an administrator unlocks it', async () => {
    for (let i = 0; i < 4; i++) await t.call('POST', '/api/v1/auth/login', { body: { username: 'inspector', password: 'nope-nope' } });
    const fifth = await t.call('POST', '/api/v1/auth/login', { body: { username: 'inspector', password: 'nope-nope' } });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('rate_limited');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);
    const right = await t.call('POST', '/api/v1/auth/login', { body: { username: 'inspector', password: 'qinqing-demo' } });
    expect(right.statusCode).toBe(429);

    const admin = await t.login('admin');
    const users = await t.call('GET', '/api/v1/users?q=inspector', { cookie: admin });
    const inspector = users.json().items[0];
    expect(inspector.lockedUntil).not.toBeNull();
    expect((await t.call('POST', `/api/v1/users/${inspector.id}/unlock`, { cookie: admin })).json().lockedUntil).toBeNull();
    expect((await t.call('POST', '/api/v1/auth/login', { body: { username: 'inspector', password: 'qinqing-demo' } })).statusCode).toBe(200);
  });

  it('treats unknown users like wrong passwords, and locks them too', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'whatever1' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('reports missing fields with their path', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', { body: { username: 'admin' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('password');
  });
});

describe('sessions', () => {
  it('ends after the idle timeout and after logout', async () => {
    const cookie = await t.login('leader');
    expect((await t.call('GET', '/api/v1/me', { cookie })).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await t.call('GET', '/api/v1/me', { cookie })).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const idle = await t.call('GET', '/api/v1/me', { cookie });
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('unauthenticated');

    const again = await t.login('leader');
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie: again })).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { cookie: again })).statusCode).toBe(401);
  });

  it('expires after the maximum age even when active', async () => {
    const cookie = await t.login('policy');
    for (let i = 0; i < 25; i++) {
      clock.advance(29 * 60_000);
      await t.call('GET', '/api/v1/me', { cookie });
    }
    expect((await t.call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
  });

  it('returns the caller with roles, unit and abilities', async () => {
    const cookie = await t.login('handler-zjj');
    const me = (await t.call('GET', '/api/v1/me', { cookie })).json();
    expect(me.user).toMatchObject({ username: 'handler-zjj', roles: ['handler'], enterpriseId: null });
    expect(me.user.orgUnitName).toContain('住建局');
    expect(me.abilities).toContain('calendar.read');
    expect(me.abilities).not.toContain('user.manage');
  });

  it('refuses a state change from another site carrying the cookie', async () => {
    const cookie = await t.login('admin');
    const response = await t.call('PATCH', '/api/v1/me', { cookie, body: { careMode: true }, headers: { origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(403);
    const me = (await t.call('GET', '/api/v1/me', { cookie })).json();
    expect(me.user.careMode).toBe(false);
  });

  it('saves language and care mode preferences', async () => {
    const cookie = await t.login('enterprise');
    const response = await t.call('PATCH', '/api/v1/me', { cookie, body: { locale: 'zh-TW', careMode: true } });
    expect(response.json().user).toMatchObject({ locale: 'zh-TW', careMode: true });
    expect((await t.call('PATCH', '/api/v1/me', { cookie, body: { locale: 'fr' } })).json().error.details[0].path).toBe('locale');
  });
});

describe('API tokens', () => {
  it('authenticates integrations by Bearer token until revoked; the token is shown once', async () => {
    const cookie = await t.login('dispatcher');
    const created = await t.call('POST', '/api/v1/api-tokens', { cookie, body: { name: '12345 热线对接', expiresInDays: 30 } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^qq_/);
    const list = (await t.call('GET', '/api/v1/api-tokens', { cookie })).json();
    expect(list.items[0]).not.toHaveProperty('token');

    const asToken = await t.call('GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(asToken.statusCode).toBe(200);
    expect(asToken.json().user.username).toBe('dispatcher');

    expect((await t.call('DELETE', `/api/v1/api-tokens/${id}`, { cookie })).statusCode).toBe(204);
    const revoked = await t.call('GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.statusCode).toBe(401);
  });

  it('is not offered to enterprise users', async () => {
    const cookie = await t.login('enterprise2');
    expect((await t.call('POST', '/api/v1/api-tokens', { cookie, body: { name: 'x' } })).statusCode).toBe(403);
  });
});
