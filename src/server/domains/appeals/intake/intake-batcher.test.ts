// Batched intake: concurrent submissions share transactions yet each gets its own answer, key, number and audit event; a bad one fails alone.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { verifyAuditChain } from '../../audit/audit.repository.ts';
import { systemContext } from '../../../http/context.ts';
import type { Actor } from '../../auth/actor.ts';
import { IntakeBatcher, intakeBatcherFor } from './intake-batcher.ts';
import { intakeRows, planIntake } from './intake-plan.ts';

let t: TestApp;
let enterprise: string;
let dispatcher: string;

beforeAll(async () => {
  t = await createTestApp();
  enterprise = await t.login('enterprise');
  dispatcher = await t.login('dispatcher');
});

const body = (i: number) => ({ title: `厂区停水 ${i}`, content: `第 ${i} 号厂房停水三天，影响生产`, category: 'utilities', channel: 'web' });
const post = (cookie: string, payload: unknown, key?: string) =>
  t.call('POST', '/api/v1/appeals', { cookie, body: payload, headers: key ? { 'idempotency-key': key } : {} });
const countAppeals = async () => Number((await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('batched intake over HTTP', () => {
  it('answers 40 concurrent submissions with 40 appeals, in fewer transactions, each numbered, timelined and audited on an intact chain', async () => {
    const batcher = intakeBatcherFor(t.deps.db);
    const before = { ...batcher.stats };
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => post(enterprise, body(i), `burst-${i}`)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const views = responses.map((r) => r.json());
    expect(new Set(views.map((v) => v.id)).size).toBe(40);
    expect(new Set(views.map((v) => v.number)).size).toBe(40);
    views.forEach((v, i) => expect(v).toMatchObject({ title: `厂区停水 ${i}`, status: 'submitted', channel: 'web', category: 'utilities' }));
    expect(batcher.stats.submissions - before.submissions).toBe(40);
    expect(batcher.stats.batches - before.batches).toBeLessThan(40);

    const ids = views.map((v) => v.id as string);
    const events = await t.deps.db.selectFrom('appeal_events').select(['appeal_id', 'action']).where('appeal_id', 'in', ids).execute();
    expect(events.filter((e) => e.action === 'submit')).toHaveLength(40);
    const audits = await t.deps.db.selectFrom('audit_events').select(['entity_id', 'after']).where('action', '=', 'appeal.submit').where('entity_id', 'in', ids).execute();
    expect(audits).toHaveLength(40);
    for (const v of views) expect(audits.find((a) => a.entity_id === v.id)?.after).toMatchObject({ number: v.number, status: 'submitted' });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('creates one appeal for five concurrent requests with the same Idempotency-Key, and replays its answer', async () => {
    const before = await countAppeals();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(enterprise, body(100), 'same-key-five-times')));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await countAppeals()).toBe(before + 1);
    const reused = await post(enterprise, body(101), 'same-key-five-times');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('refuses a submission for an unknown enterprise alone, releases its key, and writes its neighbours', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = await countAppeals();
    const staffBody = (i: number, enterpriseId?: string) => ({ ...body(200 + i), channel: 'hotline_12345', ...(enterpriseId ? { enterpriseId } : {}) });
    const responses = await Promise.all([
      post(dispatcher, staffBody(0), 'mixed-0'),
      post(dispatcher, staffBody(1, missing), 'mixed-1'),
      post(dispatcher, staffBody(2), 'mixed-2'),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([201, 400, 201]);
    expect(responses[1]!.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'enterpriseId' }] });
    expect(await countAppeals()).toBe(before + 2);
    // The refused request's key was released: the corrected request under the same key goes through.
    const retried = await post(dispatcher, staffBody(1), 'mixed-1');
    expect(retried.statusCode).toBe(201);
  });
});

describe('answers without RETURNING', () => {
  it('writes urgent appeals batched with ordinary ones and tells the dispatchers of each urgent one, in the same transaction', async () => {
    const payloads = Array.from({ length: 12 }, (_, i) => ({ ...body(700 + i), urgency: i % 3 === 0 ? 'urgent' : 'normal' }));
    const responses = await Promise.all(payloads.map((p, i) => post(enterprise, p, `urgent-mix-${i}`)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const views = responses.map((r) => r.json() as { id: string; urgency: string });
    const told = await t.deps.db.selectFrom('notifications').select('entity_id').where('kind', '=', 'appeal.submitted').where('entity_id', 'in', views.map((v) => v.id)).execute();
    const urgentIds = views.filter((v) => v.urgency === 'urgent').map((v) => v.id);
    expect(urgentIds).toHaveLength(4);
    expect([...new Set(told.map((n) => n.entity_id))].sort()).toEqual(urgentIds.sort());
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    // Every connection went back to the pool outside a transaction.
    const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`.execute(t.deps.db);
    expect(rows[0]!.n).toBe('0');
  });

  it('the row built in node for the answer is the row the database stores, column for column', async () => {
    const db = t.deps.db;
    const dispatcherRow = await db.selectFrom('users').select(['id', 'username', 'display_name', 'org_unit_id']).where('username', '=', 'dispatcher').executeTakeFirstOrThrow();
    const enterpriseId = (await db.selectFrom('users').select('enterprise_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).enterprise_id!;
    const actor: Actor = { userId: dispatcherRow.id, username: dispatcherRow.username, displayName: dispatcherRow.display_name, roles: ['dispatcher'], orgUnitId: dispatcherRow.org_unit_id, enterpriseId: null, sessionId: null, tokenId: null };
    const bodies = [
      { ...body(500), channel: 'hotline_12345', enterpriseId, urgency: 'urgent', contactName: '王经理', contactPhone: '13857201234', sourceNote: '12345 转办' },
      { ...body(501), channel: 'letter', category: undefined, divisionCode: '330502' },
    ];
    for (const b of bodies) {
      const plan = await planIntake(db, new Date(), actor, b as never);
      const seq = (await sql<{ n: string }>`SELECT nextval('appeal_number_seq')::text AS n`.execute(db)).rows[0]!.n;
      const enterprise = plan.enterpriseId ? await db.selectFrom('enterprises').select(['id', 'name', 'division_code']).where('id', '=', plan.enterpriseId).executeTakeFirst() : undefined;
      const rows = intakeRows(plan, enterprise, seq);
      await db.insertInto('appeals').values(rows.appeal).execute();
      const stored = await db.selectFrom('appeals').selectAll().where('id', '=', plan.id).executeTakeFirstOrThrow();
      expect(rows.row).toEqual(stored);
    }
  });
});

describe('appeal numbers', () => {
  it('keep every digit past 999999 instead of cutting the sequence to six', async () => {
    await sql`SELECT setval('appeal_number_seq', 999998)`.execute(t.deps.db);
    const numbers = (await Promise.all([0, 1, 2].map((i) => post(enterprise, body(400 + i))))).map((r) => r.json().number as string).sort();
    expect(numbers.map((n) => n.slice(10))).toEqual(['999999', '1000000', '1000001'].sort());
  });
});

describe('IntakeBatcher on its own', () => {
  it('retries a batch that failed in the database one submission per transaction, so only the culprit fails', async () => {
    const db = t.deps.db;
    const batcher = new IntakeBatcher(db, { maxBatch: 64, maxInFlight: 1 });
    const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'org_unit_id']).where('username', '=', 'dispatcher').executeTakeFirstOrThrow();
    const actor: Actor = { userId: user.id, username: user.username, displayName: user.display_name, roles: ['dispatcher'], orgUnitId: user.org_unit_id, enterpriseId: null, sessionId: null, tokenId: null };
    const plans = await Promise.all([0, 1, 2, 3].map((i) => planIntake(db, new Date(), actor, { ...body(300 + i), channel: 'hotline_12345' } as never)));
    // A category that passed the check in node but no longer exists in the database: its insert breaks the foreign key.
    plans[2]!.category = { id: '00000000-0000-4000-8000-00000000beef', code: 'gone' };
    const first = batcher.submit(plans[0]!, systemContext('test'), undefined);
    const rest = plans.slice(1).map((p) => batcher.submit(p, systemContext('test'), undefined).then(
      (o) => o.status,
      (e: { code?: string }) => `error ${e.code}`,
    ));
    expect((await first).status).toBe(201);
    expect(await Promise.all(rest)).toEqual([201, 'error 23503', 201]);
    expect(batcher.stats).toMatchObject({ batches: 2 + 3, submissions: 1 + 3 + 3, retriedAlone: 3 });
    const written = await db.selectFrom('appeals').select('id').where('id', 'in', plans.map((p) => p.id)).execute();
    expect(written.map((r) => r.id).sort()).toEqual([plans[0]!.id, plans[1]!.id, plans[3]!.id].sort());
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
