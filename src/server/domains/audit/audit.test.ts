// The audit trail: events written with each change, browsable by admin and supervisor only, and a hash chain that detects tampering.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { AUDIT_CHAINS, chainOf, eventHash, GENESIS_HASH, recordAudit, verifyAuditChain } from './audit.repository.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

describe('audit trail', () => {
  it('hashes canonically: key order does not matter, content does', () => {
    const base = { at: '2026-11-23T00:00:00.000Z', actorId: null, actorLabel: 'system', action: 'x', entityType: 'user', entityId: '1', before: { a: 1, b: 2 }, after: null, requestId: 'r' };
    expect(eventHash(GENESIS_HASH, base)).toBe(eventHash(GENESIS_HASH, { ...base, before: { b: 2, a: 1 } }));
    expect(eventHash(GENESIS_HASH, base)).not.toBe(eventHash(GENESIS_HASH, { ...base, before: { a: 1, b: 3 } }));
  });

  it('records login and changes with actor and request id; the chain verifies', async () => {
    const admin = await t.login('admin');
    await t.call('PATCH', '/api/v1/me', { cookie: admin, body: { careMode: true }, headers: { 'x-request-id': 'req-test-0001' } });
    const events = (await t.call('GET', '/api/v1/audit-events?action=user.update_preferences', { cookie: admin })).json().items;
    expect(events[0]).toMatchObject({ actorLabel: 'admin', requestId: 'req-test-0001', before: { careMode: false }, after: { careMode: true } });
    const logins = (await t.call('GET', '/api/v1/audit-events?action=auth.login', { cookie: admin })).json();
    expect(logins.total).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, firstBreak: null });
  });

  it('is browsable by supervisors but not by handlers or enterprises', async () => {
    expect((await t.call('GET', '/api/v1/audit-events', { cookie: await t.login('supervisor') })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/audit-events', { cookie: await t.login('handler-zjj') })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/audit-events', { cookie: await t.login('enterprise') })).statusCode).toBe(403);
  });

  it('keeps one chain unforked under concurrent writers of the same record, and spreads records over chains', async () => {
    const { db } = t.deps;
    const ctx = (i: number) => ({ actor: null, requestId: `chain-test-${i}`, ip: '127.0.0.1', userAgent: 'test' });
    // 40 transactions append to one entity's chain at once; with a stale head two of them would share a prev_hash.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.transaction().execute((trx) => recordAudit(trx, ctx(i) as never, { action: 'test.same', entityType: 'test', entityId: 'one-record', after: { i } }))),
    );
    const chain = chainOf('test', 'one-record');
    const rows = await db.selectFrom('audit_events').select(['prev_hash', 'hash', 'chain']).where('action', '=', 'test.same').execute();
    expect(rows.every((r) => r.chain === chain)).toBe(true);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(40);
    // Different records land on different chains.
    const chains = new Set(Array.from({ length: 200 }, (_, i) => chainOf('appeal', `record-${i}`)));
    expect(chains.size).toBe(AUDIT_CHAINS);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.transaction().execute((trx) => recordAudit(trx, ctx(i) as never, { action: 'test.many', entityType: 'test', entityId: `record-${i}` }))),
    );
    const report = await verifyAuditChain(db, 13);
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.chains).toBeGreaterThan(10);
  });

  it('detects an altered event and a removed one', async () => {
    const { db } = t.deps;
    const victim = await db.selectFrom('audit_events').select(['id', 'after']).where('action', '=', 'user.create').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_events SET after = jsonb_set(after, '{displayName}', '"被篡改"') WHERE id = ${victim.id}`.execute(db);
    const altered = await verifyAuditChain(db, 7);
    expect(altered.ok).toBe(false);
    expect(altered.firstBreak).toMatchObject({ id: victim.id, reason: expect.stringContaining('altered') });
    await sql`UPDATE audit_events SET after = ${JSON.stringify(victim.after)}::jsonb WHERE id = ${victim.id}`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const middle = await db.selectFrom('audit_events').selectAll().orderBy('id').offset(3).limit(1).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_events').where('id', '=', middle.id).execute();
    const removed = await verifyAuditChain(db);
    expect(removed.ok).toBe(false);
    expect(removed.firstBreak!.reason).toContain('removed');
    await db.insertInto('audit_events').values({ ...middle, before: JSON.stringify(middle.before), after: JSON.stringify(middle.after) }).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('detects the removal of the newest event of a chain through its head row', async () => {
    const { db } = t.deps;
    await db.transaction().execute((trx) => recordAudit(trx, { actor: null, requestId: 'tail', ip: '127.0.0.1', userAgent: 'test' } as never, { action: 'test.tail', entityType: 'test', entityId: 'tail-record' }));
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const newest = await db.selectFrom('audit_events').select('id').where('action', '=', 'test.tail').executeTakeFirstOrThrow();
    await db.deleteFrom('audit_events').where('id', '=', newest.id).execute();
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak!.reason).toContain('newest events removed');
  });
});
