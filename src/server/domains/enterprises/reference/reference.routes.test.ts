// Route tests of the picker reference data: division children level by level (unknown parent 404, bad code 400, login needed) and the industry tree.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('dispatcher');
});

describe('GET /api/v1/reference/divisions', () => {
  it('lists the provinces, then each level under its parent, with names and whether there is a level below', async () => {
    const provinces = (await t.call('GET', '/api/v1/reference/divisions', { cookie })).json();
    expect(provinces.items.length).toBeGreaterThanOrEqual(31);
    expect(provinces.items).toContainEqual({ code: '33', name: '浙江省', level: 'province', hasChildren: true });
    const cities = (await t.call('GET', '/api/v1/reference/divisions?parent=33', { cookie })).json();
    expect(cities.items).toContainEqual({ code: '3305', name: '湖州市', level: 'city', hasChildren: true });
    expect(cities.items.every((c: { code: string }) => c.code.startsWith('33') && c.code.length === 4)).toBe(true);
    const counties = (await t.call('GET', '/api/v1/reference/divisions?parent=3305', { cookie })).json();
    expect(counties.items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['吴兴区', '南浔区', '德清县', '长兴县', '安吉县']));
    const townships = (await t.call('GET', '/api/v1/reference/divisions?parent=330502', { cookie })).json();
    expect(townships.items.length).toBeGreaterThan(5);
    expect(townships.items.every((c: { code: string; level: string }) => c.code.length === 9 && c.level === 'township')).toBe(true);
  });

  it('refuses a malformed parent (400 naming it), answers 404 for an unknown one, and needs a login', async () => {
    const bad = await t.call('GET', '/api/v1/reference/divisions?parent=33x', { cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toContain('parent');
    expect((await t.call('GET', '/api/v1/reference/divisions?parent=999999', { cookie })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/reference/divisions')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/reference/industries', () => {
  it('gives the GB/T 4754-2017 tree down to the 4-digit classes', async () => {
    const response = await t.call('GET', '/api/v1/reference/industries', { cookie });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { code: string; name: string; children?: unknown[] }[] };
    expect(items.map((s) => s.code)).toEqual(expect.arrayContaining(['A', 'C', 'I', 'T']));
    const classes: string[] = [];
    const walk = (nodes: { code: string; children?: unknown[] }[]) => {
      for (const node of nodes) {
        if (/^\d{4}$/.test(node.code)) classes.push(node.code);
        if (node.children) walk(node.children as { code: string; children?: unknown[] }[]);
      }
    };
    walk(items);
    expect(classes).toContain('3011');
    expect(classes.length).toBeGreaterThan(1300);
    expect((await t.call('GET', '/api/v1/reference/industries')).statusCode).toBe(401);
  });
});
