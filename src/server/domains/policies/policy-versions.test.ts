// As of a date across a version change: an enterprise's policies and a policy's matches use the version in force that day; the decision of a notice keeps its version.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';

// Version 1 on 2026-12-01, version 2 on 2026-12-03 (10:00 Shanghai).
const clock = fixedClock('2026-12-01T02:00:00Z');
let t: TestApp;
let officer: string;
let enterprise: string;
let uscc: string;

const revenueAtLeast = (wan: string) => ({
  type: 'all',
  items: [
    { type: 'condition', id: 'manufacturing', label: { zh: '制造业' }, clause: '第二条', test: { attribute: 'industry', under: ['C'] } },
    { type: 'condition', id: 'revenue', label: { zh: `2025 年营业收入 ≥ ${wan} 万元` }, clause: '第三条', test: { attribute: 'figure', figure: 'revenue', year: { absolute: 2025 }, compare: { op: 'gte', value: wan } } },
  ],
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  officer = await t.login('policy');
  enterprise = await t.login('enterprise');
  uscc = (await t.deps.db.selectFrom('users').innerJoin('enterprises', 'enterprises.id', 'users.enterprise_id').select('enterprises.uscc').where('users.username', '=', 'enterprise').executeTakeFirstOrThrow()).uscc;
});

describe('as of a date across a version change', () => {
  it('answers each day with the version in force that day', async () => {
    const created = await t.call('POST', '/api/v1/policies', {
      cookie: officer,
      body: {
        title: '版本切换测试', documentNumber: '湖测发〔2026〕20号', issuingDepartment: '湖州市经济和信息化局', contactName: '测试员', contactPhone: '0572-1234567',
        effectiveFrom: '2026-01-01', summary: '测试。', interpretation: [], clauses: [], benefit: { kind: 'service', amount: null }, mode: 'information', rule: revenueAtLeast('7000'),
      },
    });
    const { id } = created.json();
    expect((await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer })).json().version).toBe(1);
    clock.advance(2 * 24 * 3600_000);
    // The sessions from two days ago have expired.
    officer = await t.login('policy');
    enterprise = await t.login('enterprise');
    expect((await t.call('PATCH', `/api/v1/policies/${id}`, { cookie: officer, body: { rule: revenueAtLeast('6000') } })).statusCode).toBe(200);
    const v2 = (await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer })).json();
    expect(v2).toMatchObject({ version: 2, notified: 1 });

    const on = async (asOf: string) => ((await t.call('GET', `/api/v1/enterprises/${uscc}/policies?asOf=${asOf}`, { cookie: enterprise })).json().items as { policyId: string; version: number; eligible: unknown }[]).find((i) => i.policyId === id);
    // 织里童装: 2025 revenue 6150.5 万元 — below 7000 (version 1), above 6000 (version 2).
    expect(await on('2026-11-30')).toBeUndefined();
    expect(await on('2026-12-01')).toMatchObject({ version: 1, eligible: false });
    expect(await on('2026-12-02')).toMatchObject({ version: 1, eligible: false });
    expect(await on('2026-12-03')).toMatchObject({ version: 2, eligible: true });
    const matchesOn = async (asOf: string) => (await t.call('GET', `/api/v1/policies/${id}/matches?asOf=${asOf}&pageSize=200`, { cookie: officer })).json().items.map((e: { uscc: string }) => e.uscc);
    expect(await matchesOn('2026-12-02')).not.toContain(uscc);
    expect(await matchesOn('2026-12-03')).toContain(uscc);

    const notice = await t.deps.db.selectFrom('policy_decisions').innerJoin('enterprises', 'enterprises.id', 'policy_decisions.enterprise_id').select(['policy_decisions.version', 'policy_decisions.content_hash', 'policy_decisions.as_of']).where('policy_id', '=', id).where('enterprises.uscc', '=', uscc).executeTakeFirstOrThrow();
    expect(notice).toEqual({ version: 2, content_hash: v2.contentHash, as_of: '2026-12-03' });
  });
});
