// Route tests for policy applications: the pre-filled form, submission (refusals change nothing, idempotent retry), review deadline in working days across a holiday, attachments by content, approval → grant → payout in the ledger within the budget, reject, withdraw, who sees and does what.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { seedDemoApplications } from '../../../demo/seed-demo-applications.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { contentHash, contentOfRow } from '../policy-content.ts';

// 2026-12-01 (Tuesday) 10:00 in Shanghai.
const NOW = '2026-12-01T02:00:00Z';
const TODAY = '2026-12-01';
const clock = fixedClock(NOW);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinqing-applications-'));
let t: TestApp;
const cookies: Record<string, string> = {};

const condition = (id: string, zh: string, test: Record<string, unknown>) => ({ type: 'condition', id, label: { zh }, clause: '第三条', test });
const manufacturing = condition('manufacturing', '制造业', { attribute: 'industry', under: ['C'] });
const revenueAtLeast = (wan: string, year = 2025) => condition('revenue', `${year} 年营业收入 ≥ ${wan} 万元`, { attribute: 'figure', figure: 'revenue', year: { absolute: year }, compare: { op: 'gte', value: wan } });

const policyInput = (overrides: Record<string, unknown> = {}) => ({
  title: '申报测试奖励',
  documentNumber: '湖测发〔2026〕21号',
  issuingDepartment: '湖州市经济和信息化局',
  contactName: '测试员',
  contactPhone: '0572-1234567',
  effectiveFrom: '2026-01-01',
  effectiveUntil: '2027-12-31',
  summary: '制造业企业营业收入达标的，按营业收入 0.5% 奖励，最高 30 万元，经申报审核后兑现。',
  interpretation: [],
  clauses: [{ id: '第三条', text: '营业收入不低于 5000 万元。' }],
  benefit: { kind: 'subsidy', amount: { type: 'formula', figure: 'revenue', year: { absolute: 2025 }, ratePercent: '0.5', capWan: '30' } },
  mode: 'application',
  budget: '100',
  reviewWorkingDays: 5,
  rule: { type: 'all', items: [manufacturing, revenueAtLeast('5000')] },
  ...overrides,
});
const applicationBody = (overrides: Record<string, unknown> = {}) => ({ contactName: '沈丽华', contactPhone: '13857201234', statement: '申报材料真实有效。', confirmed: true, ...overrides });

async function publishedPolicy(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.call('POST', '/api/v1/policies', { cookie: cookies.policy, body: policyInput(overrides) });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json();
  const published = await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: cookies.policy });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}
const form = (policyId: string, as = 'enterprise') => t.call('GET', `/api/v1/policies/${policyId}/application-form`, { cookie: cookies[as] });
const apply = (policyId: string, as = 'enterprise', body: unknown = applicationBody(), headers: Record<string, string> = {}) =>
  t.call('POST', `/api/v1/policies/${policyId}/applications`, { cookie: cookies[as], body, headers });
async function applied(policyId: string, as = 'enterprise'): Promise<Record<string, any>> {
  const response = await apply(policyId, as);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const act = (id: string, action: string, as: string, body?: unknown) => t.call('POST', `/api/v1/policy-applications/${id}/${action}`, { cookie: cookies[as], body });
const get = (id: string, as: string) => t.call('GET', `/api/v1/policy-applications/${id}`, { cookie: cookies[as] });
const list = async (as: string, query = '') => {
  const response = await t.call('GET', `/api/v1/policy-applications?pageSize=200${query}`, { cookie: cookies[as] });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { total: number; items: Record<string, any>[] };
};
const count = async (table: 'policy_applications' | 'policy_decisions' | 'policy_grants' | 'policy_application_attachments' | 'notifications', policyId?: string) => {
  let query = t.deps.db.selectFrom(table as 'policy_applications').select((eb) => eb.fn.countAll<string>().as('n'));
  if (policyId) query = query.where('policy_id', '=', policyId);
  return Number((await query.executeTakeFirstOrThrow()).n);
};
const snapshot = async (policyId: string) => ({
  applications: await count('policy_applications', policyId),
  decisions: await count('policy_decisions', policyId),
  grants: await count('policy_grants', policyId),
  audit: Number((await t.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
});

type Part = { name: string; filename: string; type: string; data: Buffer };
function upload(as: string, id: string, part: Part) {
  const boundary = `----qinqing${crypto.randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`),
    part.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: `/api/v1/policy-applications/${id}/attachments`, payload, headers: { cookie: cookies[as]!, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const storedFiles = () => {
  const dir = path.join(dataDir, 'attachments');
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : [];
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { QINQING_DATA_DIR: dataDir } });
  for (const user of ['policy', 'admin', 'leader', 'dispatcher', 'enterprise', 'enterprise2']) cookies[user] = await t.login(user);
});

describe('the happy path', () => {
  it('pre-fills the form, submits once per key, attaches, approves into a grant whose payout reaches the ledger', async () => {
    const policyId = await publishedPolicy();
    const shown = await form(policyId);
    expect(shown.statusCode, shown.body).toBe(200);
    const formView = shown.json();
    expect(formView).toMatchObject({
      policy: { id: policyId, title: '申报测试奖励', docNumber: '湖测发〔2026〕21号', version: 1, reviewWorkingDays: 5, contactPerson: '测试员', effectiveUntil: '2027-12-31' },
      enterprise: { name: '湖州织里童装示范有限公司（演示）', divisionCode: '330502100', industryCode: '1819', legalRepresentative: '沈建国' },
      eligibility: { eligible: true },
      // 0.5 % of 6150.5 万元 is 30.7525, capped at 30.
      estimatedAmount: '30',
      canApply: true,
      refusal: null,
      existingApplicationId: null,
    });
    expect(formView.enterprise.figures[0]).toEqual({ year: 2025, revenue: '6150.5', headcount: 92, assets: '3400', taxPaid: '205.3' });
    expect(formView.eligibility.conditions.map((c: { id: string; met: boolean }) => [c.id, c.met])).toEqual([['manufacturing', true], ['revenue', true]]);

    const key = { 'idempotency-key': `apply-${crypto.randomUUID()}` };
    const first = await apply(policyId, 'enterprise', applicationBody(), key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await apply(policyId, 'enterprise', applicationBody(), key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await count('policy_applications', policyId)).toBe(1);
    const application = first.json();
    expect(application).toMatchObject({
      number: expect.stringMatching(/^SB2026-\d{6}$/),
      policyId, policyTitle: '申报测试奖励', version: 1, status: 'submitted', submittedAt: new Date(NOW).toISOString(),
      // Five working days after Tuesday 1 December: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 — to the end of that day in Shanghai.
      reviewDueAt: '2026-12-08T15:59:59.999Z', reviewWorkingDays: 5, overdue: false,
      decidedAt: null, decidedBy: null, amount: null, grantId: null,
      eligibility: { eligible: true },
      form: { contactName: '沈丽华', contactPhone: '13857201234', statement: '申报材料真实有效。', enterprise: { uscc: formView.enterprise.uscc, name: formView.enterprise.name } },
      attachments: [],
      abilities: ['withdraw', 'attach'],
    });
    const decisions = await t.deps.db.selectFrom('policy_decisions').selectAll().where('policy_id', '=', policyId).where('kind', '=', 'eligibility_check').execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ version: 1, as_of: TODAY, verdict: 'eligible', content_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(decisions[0].conditions).toEqual([expect.objectContaining({ id: 'manufacturing', result: true, actual: '1819' }), expect.objectContaining({ id: 'revenue', result: true })]);

    // The form now says why it cannot be filled again.
    expect((await form(policyId)).json()).toMatchObject({ canApply: false, refusal: { reason: 'already_applied' }, existingApplicationId: application.id });

    const attached = await upload('enterprise', application.id, { name: 'file', filename: '财务报表.pdf', type: 'application/octet-stream', data: PDF });
    expect(attached.statusCode, attached.body).toBe(201);
    const attachment = attached.json();
    expect(attachment).toMatchObject({ fileName: '财务报表.pdf', contentType: 'application/pdf', size: PDF.length });
    const download = await t.call('GET', `/api/v1/policy-applications/${application.id}/attachments/${attachment.id}`, { cookie: cookies.policy });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(PDF);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect((await t.call('GET', `/api/v1/policy-applications/${application.id}/attachments/${attachment.id}`, { cookie: cookies.enterprise2 })).statusCode).toBe(404);

    const queued = (await get(application.id, 'policy')).json();
    expect(queued).toMatchObject({ attachments: [attachment], abilities: ['approve', 'reject'], form: { contactPhone: '13857201234' } });
    // The registry's phone in the snapshot is masked for a policy officer, as in the registry; the applicant sees it whole.
    expect(queued.form.enterprise.contactPhone).not.toBe(formView.enterprise.contactPhone);
    expect((await get(application.id, 'enterprise')).json().form.enterprise.contactPhone).toBe(formView.enterprise.contactPhone);

    const approved = await act(application.id, 'approve', 'policy', { note: '材料齐全' });
    expect(approved.statusCode, approved.body).toBe(200);
    const decided = approved.json();
    expect(decided).toMatchObject({ status: 'approved', amount: '30', decisionNote: '材料齐全', decidedAt: new Date(NOW).toISOString(), decidedBy: { name: expect.any(String) }, abilities: [], overdue: false });
    expect(decided.grantId).toEqual(expect.any(String));
    expect(await t.deps.db.selectFrom('policy_decisions').select(['as_of', 'verdict']).where('policy_id', '=', policyId).where('kind', '=', 'eligibility_check').execute()).toEqual([
      { as_of: TODAY, verdict: 'eligible' },
      { as_of: TODAY, verdict: 'eligible' },
    ]);

    const grants = (await t.call('GET', `/api/v1/policies/${policyId}/grants`, { cookie: cookies.policy })).json();
    expect(grants).toMatchObject({ total: 1, budget: '100', committed: '30', remaining: '70', items: [{ id: decided.grantId, status: 'approved', amount: '30', uscc: formView.enterprise.uscc }] });
    const grantRow = await t.deps.db.selectFrom('policy_grants').select(['application_id']).where('id', '=', decided.grantId).executeTakeFirstOrThrow();
    expect(grantRow.application_id).toBe(application.id);

    const notices = await t.deps.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.kind', 'notifications.entity_id'])
      .where('notifications.entity_id', '=', application.id)
      .execute();
    expect(notices).toEqual([{ username: 'enterprise', kind: 'policy.application.approved', entity_id: application.id }]);

    const paid = await t.call('POST', `/api/v1/policies/${policyId}/grants/${decided.grantId}/payout`, { cookie: cookies.policy, body: { paidOn: TODAY, reference: 'HZCZ-SB-0001' } });
    expect(paid.statusCode, paid.body).toBe(200);
    const ledger = (await t.call('GET', `/api/v1/policy-payouts/ledger?groupBy=policy&from=${TODAY}&to=${TODAY}`, { cookie: cookies.leader })).json();
    expect(ledger.groups).toContainEqual({ key: policyId, label: '申报测试奖励', count: 1, total: '30' });

    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', application.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['policy.application.submit', 'policy.application.attachment.add', 'policy.application.approve']);

    // Nothing more can happen to a decided application.
    for (const [action, as, body] of [['approve', 'policy', {}], ['reject', 'policy', { reason: '重复' }], ['withdraw', 'enterprise', undefined]] as const) {
      const refused = await act(application.id, action, as, body);
      expect(refused.statusCode, `${action}: ${refused.body}`).toBe(409);
      expect(refused.json().error.code).toBe('invalid_transition');
    }
    const late = await upload('enterprise', application.id, { name: 'file', filename: 'a.png', type: 'image/png', data: PNG });
    expect(late.statusCode).toBe(409);
  });
});

describe('reject and withdraw', () => {
  it('rejects with a reason, tells the enterprise, and lets it apply again', async () => {
    const policyId = await publishedPolicy({ title: '驳回测试' });
    const application = await applied(policyId, 'enterprise2');
    const blank = await act(application.id, 'reject', 'policy', { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].path).toBe('reason');
    const rejected = await act(application.id, 'reject', 'admin', { reason: '财务报表未盖章' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '财务报表未盖章', amount: null, grantId: null });
    const notice = await t.deps.db.selectFrom('notifications').select(['kind', 'data']).where('entity_id', '=', application.id).executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ kind: 'policy.application.rejected', data: { reason: '财务报表未盖章' } });
    expect(await count('policy_grants', policyId)).toBe(0);
    const second = await applied(policyId, 'enterprise2');
    expect(second.id).not.toBe(application.id);
  });

  it('lets the applicant withdraw while under review, and nobody else', async () => {
    const policyId = await publishedPolicy({ title: '撤回测试' });
    const application = await applied(policyId);
    expect((await act(application.id, 'withdraw', 'enterprise2')).statusCode).toBe(404);
    expect((await act(application.id, 'withdraw', 'policy')).statusCode).toBe(403);
    const withdrawn = await act(application.id, 'withdraw', 'enterprise');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', abilities: [], overdue: false });
    const approve = await act(application.id, 'approve', 'policy', {});
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('invalid_transition');
    expect((await act(application.id, 'withdraw', 'enterprise')).json().error.code).toBe('invalid_transition');
  });
});

describe('refusals change nothing', () => {
  it('refuses an expired policy, one not yet in force and one not in application mode with 409 at path policy', async () => {
    const expired = await publishedPolicy({ title: '已过期', effectiveFrom: '2025-01-01', effectiveUntil: '2026-11-30' });
    const future = await publishedPolicy({ title: '未生效', effectiveFrom: '2027-01-01', effectiveUntil: null });
    const automatic = await publishedPolicy({ title: '免申即享', mode: 'automatic' });
    for (const [policyId, reason] of [[expired, 'policy_expired'], [future, 'not_in_force'], [automatic, 'not_application_mode']] as const) {
      expect((await form(policyId)).json()).toMatchObject({ canApply: false, refusal: { reason } });
      const before = await snapshot(policyId);
      const response = await apply(policyId);
      expect(response.statusCode, reason).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'policy' }] });
      expect(await snapshot(policyId)).toEqual(before);
    }
  });

  it('refuses an ineligible enterprise with the failing conditions, and accepts one whose data is missing', async () => {
    const policyId = await publishedPolicy({ title: '门槛 1 亿', rule: { type: 'all', items: [manufacturing, revenueAtLeast('10000')] } });
    expect((await form(policyId)).json()).toMatchObject({ canApply: false, refusal: { reason: 'not_eligible' }, eligibility: { eligible: false } });
    const before = await snapshot(policyId);
    const refused = await apply(policyId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'eligibility.conditions.revenue', message: '2025 年营业收入 ≥ 10000 万元' }] });
    expect(await snapshot(policyId)).toEqual(before);
    await applied(policyId, 'enterprise2');

    const unknown = await publishedPolicy({ title: '待补充数据', rule: { type: 'all', items: [manufacturing, revenueAtLeast('1', 2019)] } });
    const pending = await applied(unknown);
    expect(pending.eligibility.eligible).toBe('unknown');
    const decision = await t.deps.db.selectFrom('policy_decisions').select('verdict').where('policy_id', '=', unknown).executeTakeFirstOrThrow();
    expect(decision.verdict).toBe('unknown');
  });

  it('refuses a second application under review or approved', async () => {
    const policyId = await publishedPolicy({ title: '重复申报' });
    await applied(policyId);
    const before = await snapshot(policyId);
    const duplicate = await apply(policyId);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('conflict');
    expect(await snapshot(policyId)).toEqual(before);
  });

  it('answers bad bodies with 400 and the field path', async () => {
    const policyId = await publishedPolicy({ title: '表单校验' });
    const cases: [Record<string, unknown>, string][] = [
      [applicationBody({ confirmed: false }), 'confirmed'],
      [applicationBody({ confirmed: 'true' }), 'confirmed'],
      [{ contactName: '沈丽华', contactPhone: '13857201234' }, 'confirmed'],
      [applicationBody({ contactName: '' }), 'contactName'],
      [applicationBody({ contactName: '名'.repeat(51) }), 'contactName'],
      [applicationBody({ contactPhone: 'call me' }), 'contactPhone'],
      [applicationBody({ contactPhone: '123' }), 'contactPhone'],
      [applicationBody({ statement: '字'.repeat(2001) }), 'statement'],
    ];
    const before = await snapshot(policyId);
    for (const [body, field] of cases) {
      const response = await apply(policyId, 'enterprise', body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect(await snapshot(policyId)).toEqual(before);
    const application = await applied(policyId);
    for (const [body, field] of [[{ amount: 'abc' }, 'amount'], [{ amount: '0' }, 'amount'], [{ amount: '31' }, 'amount'], [{ note: '长'.repeat(501) }, 'note']] as const) {
      const response = await act(application.id, 'approve', 'policy', body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.details[0].path).toBe(field);
    }
    expect((await get(application.id, 'policy')).json().status).toBe('submitted');
  });
});

describe('the budget', () => {
  it('refuses an approval beyond approved + paid amounts with nothing changed, and takes a smaller amount', async () => {
    const policyId = await publishedPolicy({ title: '预算测试', budget: '40', benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '30' } } });
    const first = await applied(policyId, 'enterprise');
    const second = await applied(policyId, 'enterprise2');
    expect((await act(first.id, 'approve', 'policy', {})).json()).toMatchObject({ status: 'approved', amount: '30' });
    const before = { ...(await snapshot(policyId)), notifications: await count('notifications') };
    const refused = await act(second.id, 'approve', 'policy', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'amount' }] });
    expect(refused.json().error.message).toContain('超出预算');
    expect({ ...(await snapshot(policyId)), notifications: await count('notifications') }).toEqual(before);
    expect((await get(second.id, 'policy')).json()).toMatchObject({ status: 'submitted', grantId: null });
    const smaller = await act(second.id, 'approve', 'policy', { amount: '10' });
    expect(smaller.statusCode, smaller.body).toBe(200);
    expect(smaller.json().amount).toBe('10');
  });
});

describe('who sees and does what', () => {
  it('keeps enterprises to their own applications and decisions to reviewers', async () => {
    const policyId = await publishedPolicy({ title: '权限测试' });
    const mine = await applied(policyId, 'enterprise');
    const theirs = await applied(policyId, 'enterprise2');
    expect((await get(theirs.id, 'enterprise')).statusCode).toBe(404);
    expect((await get(mine.id, 'enterprise')).statusCode).toBe(200);
    const own = await list('enterprise');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((a) => a.enterprise.uscc === mine.enterprise.uscc)).toBe(true);
    expect(own.total).toBe(own.items.length);
    // Newest first for an enterprise.
    const submitted = own.items.map((a) => a.submittedAt);
    expect(submitted).toEqual([...submitted].sort().reverse());

    expect((await t.call('GET', '/api/v1/policy-applications', { cookie: cookies.dispatcher })).statusCode).toBe(403);
    expect((await get(mine.id, 'dispatcher')).statusCode).toBe(403);
    expect((await form(policyId, 'policy')).statusCode).toBe(403);
    expect((await apply(policyId, 'policy')).statusCode).toBe(403);
    const leaderView = (await get(mine.id, 'leader')).json();
    expect(leaderView.abilities).toEqual([]);
    expect((await act(mine.id, 'approve', 'leader', {})).statusCode).toBe(403);
    expect((await act(mine.id, 'approve', 'enterprise', {})).statusCode).toBe(403);
    expect((await act(theirs.id, 'reject', 'enterprise', { reason: 'x' })).statusCode).toBe(403);
    expect((await upload('enterprise2', mine.id, { name: 'file', filename: 'a.png', type: 'image/png', data: PNG })).statusCode).toBe(404);
    expect((await upload('policy', mine.id, { name: 'file', filename: 'a.png', type: 'image/png', data: PNG })).statusCode).toBe(403);

    const queue = await list('policy', `&policyId=${policyId}&status=submitted`);
    expect(queue.items.map((a) => a.id).sort()).toEqual([mine.id, theirs.id].sort());
    const all = await list('leader');
    const due = all.items.map((a) => a.reviewDueAt);
    expect(due).toEqual([...due].sort());
  });

  it('marks and filters overdue applications', async () => {
    const policyId = await publishedPolicy({ title: '超期测试', reviewWorkingDays: 1 });
    const application = await applied(policyId);
    expect((await list('policy', `&policyId=${policyId}&overdue=true`)).total).toBe(0);
    // Two days later the one working day (Wednesday 2 December) has passed; sessions idle that long are gone, so sign in again.
    const signedIn = { ...cookies };
    clock.set('2026-12-03T02:00:00Z');
    try {
      for (const user of ['policy', 'enterprise']) cookies[user] = await t.login(user);
      expect((await get(application.id, 'policy')).json().overdue).toBe(true);
      expect((await list('policy', `&policyId=${policyId}&overdue=true`)).items.map((a) => a.id)).toEqual([application.id]);
      await act(application.id, 'reject', 'policy', { reason: '逾期测试' });
      clock.set('2026-12-30T02:00:00Z');
      for (const user of ['policy', 'enterprise']) cookies[user] = await t.login(user);
      // Decided after the due time: overdue stays true, frozen at the decision.
      expect((await get(application.id, 'enterprise')).json()).toMatchObject({ status: 'rejected', overdue: true });
      expect((await list('policy', `&policyId=${policyId}&overdue=false`)).total).toBe(0);
    } finally {
      clock.set(NOW);
      Object.assign(cookies, signedIn);
    }
  });
});

describe('the review deadline', () => {
  it('counts working days of the official calendar: submitted on 30 September 2026, ten working days end on 20 October', async () => {
    clock.set('2026-09-30T02:00:00Z');
    try {
      const policyId = await publishedPolicy({ title: '国庆前申报', reviewWorkingDays: null });
      const application = await applied(policyId);
      // 1–7 October are holidays and Saturday 10 October is a working day: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20.
      // (Monday to Friday alone would give 14 October.)
      expect(application).toMatchObject({ reviewWorkingDays: 10, reviewDueAt: '2026-10-20T15:59:59.999Z', submittedAt: '2026-09-30T02:00:00.000Z' });
    } finally {
      clock.set(NOW);
    }
  });
});

describe('attachments', () => {
  it('accepts PNG, JPEG, WebP and PDF by content; refuses other content (GIF too) with 415 and keeps nothing', async () => {
    const policyId = await publishedPolicy({ title: '附件测试' });
    const application = await applied(policyId);
    const png = await upload('enterprise', application.id, { name: 'file', filename: '营业执照', type: 'application/octet-stream', data: PNG });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', fileName: '营业执照.png' });
    const before = { rows: await count('policy_application_attachments'), files: storedFiles() };
    for (const [data, filename] of [[EXE, '报表.pdf'], [GIF, '照片.gif']] as const) {
      const refused = await upload('enterprise', application.id, { name: 'file', filename, type: 'application/pdf', data });
      expect(refused.statusCode, filename).toBe(415);
      expect(refused.json().error).toMatchObject({ code: 'unsupported_media_type', details: [{ path: 'file' }] });
    }
    expect({ rows: await count('policy_application_attachments'), files: storedFiles() }).toEqual(before);
    expect((await get(application.id, 'enterprise')).json().attachments).toHaveLength(1);
  });
});

describe('policy content and demo data', () => {
  it('takes reviewWorkingDays 1..60 in the policy, shows it, and keeps the stored hashes of the demo policies', async () => {
    const tooMany = await t.call('POST', '/api/v1/policies', { cookie: cookies.policy, body: policyInput({ reviewWorkingDays: 61 }) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].path).toBe('reviewWorkingDays');
    const id = await publishedPolicy({ title: '审核时限', reviewWorkingDays: 20 });
    expect((await t.call('GET', `/api/v1/policies/${id}`, { cookie: cookies.enterprise })).json().reviewWorkingDays).toBe(20);
    const cleared = await t.call('PATCH', `/api/v1/policies/${id}`, { cookie: cookies.policy, body: { reviewWorkingDays: null } });
    expect(cleared.json()).toMatchObject({ reviewWorkingDays: null, draftDiffers: true });

    const demo = await t.deps.db.selectFrom('policies').innerJoin('policy_versions', (j) => j.onRef('policy_versions.policy_id', '=', 'policies.id').onRef('policy_versions.version', '=', 'policies.current_version')).selectAll('policies').select('policy_versions.content_hash').where('policies.created_by', 'is not', null).where('policies.document_number', 'not like', '湖测发%').execute();
    expect(demo.length).toBeGreaterThanOrEqual(4);
    for (const row of demo) expect(contentHash(contentOfRow(row))).toBe(row.content_hash);
  });

  it('seeds one submitted demo application from enterprise2, so the reviewers\' queue is not empty', async () => {
    expect(await seedDemoApplications({ db: t.deps.db, clock, log: silentLogger })).toBe(1);
    const queue = await list('policy', '&status=submitted');
    const demo = queue.items.find((a) => a.policyTitle === '南浔区规上工业企业智能化技术改造补助（申报）');
    // 2 % of the 2025 tax of 940.25 万元.
    expect(demo).toMatchObject({ enterprise: { name: '湖州南浔木业示范有限公司（演示）' }, reviewWorkingDays: 15, eligibility: { eligible: true }, abilities: ['approve', 'reject'] });
    expect((await act(demo!.id, 'approve', 'policy', {})).json().amount).toBe('18.805');
  });
});
