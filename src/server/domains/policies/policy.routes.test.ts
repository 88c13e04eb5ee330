// Route tests for policies: drafts and their faults with paths, publish (content hash, immutable versions, once-only notices), gains/losses preview, matches cross-checked in SQL, an enterprise's 政策匹配 and who may see what.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { canonicalJson, sha256 } from '../../platform/crypto.ts';
import type { Rule } from '../../../shared/rules/rule-language.ts';
import { eligibilityQuery } from './engine/sql.ts';

// 2026-12-01 10:00 in Shanghai: the previous year is 2025, which the demo registry has figures for.
const clock = fixedClock('2026-12-01T02:00:00Z');
const TODAY = '2026-12-01';
let t: TestApp;
let officer: string;
let dispatcher: string;
let enterprise: string;
let enterprise2: string;
let usccOf: Record<'enterprise' | 'enterprise2', string>;

const condition = (id: string, zh: string, test: Record<string, unknown>) => ({ type: 'condition', id, label: { zh }, clause: '第三条', test });
const revenueAtLeast = (wan: string) => condition('revenue', `2025 年营业收入 ≥ ${wan} 万元`, { attribute: 'figure', figure: 'revenue', year: { absolute: 2025 }, compare: { op: 'gte', value: wan } });
const manufacturing = condition('manufacturing', '制造业', { attribute: 'industry', under: ['C'] });
const ruleOf = (...items: unknown[]) => ({ type: 'all', items });

const input = (overrides: Record<string, unknown> = {}) => ({
  title: '测试制造业营收奖励',
  documentNumber: '湖测发〔2026〕1号',
  issuingDepartment: '湖州市经济和信息化局',
  contactName: '测试员',
  contactPhone: '0572-1234567',
  effectiveFrom: '2026-01-01',
  effectiveUntil: '2027-12-31',
  summary: '制造业企业 2025 年营业收入达标的给予奖励。',
  interpretation: [{ heading: '谁可以享受', body: '制造业企业。' }],
  clauses: [{ id: '第三条', text: '营业收入不低于门槛。' }],
  benefit: { kind: 'subsidy', amount: { type: 'formula', figure: 'revenue', year: { absolute: 2025 }, ratePercent: '0.50', capWan: 30 } },
  mode: 'application',
  budget: '100.0',
  rule: ruleOf(manufacturing, revenueAtLeast('5000')),
  ...overrides,
});

/** Ids of active enterprises the rule holds for, computed in PostgreSQL (the engine's cross-check). */
async function eligibleInSql(rule: unknown, asOf = TODAY): Promise<string[]> {
  const { rows } = await sql.raw<{ id: string }>(`SELECT q.id FROM (${eligibilityQuery(rule as Rule, asOf)}) q JOIN enterprises x ON x.id = q.id WHERE q.verdict AND x.status = 'active'`).execute(t.deps.db);
  return rows.map((r) => r.id);
}
async function usccsOf(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await t.deps.db.selectFrom('enterprises').select('uscc').where('id', 'in', ids).orderBy('uscc').execute()).map((r) => r.uscc);
}
const policyCount = async () => Number((await t.deps.db.selectFrom('policies').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

async function create(body: unknown = input()): Promise<{ id: string }> {
  const response = await t.call('POST', '/api/v1/policies', { cookie: officer, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
async function publish(id: string) {
  const response = await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { version: number; contentHash: string; publishedAt: string; notified: number };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  officer = await t.login('policy');
  dispatcher = await t.login('dispatcher');
  enterprise = await t.login('enterprise');
  enterprise2 = await t.login('enterprise2');
  const users = await t.deps.db
    .selectFrom('users')
    .innerJoin('enterprises', 'enterprises.id', 'users.enterprise_id')
    .select(['users.username', 'enterprises.uscc'])
    .where('users.username', 'in', ['enterprise', 'enterprise2'])
    .execute();
  usccOf = Object.fromEntries(users.map((u) => [u.username, u.uscc])) as typeof usccOf;
});

describe('drafts', () => {
  it('creates a draft with canonical amounts, and answers with the caller\'s abilities', async () => {
    const response = await t.call('POST', '/api/v1/policies', { cookie: officer, body: input() });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'draft',
      currentVersion: null,
      currentHash: null,
      draftDiffers: true,
      budget: '100',
      benefit: { kind: 'subsidy', amount: { type: 'formula', ratePercent: '0.5', capWan: '30' } },
      abilities: ['policy.edit', 'policy.publish'],
    });
  });

  it('refuses rule faults with every path, and bad fields by name, storing nothing', async () => {
    const before = await policyCount();
    const bad = ruleOf(
      manufacturing,
      condition('profit', '利润', { attribute: 'profit', compare: { op: 'gte', value: '1' } }),
      { type: 'any', items: [] },
      condition('founded', '成立日期', { attribute: 'founded', op: 'before', date: 2020 }),
    );
    const response = await t.call('POST', '/api/v1/policies', { cookie: officer, body: input({ rule: bad }) });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation_failed');
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('rule.items.1.test.attribute');
    expect(paths.some((p: string) => p.startsWith('rule.items.2'))).toBe(true);
    expect(paths.some((p: string) => p.startsWith('rule.items.3.test'))).toBe(true);

    const unknownDivision = await t.call('POST', '/api/v1/policies', { cookie: officer, body: input({ rule: ruleOf(condition('d', '区划', { attribute: 'division', within: ['339999'] })) }) });
    expect(unknownDivision.statusCode).toBe(400);
    expect(unknownDivision.json().error.details[0].path).toBe('rule.items.0.test.within.0');

    const emptyTitle = await t.call('POST', '/api/v1/policies', { cookie: officer, body: input({ title: ' ', mode: 'lottery' }) });
    expect(emptyTitle.statusCode).toBe(400);
    expect(emptyTitle.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['mode', 'title']);

    const backwards = await t.call('POST', '/api/v1/policies', { cookie: officer, body: input({ effectiveUntil: '2025-12-31' }) });
    expect(backwards.json().error.details[0].path).toBe('effectiveUntil');
    expect(await policyCount()).toBe(before);
  });

  it('lets only policy officers and administrators write; readers never see drafts', async () => {
    expect((await t.call('POST', '/api/v1/policies', { cookie: dispatcher, body: input() })).statusCode).toBe(403);
    expect((await t.call('POST', '/api/v1/policies', { cookie: enterprise, body: input() })).statusCode).toBe(403);
    const { id } = await create();
    expect((await t.call('GET', `/api/v1/policies/${id}`, { cookie: dispatcher })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/policies/${id}`, { cookie: enterprise })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/v1/policies/${id}`, { cookie: dispatcher, body: { title: '改' } })).statusCode).toBe(403);
    const listed = (await t.call('GET', '/api/v1/policies?status=draft&pageSize=200', { cookie: dispatcher })).json();
    expect(listed.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const mine = (await t.call('GET', `/api/v1/policies?status=draft&q=${encodeURIComponent('测试制造业')}&pageSize=200`, { cookie: officer })).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(id);
  });
});

describe('rule check', () => {
  it('counts what PostgreSQL counts, and refuses faults at their path', async () => {
    const rule = ruleOf(manufacturing, revenueAtLeast('3000'));
    const response = await t.call('POST', '/api/v1/policies/rule-check', { cookie: officer, body: { rule, asOf: TODAY } });
    expect(response.statusCode, response.body).toBe(200);
    const expected = await eligibleInSql(rule);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.json()).toMatchObject({ valid: true, eligible: expected.length });
    const bad = await t.call('POST', '/api/v1/policies/rule-check', { cookie: officer, body: { rule: ruleOf({ type: 'any', items: [] }) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^rule\.items\.0/);
    expect((await t.call('POST', '/api/v1/policies/rule-check', { cookie: enterprise, body: { rule } })).statusCode).toBe(403);
  });
});

describe('publishing', () => {
  it('makes version 1 with the hash of its canonical content, tells eligible enterprises once, refuses an unchanged copy', async () => {
    const { id } = await create(input({ title: '发布测试政策', rule: ruleOf(manufacturing, revenueAtLeast('10000')) }));
    const preview = (await t.call('GET', `/api/v1/policies/${id}/publish-preview?asOf=${TODAY}`, { cookie: officer })).json();
    const expected = await usccsOf(await eligibleInSql(ruleOf(manufacturing, revenueAtLeast('10000'))));
    expect(preview.eligibleBefore).toBe(0);
    expect(preview.eligibleAfter).toBe(expected.length);
    expect(preview.gained.items.map((e: { uscc: string }) => e.uscc)).toEqual(expected);
    expect(preview.lost.total).toBe(0);

    const result = await publish(id);
    expect(result.version).toBe(1);
    expect(result.notified).toBe(expected.length);
    const stored = await t.deps.db.selectFrom('policy_versions').selectAll().where('policy_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.content_hash).toBe(result.contentHash);
    expect(sha256(canonicalJson(stored.content))).toBe(result.contentHash);
    expect(stored.content).toMatchObject({ title: '发布测试政策', budget: '100', rule: ruleOf(manufacturing, revenueAtLeast('10000')) });

    // 南浔木业 (2025 revenue 23800 万元, manufacturing) is told in-app; 织里童装 (6150.5 万元) is not, yet.
    const told = async () => (await t.deps.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('users.username').where('notifications.entity_id', '=', id).where('kind', '=', 'policy.eligible').execute()).map((r) => r.username).sort();
    expect(await told()).toEqual(['enterprise2']);
    const decisions = await t.deps.db.selectFrom('policy_decisions').selectAll().where('policy_id', '=', id).execute();
    expect(decisions).toHaveLength(expected.length);
    expect(decisions[0]).toMatchObject({ version: 1, content_hash: result.contentHash, kind: 'publish_notice', as_of: TODAY, verdict: 'eligible' });
    expect(decisions[0].conditions).toEqual([expect.objectContaining({ id: 'manufacturing', result: true }), expect.objectContaining({ id: 'revenue', result: true })]);

    const again = await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_transition');

    // Version 2 with a lower threshold: the preview names who gains; those told already are not told again.
    const patched = await t.call('PATCH', `/api/v1/policies/${id}`, { cookie: officer, body: { rule: ruleOf(manufacturing, revenueAtLeast('5000')) } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'published', currentVersion: 1, currentHash: result.contentHash, draftDiffers: true });
    const after = await usccsOf(await eligibleInSql(ruleOf(manufacturing, revenueAtLeast('5000'))));
    const second = (await t.call('GET', `/api/v1/policies/${id}/publish-preview?asOf=${TODAY}`, { cookie: officer })).json();
    expect(second.gained.items.map((e: { uscc: string }) => e.uscc)).toEqual(after.filter((u) => !expected.includes(u)));
    expect(second.gained.total).toBeGreaterThan(0);
    expect(second).toMatchObject({ lost: { total: 0 }, eligibleBefore: expected.length, eligibleAfter: after.length });
    // Readers still see version 1 while version 2 is a draft.
    expect((await t.call('GET', `/api/v1/policies/${id}`, { cookie: enterprise })).json().rule).toEqual(ruleOf(manufacturing, revenueAtLeast('10000')));
    const v2 = await publish(id);
    expect(v2.version).toBe(2);
    expect(v2.contentHash).not.toBe(result.contentHash);
    expect(v2.notified).toBe(after.length - expected.length);
    expect(await told()).toEqual(['enterprise', 'enterprise2']);
    const versions = (await t.call('GET', `/api/v1/policies/${id}/versions`, { cookie: dispatcher })).json().items;
    expect(versions.map((v: { version: number; contentHash: string }) => [v.version, v.contentHash])).toEqual([[2, v2.contentHash], [1, result.contentHash]]);
    expect(versions[0].publishedBy.displayName).toBe('发改委·政策专员');
  });

  it('keeps versions immutable in the database', async () => {
    const { id } = await create(input({ title: '不可变测试' }));
    await publish(id);
    await expect(sql`UPDATE policy_versions SET content_hash = repeat('0', 64) WHERE policy_id = ${id}`.execute(t.deps.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM policy_versions WHERE policy_id = ${id}`.execute(t.deps.db)).rejects.toThrow(/immutable/);
  });

  it('refuses to publish an invalid working copy and lets no reader publish', async () => {
    const { id } = await create(input({ title: '无效规则测试' }));
    // A working copy cannot be saved invalid through the API; one made invalid in the database is refused at publish.
    await sql`UPDATE policies SET rule = '{"type":"any","items":[]}' WHERE id = ${id}`.execute(t.deps.db);
    const response = await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: officer });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].path).toMatch(/^rule/);
    expect((await t.call('POST', `/api/v1/policies/${id}/publish`, { cookie: dispatcher })).statusCode).toBe(403);
  });
});

describe('matches', () => {
  it('lists the eligible enterprises PostgreSQL finds, with near-misses naming the failed condition', async () => {
    const rule = ruleOf(manufacturing, revenueAtLeast('10000'));
    const { id } = await create(input({ title: '匹配测试', rule }));
    await publish(id);
    const response = await t.call('GET', `/api/v1/policies/${id}/matches?asOf=${TODAY}&pageSize=200`, { cookie: dispatcher });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const expected = await usccsOf(await eligibleInSql(rule));
    expect(body.total).toBe(expected.length);
    expect(body.items.map((e: { uscc: string }) => e.uscc)).toEqual(expected);
    // 织里童装 (manufacturing, 6150.5 万元) misses only the revenue threshold.
    expect(body.nearMisses.items).toContainEqual(expect.objectContaining({ uscc: usccOf.enterprise, conditionId: 'revenue' }));
    expect((await t.call('GET', `/api/v1/policies/${id}/matches`, { cookie: enterprise })).statusCode).toBe(403);
  });
});

describe('an enterprise\'s policies', () => {
  it('shows each published policy with per-condition results and explanations in three languages, qualifying first', async () => {
    const yes = await create(input({ title: '织里可享政策', rule: ruleOf(manufacturing, revenueAtLeast('6000')) }));
    await publish(yes.id);
    const no = await create(input({ title: '织里差一项政策', rule: ruleOf(manufacturing, revenueAtLeast('7000')) }));
    await publish(no.id);
    const response = await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise}/policies?asOf=${TODAY}`, { cookie: enterprise });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { policyId: string; eligible: unknown; conditions: { id: string; result: unknown; actual: string | null }[]; explanation: Record<string, string> }[];
    const mine = items.find((i) => i.policyId === yes.id)!;
    const missed = items.find((i) => i.policyId === no.id)!;
    expect(mine).toMatchObject({ version: 1, eligible: true, conditions: [{ id: 'manufacturing', result: true, met: true, actual: '1819' }, { id: 'revenue', result: true, met: true, actual: '6150.5' }] });
    expect(missed.eligible).toBe(false);
    expect(missed.conditions).toMatchObject([{ id: 'manufacturing', met: true }, { id: 'revenue', result: false, met: false }]);
    // An exception that does not apply is false yet no obstacle: met.
    const excepted = await create(input({ title: '织里例外政策', rule: { type: 'unless', rule: ruleOf(manufacturing), exception: revenueAtLeast('7000') } }));
    await publish(excepted.id);
    const withException = ((await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise}/policies?asOf=${TODAY}`, { cookie: enterprise })).json().items as typeof items).find((i) => i.policyId === excepted.id)!;
    expect(withException).toMatchObject({ eligible: true, conditions: [{ id: 'manufacturing', result: true, met: true }, { id: 'revenue', result: false, met: true }] });
    expect(missed.explanation.zh).toBe('符合 1/2 项；未满足：2025 年营业收入 ≥ 7000 万元，贵企业 2025 年为 6150.5 万元');
    expect(missed.explanation['zh-TW']).toBe('符合 1/2 項；未滿足：2025 年營業收入 ≥ 7000 萬元，貴企業 2025 年為 6150.5 萬元');
    expect(missed.explanation.en).toContain('not met');
    const order = items.map((i) => i.eligible);
    expect(order.indexOf(false) === -1 || order.lastIndexOf(true) < order.indexOf(false)).toBe(true);
    // Before the policies were published there is nothing in force.
    expect((await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise}/policies?asOf=2026-01-05`, { cookie: enterprise })).json().items.map((i: { policyId: string }) => i.policyId)).not.toContain(yes.id);
  });

  it('lets an enterprise see only its own; staff see any', async () => {
    expect((await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise2}/policies`, { cookie: enterprise })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise}/policies`, { cookie: enterprise2 })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise2}/policies`, { cookie: enterprise2 })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/enterprises/${usccOf.enterprise}/policies`, { cookie: dispatcher })).statusCode).toBe(200);
  });
});

describe('the column store follows the registry', () => {
  const rule = ruleOf(manufacturing, revenueAtLeast('6100'));
  const check = async () => (await t.call('POST', '/api/v1/policies/rule-check', { cookie: officer, body: { rule, asOf: TODAY } })).json().eligible as number;
  const enterpriseId = async () => (await t.deps.db.selectFrom('enterprises').select('id').where('uscc', '=', usccOf.enterprise).executeTakeFirstOrThrow()).id;

  it('picks up a figures change written outside the API, and one committed late by a transaction that numbered it earlier', async () => {
    const id = await enterpriseId();
    const start = await check();
    expect(start).toBe((await eligibleInSql(rule)).length);
    // A plain UPDATE on another connection: no hook of this process sees it, change_seq does.
    await sql`UPDATE enterprise_figures SET revenue_wan = 6000 WHERE enterprise_id = ${id} AND year = 2025`.execute(t.deps.db);
    expect(await check()).toBe(start - 1);

    // A transaction takes its change number, stays open while a later change commits and the store syncs, then commits.
    const other = (await t.deps.db.selectFrom('enterprises').select('id').where('uscc', '<>', usccOf.enterprise).where('industry_code', 'like', '3%').executeTakeFirstOrThrow()).id;
    await t.deps.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      await sql`UPDATE enterprise_figures SET revenue_wan = 6150.5 WHERE enterprise_id = ${id} AND year = 2025`.execute(conn);
      await sql`UPDATE enterprises SET registered_address = coalesce(registered_address, '') || '（更正）' WHERE id = ${other}`.execute(t.deps.db);
      expect(await check()).toBe(start - 1);
      await sql`COMMIT`.execute(conn);
    });
    expect(await check()).toBe(start);
    expect(start).toBe((await eligibleInSql(rule)).length);
  });

  it('numbers only updates that change something, and deleted figures through their enterprise', async () => {
    const id = await enterpriseId();
    const seqOf = async () => (await t.deps.db.selectFrom('enterprises').select('change_seq').where('id', '=', id).executeTakeFirstOrThrow()).change_seq;
    const before = await seqOf();
    await sql`UPDATE enterprises SET credit_rating = credit_rating WHERE id = ${id}`.execute(t.deps.db);
    expect(await seqOf()).toBe(before);
    const start = await check();
    await sql`INSERT INTO enterprise_figures (enterprise_id, year, revenue_wan) VALUES (${id}, 2019, 1)`.execute(t.deps.db);
    await sql`DELETE FROM enterprise_figures WHERE enterprise_id = ${id} AND year = 2025`.execute(t.deps.db);
    expect(BigInt(await seqOf())).toBeGreaterThan(BigInt(before));
    // Without 2025 figures the enterprise is pending, not eligible.
    expect(await check()).toBe(start - 1);
    await sql`INSERT INTO enterprise_figures (enterprise_id, year, headcount, revenue_wan, assets_wan, tax_wan) VALUES (${id}, 2025, 92, 6150.5, 3400, 205.3)`.execute(t.deps.db);
    await sql`DELETE FROM enterprise_figures WHERE enterprise_id = ${id} AND year = 2019`.execute(t.deps.db);
    expect(await check()).toBe(start);
  });

  it('leaves deregistered enterprises out', async () => {
    const id = await enterpriseId();
    const start = await check();
    await sql`UPDATE enterprises SET status = 'deregistered' WHERE id = ${id}`.execute(t.deps.db);
    expect(await check()).toBe(start - 1);
    await sql`UPDATE enterprises SET status = 'active' WHERE id = ${id}`.execute(t.deps.db);
    expect(await check()).toBe(start);
  });
});

describe('demo policies', () => {
  it('are published at the demo load and match the demo enterprises on that day', async () => {
    const seeded = await t.deps.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'policy.publish').where('request_id', '=', 'seed-demo').execute();
    expect(seeded).toHaveLength(4);
    const first = await t.deps.db.selectFrom('policy_versions').select('published_at').where('policy_id', '=', seeded[0].entity_id!).executeTakeFirstOrThrow();
    const day = new Date(new Date(first.published_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const eligibleFor = async (cookie: string, uscc: string) =>
      ((await t.call('GET', `/api/v1/enterprises/${uscc}/policies?asOf=${day}`, { cookie })).json().items as { policyId: string; mode: string; eligible: unknown }[]).filter((i) => seeded.some((s) => s.entity_id === i.policyId));
    const mine = await eligibleFor(enterprise, usccOf.enterprise);
    expect(mine.map((i) => i.mode).sort()).toEqual(['application', 'application', 'automatic', 'information']);
    expect(mine.filter((i) => i.eligible === true).map((i) => i.mode).sort()).toEqual(['application', 'information']);
    const theirs = await eligibleFor(enterprise2, usccOf.enterprise2);
    expect(theirs.filter((i) => i.eligible === true).map((i) => i.mode).sort()).toEqual(['application', 'information']);
  });
});
