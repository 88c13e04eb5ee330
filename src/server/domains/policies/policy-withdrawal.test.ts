// Withdrawing a policy (废止): only a published one, with a reason, by those who publish; as of the day before it was still in force, from that day on it is not; open candidates are excluded and no new grant is made.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';

const clock = fixedClock('2026-11-30T02:00:00Z');
let t: TestApp;
let officer: string;
let dispatcher: string;

const input = {
  title: '废止测试奖励',
  documentNumber: '湖测发〔2026〕21号',
  issuingDepartment: '湖州市经济和信息化局',
  contactName: '测试员',
  contactPhone: '0572-1234567',
  effectiveFrom: '2026-01-01',
  summary: '测试。',
  interpretation: [],
  clauses: [{ id: '第二条', text: '制造业企业。' }],
  benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '5' } },
  mode: 'automatic',
  budget: null,
  rule: { type: 'all', items: [{ type: 'condition', id: 'manufacturing', label: { zh: '制造业' }, clause: '第二条', test: { attribute: 'industry', under: ['C'] } }] },
};

async function matchesTotal(id: string, asOf: string): Promise<number> {
  const response = await t.call('GET', `/api/v1/policies/${id}/matches?asOf=${asOf}&pageSize=1`, { cookie: officer });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().total;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  officer = await t.login('policy');
  dispatcher = await t.login('dispatcher');
});

describe('withdrawing a policy', () => {
  it('stops it being in force from the day of withdrawal, keeps the days before, and excludes open candidates', async () => {
    const { id } = (await t.call('POST', '/api/v1/policies', { cookie: officer, body: input })).json();
    const draftWithdraw = await t.call('POST', `/api/v1/policies/${id}/withdraw`, { cookie: officer, body: { reason: '不再执行' } });
    expect(draftWithdraw.statusCode).toBe(409);
    expect(draftWithdraw.json().error.code).toBe('invalid_transition');

    expect((await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer })).statusCode).toBe(200);
    const created = await t.call('POST', `/api/v1/policies/${id}/grants/candidates`, { cookie: officer, body: { asOf: '2026-11-30' } });
    expect(created.statusCode, created.body).toBe(200);
    const candidates = created.json().created as number;
    expect(candidates).toBeGreaterThan(0);
    const eligibleOnThe30th = await matchesTotal(id, '2026-11-30');
    expect(eligibleOnThe30th).toBeGreaterThan(0);
    const view = (await t.call('GET', `/api/v1/policies/${id}`, { cookie: officer })).json();
    expect(view.abilities).toContain('policy.withdraw');
    expect(view.withdrawal).toBeNull();

    // Bad input and the wrong caller change nothing.
    const noReason = await t.call('POST', `/api/v1/policies/${id}/withdraw`, { cookie: officer, body: { reason: '  ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    expect((await t.call('POST', `/api/v1/policies/${id}/withdraw`, { cookie: dispatcher, body: { reason: '不再执行' } })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/policies/${id}`, { cookie: officer })).json().status).toBe('published');

    clock.set('2026-12-02T03:00:00Z');
    officer = await t.login('policy'); // the earlier session has idled out over two days
    const withdrawn = await t.call('POST', `/api/v1/policies/${id}/withdraw`, { cookie: officer, body: { reason: '上位政策调整，本政策停止执行' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawal: { at: '2026-12-02T03:00:00.000Z', reason: '上位政策调整，本政策停止执行' }, abilities: [] });

    // As of a date: in force up to the day before the withdrawal, not on the day itself or after.
    expect(await matchesTotal(id, '2026-11-30')).toBe(eligibleOnThe30th);
    expect(await matchesTotal(id, '2026-12-01')).toBe(eligibleOnThe30th);
    expect(await matchesTotal(id, '2026-12-02')).toBe(0);
    const { uscc } = await t.deps.db.selectFrom('enterprises').select('uscc').where('industry_code', 'like', '1%').where('status', '=', 'active').executeTakeFirstOrThrow();
    const policiesOn = async (asOf: string) => ((await t.call('GET', `/api/v1/enterprises/${uscc}/policies?asOf=${asOf}`, { cookie: officer })).json().items as { policyId: string }[]).map((i) => i.policyId);
    expect(await policiesOn('2026-12-01')).toContain(id);
    expect(await policiesOn('2026-12-02')).not.toContain(id);

    // Open candidates are excluded with the reason; no new candidate, no approval.
    const grants = (await t.call('GET', `/api/v1/policies/${id}/grants?pageSize=200`, { cookie: officer })).json();
    expect(grants.items.every((g: { status: string; excludeReason: string }) => g.status === 'excluded' && g.excludeReason.includes('上位政策调整'))).toBe(true);
    expect(grants.items).toHaveLength(candidates);
    const again = await t.call('POST', `/api/v1/policies/${id}/grants/candidates`, { cookie: officer, body: { asOf: '2026-11-30' } });
    expect(again.statusCode).toBe(409);
    expect((await t.call('POST', `/api/v1/policies/${id}/grants/approve`, { cookie: officer, body: {} })).statusCode).toBe(409);

    // Final: neither withdrawn again, nor edited, nor republished.
    expect((await t.call('POST', `/api/v1/policies/${id}/withdraw`, { cookie: officer, body: { reason: '再次' } })).statusCode).toBe(409);
    expect((await t.call('PATCH', `/api/v1/policies/${id}`, { cookie: officer, body: { title: '改' } })).statusCode).toBe(409);
    expect((await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer })).statusCode).toBe(409);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).where('action', '=', 'policy.withdraw').execute();
    expect(audit).toHaveLength(1);
  });
});
