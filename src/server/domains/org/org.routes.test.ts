// Route tests for the organisation tree: nesting rules, moves that would make a cycle, duplicates, audit of each change.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';

let t: TestApp;
let admin: string;
const byCode = async () =>
  Object.fromEntries(((await t.call('GET', '/api/v1/org-units', { cookie: admin })).json().items as { id: string; code: string; parentId: string | null }[]).map((u) => [u.code, u]));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});

describe('organisation tree', () => {
  it('holds the demo city: 湖州市 → 吴兴区/南浔区 → townships with real division codes → villages, with departments', async () => {
    const units = (await t.call('GET', '/api/v1/org-units', { cookie: admin })).json().items as { kind: string; name: string; divisionCode: string | null }[];
    expect(units.find((u) => u.kind === 'city')).toMatchObject({ name: '湖州市', divisionCode: '330500' });
    expect(units.filter((u) => u.kind === 'district').map((u) => u.divisionCode).sort()).toEqual(['330502', '330503']);
    expect(units.find((u) => u.name === '织里镇')).toMatchObject({ kind: 'township', divisionCode: '330502100' });
    expect(units.filter((u) => u.kind === 'village').length).toBeGreaterThan(10);
    expect(units.filter((u) => u.kind === 'department').length).toBeGreaterThanOrEqual(12);
  });

  it('refuses to move a unit under its own descendant, and changes nothing', async () => {
    const units = await byCode();
    const response = await t.call('PATCH', `/api/v1/org-units/${units.wuxing.id}`, { cookie: admin, body: { parentId: units.t330502100.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'parentId' }] });
    expect((await byCode()).wuxing.parentId).toBe(units.huzhou.id);
    const self = await t.call('PATCH', `/api/v1/org-units/${units.wuxing.id}`, { cookie: admin, body: { parentId: units.wuxing.id } });
    expect(self.statusCode).toBe(400);
  });

  it('enforces the nesting city → district → township → village, departments anywhere', async () => {
    const units = await byCode();
    const villageUnderCity = await t.call('POST', '/api/v1/org-units', { cookie: admin, body: { parentId: units.huzhou.id, kind: 'village', name: '某村', code: 'bad-village' } });
    expect(villageUnderCity.statusCode).toBe(400);
    expect(villageUnderCity.json().error.details[0].path).toBe('parentId');
    const dept = await t.call('POST', '/api/v1/org-units', { cookie: admin, body: { parentId: units.nanxun.id, kind: 'department', name: '南浔区人社局', code: 'nanxun-rsj' } });
    expect(dept.statusCode).toBe(201);
    const duplicate = await t.call('POST', '/api/v1/org-units', { cookie: admin, body: { parentId: units.nanxun.id, kind: 'department', name: '又一个', code: 'nanxun-rsj' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].path).toBe('code');
  });

  it('moves a department to another region and records before and after in the audit trail', async () => {
    const units = await byCode();
    const response = await t.call('PATCH', `/api/v1/org-units/${units['wuxing-zjj'].id}`, { cookie: admin, body: { parentId: units.nanxun.id, name: '南浔区住建局（调整）' } });
    expect(response.statusCode).toBe(200);
    const events = (await t.call('GET', `/api/v1/audit-events?entityType=org_unit&entityId=${units['wuxing-zjj'].id}`, { cookie: admin })).json().items;
    expect(events[0]).toMatchObject({ action: 'org_unit.update', actorLabel: 'admin', before: { parentId: units.wuxing.id }, after: { parentId: units.nanxun.id } });
    expect(events[0].requestId).toBeTruthy();
  });

  it('is read-only for staff and hidden from enterprises', async () => {
    const units = await byCode();
    const dispatcher = await t.login('dispatcher');
    expect((await t.call('GET', '/api/v1/org-units', { cookie: dispatcher })).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/org-units/${units.huzhou.id}`, { cookie: dispatcher, body: { name: 'x' } })).statusCode).toBe(403);
    const enterprise = await t.login('enterprise');
    expect((await t.call('GET', '/api/v1/org-units', { cookie: enterprise })).statusCode).toBe(403);
  });
});
