// Route tests for 免申即享: candidates from the eligible set (once per enterprise), amounts, bulk approval in rank order within the budget, exclusion, one payout per grant, the ledger, and who may do it.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Rule } from '../../../shared/rules/rule-language.ts';
import { eligibilityQuery } from './engine/sql.ts';

const clock = fixedClock('2026-12-01T02:00:00Z');
const TODAY = '2026-12-01';
let t: TestApp;
let officer: string;
let dispatcher: string;
let leader: string;

const rule = {
  type: 'all',
  items: [
    { type: 'condition', id: 'manufacturing', label: { zh: '制造业' }, clause: '第二条', test: { attribute: 'industry', under: ['C'] } },
    { type: 'condition', id: 'revenue', label: { zh: '2025 年营业收入 ≥ 10000 万元' }, clause: '第三条', test: { attribute: 'figure', figure: 'revenue', year: { absolute: 2025 }, compare: { op: 'gte', value: '10000' } } },
  ],
};
const input = (overrides: Record<string, unknown> = {}) => ({
  title: '免申即享测试奖励',
  documentNumber: '湖测发〔2026〕9号',
  issuingDepartment: '湖州市经济和信息化局',
  contactName: '测试员',
  contactPhone: '0572-1234567',
  effectiveFrom: '2026-01-01',
  summary: '测试。',
  interpretation: [],
  clauses: [{ id: '第三条', text: '营业收入不低于 1 亿元。' }],
  benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '50' } },
  mode: 'automatic',
  budget: '120',
  rule,
  ...overrides,
});

async function eligibleUsccs(): Promise<string[]> {
  const { rows } = await sql.raw<{ uscc: string }>(`SELECT x.uscc FROM (${eligibilityQuery(rule as Rule, TODAY)}) q JOIN enterprises x ON x.id = q.id WHERE q.verdict AND x.status = 'active' ORDER BY x.uscc`).execute(t.deps.db);
  return rows.map((r) => r.uscc);
}
async function published(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.call('POST', '/api/v1/policies', { cookie: officer, body: input(overrides) });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json();
  expect((await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer })).statusCode).toBe(200);
  return id;
}
const grants = async (id: string, cookie = officer) => {
  const response = await t.call('GET', `/api/v1/policies/${id}/grants?pageSize=200`, { cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { total: number; budget: string | null; committed: string; remaining: string | null; items: { id: string; rank: number; uscc: string; amount: string; status: string; excludeReason: string | null; payout: unknown }[] };
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  officer = await t.login('policy');
  dispatcher = await t.login('dispatcher');
  leader = await t.login('leader');
});

describe('免申即享', () => {
  it('turns the eligible enterprises into ranked candidates once, approves within the budget in rank order, pays each once', async () => {
    const id = await published();
    const expected = await eligibleUsccs();
    expect(expected.length).toBeGreaterThanOrEqual(4);

    const first = await t.call('POST', `/api/v1/policies/${id}/grants/candidates`, { cookie: officer, body: { asOf: TODAY } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ version: 1, asOf: TODAY, created: expected.length, existing: 0, noAmount: 0 });
    const again = (await t.call('POST', `/api/v1/policies/${id}/grants/candidates`, { cookie: officer, body: { asOf: TODAY } })).json();
    expect(again).toMatchObject({ created: 0, existing: expected.length });

    let list = await grants(id);
    expect(list.items.map((g) => g.uscc)).toEqual(expected);
    expect(list.items.map((g) => g.rank)).toEqual(expected.map((_, i) => i + 1));
    expect(list.items.every((g) => g.amount === '50' && g.status === 'candidate')).toBe(true);
    const decision = await t.deps.db.selectFrom('policy_grants').select(['conditions', 'content_hash']).where('id', '=', list.items[0].id).executeTakeFirstOrThrow();
    expect(decision.conditions).toEqual([expect.objectContaining({ id: 'manufacturing', result: true }), expect.objectContaining({ id: 'revenue', result: true })]);
    // The list returns what was stored, with the version's labels.
    const stored = decision.conditions as { id: string; actual: string | null }[];
    expect((list.items[0] as unknown as { conditions: unknown }).conditions).toEqual([
      { id: 'manufacturing', label: '制造业', labelEn: null, clause: '第二条', result: true, met: true, actual: stored[0]!.actual },
      { id: 'revenue', label: '2025 年营业收入 ≥ 10000 万元', labelEn: null, clause: '第三条', result: true, met: true, actual: stored[1]!.actual },
    ]);
    expect(decision.content_hash).toMatch(/^[0-9a-f]{64}$/);

    // The first is excluded with a reason; of the rest, 120 万元 covers two at 50 万元; the third and after stay candidates.
    const excluded = list.items[0];
    expect((await t.call('POST', `/api/v1/policies/${id}/grants/${excluded.id}/exclude`, { cookie: officer, body: { reason: '已享受同类奖励' } })).statusCode).toBe(200);
    const approval = await t.call('POST', `/api/v1/policies/${id}/grants/approve`, { cookie: officer, body: {} });
    expect(approval.statusCode, approval.body).toBe(200);
    const result = approval.json();
    expect(result).toMatchObject({ approved: 2, committed: '100', remaining: '20' });
    expect(result.refused.map((r: { uscc: string }) => r.uscc)).toEqual(expected.slice(3));
    expect(result.refused[0].reason).toContain('超出预算');
    list = await grants(id);
    expect(list.items.map((g) => g.status)).toEqual(['excluded', 'approved', 'approved', ...expected.slice(3).map(() => 'candidate')]);
    expect(list.items[0].excludeReason).toBe('已享受同类奖励');
    expect(list).toMatchObject({ budget: '120', committed: '100', remaining: '20' });

    // Payouts: once per grant; a candidate cannot be paid.
    const pay = (grantId: string) => t.call('POST', `/api/v1/policies/${id}/grants/${grantId}/payout`, { cookie: officer, body: { paidOn: TODAY, reference: 'HZCZ-2026-0001' } });
    expect((await pay(list.items[1].id)).statusCode).toBe(200);
    const second = await pay(list.items[1].id);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict');
    expect((await pay(list.items[3].id)).json().error.code).toBe('invalid_transition');
    expect((await t.call('POST', `/api/v1/policies/${id}/grants/${list.items[1].id}/exclude`, { cookie: officer, body: { reason: '误' } })).statusCode).toBe(409);
    expect((await grants(id)).items[1]).toMatchObject({ status: 'paid', payout: { paidOn: TODAY, reference: 'HZCZ-2026-0001', amount: '50' } });

    // Named candidates that are not candidates are refused with their position.
    const named = await t.call('POST', `/api/v1/policies/${id}/grants/approve`, { cookie: officer, body: { grantIds: [list.items[3].id, list.items[1].id] } });
    expect(named.statusCode).toBe(409);
    expect(named.json().error.details[0].path).toBe('grantIds.1');

    const ledger = async (groupBy: string) => (await t.call('GET', `/api/v1/policy-payouts/ledger?groupBy=${groupBy}&from=2026-12-01&to=2026-12-31`, { cookie: leader })).json();
    expect(await ledger('policy')).toMatchObject({ count: 1, total: '50', groups: [{ key: id, label: '免申即享测试奖励', count: 1, total: '50' }] });
    expect((await ledger('month')).groups).toEqual([{ key: '2026-12', label: '2026-12', count: 1, total: '50' }]);
    expect((await ledger('department')).groups[0]).toMatchObject({ key: '湖州市经济和信息化局', total: '50' });
    const district = (await ledger('district')).groups[0];
    expect(district.key).toBe(expected[1].slice(2, 8));
    expect((await t.call('GET', '/api/v1/policy-payouts/ledger?groupBy=month&from=2027-01-01', { cookie: leader })).json()).toMatchObject({ count: 0, total: '0', groups: [] });
    const csv = await t.call('GET', '/api/v1/policy-payouts/ledger.csv?from=2026-12-01', { cookie: leader });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('兑付日期,政策,文号,发文部门,统一社会信用代码,企业名称,区县,金额（万元）,凭证号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`2026-12-01,免申即享测试奖励,湖测发〔2026〕9号,湖州市经济和信息化局,${expected[1]},`);
    expect(lines[1].endsWith(',50,HZCZ-2026-0001')).toBe(true);
  });

  it('computes formula amounts with the cap, and refuses policies that are not automatic or not in force', async () => {
    const id = await published({ title: '公式奖励', budget: null, benefit: { kind: 'subsidy', amount: { type: 'formula', figure: 'revenue', year: { absolute: 2025 }, ratePercent: '0.1', capWan: '30' } } });
    await t.call('POST', `/api/v1/policies/${id}/grants/candidates`, { cookie: officer, body: { asOf: TODAY } });
    const { items } = await grants(id);
    const revenues = await t.deps.db.selectFrom('enterprise_figures').innerJoin('enterprises', 'enterprises.id', 'enterprise_figures.enterprise_id').select(['enterprises.uscc', 'enterprise_figures.revenue_wan']).where('year', '=', 2025).where('enterprises.uscc', 'in', items.map((g) => g.uscc)).execute();
    for (const g of items) {
      const revenue = Number(revenues.find((r) => r.uscc === g.uscc)!.revenue_wan);
      // Whole-万元 revenues in the demo: 0.1 % is exact at 6 decimals.
      expect(Number(g.amount)).toBeCloseTo(Math.min(revenue / 1000, 30), 6);
    }
    expect(items.some((g) => g.amount === '30')).toBe(true);
    expect(items.some((g) => Number(g.amount) < 30)).toBe(true);
    const approval = (await t.call('POST', `/api/v1/policies/${id}/grants/approve`, { cookie: officer, body: {} })).json();
    expect(approval).toMatchObject({ approved: items.length, refused: [], remaining: null });

    const application = await published({ title: '申报类', mode: 'application' });
    const refused = await t.call('POST', `/api/v1/policies/${application}/grants/candidates`, { cookie: officer, body: { asOf: TODAY } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invalid_transition');
    const expired = await published({ title: '已过期', effectiveFrom: '2025-01-01', effectiveUntil: '2025-12-31' });
    expect((await t.call('POST', `/api/v1/policies/${expired}/grants/candidates`, { cookie: officer, body: { asOf: TODAY } })).statusCode).toBe(409);
  });

  it('is for policy officers and administrators; leaders read the ledger', async () => {
    const id = await published({ title: '权限测试' });
    expect((await t.call('POST', `/api/v1/policies/${id}/grants/candidates`, { cookie: dispatcher, body: {} })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/policies/${id}/grants/approve`, { cookie: leader, body: {} })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/policies/${id}/grants`, { cookie: dispatcher })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/policy-payouts/ledger', { cookie: dispatcher })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/policies/${id}/grants`, { cookie: leader })).statusCode).toBe(200);
  });
});
