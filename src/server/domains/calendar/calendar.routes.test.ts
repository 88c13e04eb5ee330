// The calendar API on a real database: working-day arithmetic, validation, administrator edits with audit, and unpublished years.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';

let t: TestApp;
let admin: string;
let dispatcher: string;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T02:00:00Z') });
  [admin, dispatcher] = await Promise.all([t.login('admin'), t.login('dispatcher')]);
});

const add = (from: string, days: number | string, cookie = dispatcher) => t.call('GET', `/api/v1/calendar/working-days/add?from=${from}&days=${days}`, { cookie });
const auditEvents = (action: string, entityId: string) =>
  t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('working-day arithmetic', () => {
  it('adds working days across the Spring Festival and gives the end of the day as deadline', async () => {
    const response = await add('2026-02-13', 2);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ from: '2026-02-13', days: 2, date: '2026-02-24', deadline: '2026-02-24T23:59:59.999+08:00' });
  });

  it('counts working days, both ends included', async () => {
    const response = await t.call('GET', '/api/v1/calendar/working-days/count?from=2026-01-01&to=2026-12-31', { cookie: dispatcher });
    expect(response.json()).toEqual({ from: '2026-01-01', to: '2026-12-31', count: 248 });
  });

  it('needs a signed-in user', async () => {
    expect((await add('2026-02-13', 2, '')).statusCode).toBe(401);
  });

  it('refuses impossible dates and day counts with the offending field', async () => {
    for (const [from, days, path] of [
      ['2026-02-30', 2, 'from'],
      ['2026-02-13', -1, 'days'],
      ['2026-02-13', 1_000_000_000, 'days'],
      ['2026-02-13', 'two', 'days'],
    ] as const) {
      const response = await add(from, days);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path })] });
    }
    const reversed = await t.call('GET', '/api/v1/calendar/working-days/count?from=2026-03-01&to=2026-02-01', { cookie: dispatcher });
    expect(reversed.json().error.details[0].path).toBe('to');
  });

  it('refuses to pretend about 2027 with 409 calendar_year_missing', async () => {
    const response = await add('2026-12-31', 1);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'calendar_year_missing', details: [{ path: 'days' }] });
    expect(response.json().error.message).toContain('2027');
    const count = await t.call('GET', '/api/v1/calendar/working-days/count?from=2026-12-01&to=2027-01-10', { cookie: dispatcher });
    expect(count.json().error).toMatchObject({ code: 'calendar_year_missing', details: [{ path: 'to' }] });
  });
});

describe('exception days', () => {
  it('lists a year sorted, with names and sources', async () => {
    const { items } = (await t.call('GET', '/api/v1/calendar/days?year=2026', { cookie: dispatcher })).json();
    expect(items.length).toBeGreaterThan(30);
    expect(items.map((d: { date: string }) => d.date)).toEqual([...items.map((d: { date: string }) => d.date)].sort());
    expect(items).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节', source: 'chinese-days' });
  });

  it('may be edited by administrators only', async () => {
    const response = await t.call('PUT', '/api/v1/calendar/days/2026-02-24', { cookie: dispatcher, body: { kind: 'holiday', name: '春节' } });
    expect(response.statusCode).toBe(403);
    expect((await add('2026-02-13', 2)).json().date).toBe('2026-02-24');
  });

  it('an administrator edit changes the arithmetic at once and is audited; deleting it restores the rule', async () => {
    const put = await t.call('PUT', '/api/v1/calendar/days/2026-02-24', { cookie: admin, body: { kind: 'holiday', name: '春节（延长）' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ date: '2026-02-24', kind: 'holiday', name: '春节（延长）', source: 'admin' });
    expect((await add('2026-02-13', 2)).json().date).toBe('2026-02-25');
    const [event] = await auditEvents('calendar_day.set', '2026-02-24');
    expect(event).toMatchObject({ actor_label: 'admin', entity_type: 'calendar_day', before: null, after: { kind: 'holiday', source: 'admin' } });

    expect((await t.call('DELETE', '/api/v1/calendar/days/2026-02-24', { cookie: admin })).statusCode).toBe(204);
    expect((await add('2026-02-13', 2)).json().date).toBe('2026-02-24');
    expect(await auditEvents('calendar_day.delete', '2026-02-24')).toHaveLength(1);
    expect((await t.call('DELETE', '/api/v1/calendar/days/2026-02-24', { cookie: admin })).statusCode).toBe(404);
  });

  it('removing a make-up Saturday makes it a weekend day again', async () => {
    expect((await t.call('DELETE', '/api/v1/calendar/days/2026-02-14', { cookie: admin })).statusCode).toBe(204);
    expect((await add('2026-02-13', 1)).json().date).toBe('2026-02-24');
    const put = await t.call('PUT', '/api/v1/calendar/days/2026-02-14', { cookie: admin, body: { kind: 'workday', name: '春节' } });
    expect(put.json().source).toBe('admin');
    expect((await add('2026-02-13', 1)).json().date).toBe('2026-02-14');
  });

  it('validates the date and body of an edit', async () => {
    const badDate = await t.call('PUT', '/api/v1/calendar/days/2026-02-30', { cookie: admin, body: { kind: 'holiday', name: 'x' } });
    expect(badDate.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'date' }] });
    const badKind = await t.call('PUT', '/api/v1/calendar/days/2026-03-02', { cookie: admin, body: { kind: 'weekend', name: 'x' } });
    expect(badKind.json().error.details[0].path).toBe('kind');
  });
});

describe('years', () => {
  it('reports 2027 as missing', async () => {
    const status = (await t.call('GET', '/api/v1/calendar/status', { cookie: dispatcher })).json();
    expect(status).toMatchObject({ currentYear: 2026, nextYearMissing: true, missingYears: [2027] });
    expect(status.years).toContain(2004);
    expect(status.years).toContain(2026);
  });

  it('refuses to publish a year before its holidays are entered, and only for administrators', async () => {
    expect((await t.call('POST', '/api/v1/calendar/years', { cookie: dispatcher, body: { year: 2027 } })).statusCode).toBe(403);
    const empty = await t.call('POST', '/api/v1/calendar/years', { cookie: admin, body: { year: 2027 } });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.details[0].path).toBe('year');
  });

  it('publishes 2027 once entered; arithmetic then reaches into it', async () => {
    await t.call('PUT', '/api/v1/calendar/days/2027-01-01', { cookie: admin, body: { kind: 'holiday', name: '元旦' } });
    const published = await t.call('POST', '/api/v1/calendar/years', {
      cookie: admin,
      body: { year: 2027, note: '国办发明电〔2026〕号' },
      headers: { 'idempotency-key': 'publish-2027' },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ nextYearMissing: false, missingYears: [] });
    expect(published.json().years).toContain(2027);
    expect(await auditEvents('calendar_year.publish', '2027')).toHaveLength(1);
    expect((await add('2026-12-31', 1)).json().date).toBe('2027-01-04');

    const again = await t.call('POST', '/api/v1/calendar/years', { cookie: admin, body: { year: 2027 } });
    expect(again.statusCode).toBe(201);
    expect(await auditEvents('calendar_year.publish', '2027')).toHaveLength(1);
  });
});
