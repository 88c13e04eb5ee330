// Several app processes run the supervision timer at once on one database: each warning, registration and escalation happens once, each user is told once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool, type Db } from '../../../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { verifyAuditChain } from '../../audit/audit.repository.ts';
import { demoIds, insertAppeal, running } from './supervision.fixtures.ts';
import { runSupervisionScan, type ScanResult } from './supervision-scan.ts';

const APPEALS = 30;
const end = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
let database: TestDatabase;
let second: Db;
const appealIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // A second pool stands for a second app process.
  second = openPool(database.url, 5).db;
  const ids = await demoIds(database.db);
  for (let i = 0; i < APPEALS; i++) {
    appealIds.push(
      await insertAppeal(database.db, {
        region_unit_id: ids.township,
        status: 'signed',
        lead_department_id: ids.unit('zjj'),
        handler_id: ids.user('handler-zjj'),
        round: 1,
        // Overdue on 09-16; the reply clock (09-14 → end of 09-18, 111 h) reaches 80 % on 09-18 at 01:48.
        ...running('sign', '2026-09-14T09:00:00+08:00', end('2026-09-15')),
        ...running('reply', '2026-09-14T09:00:00+08:00', end('2026-09-18')),
      }),
    );
  }
});
afterAll(async () => {
  await second?.destroy();
  await database?.close();
});

async function concurrently(at: string): Promise<ScanResult[]> {
  const clock = fixedClock(at);
  const pools = [database.db, second, database.db, second];
  return Promise.all(pools.map((db) => runSupervisionScan({ db, clock, log: silentLogger }, { limit: 1000, budgetMs: Infinity })));
}

const total = (results: ScanResult[], key: 'warned' | 'registered' | 'escalated') => results.reduce((sum, r) => sum + r[key], 0);

async function notificationsPerUser(kind: string) {
  return database.db
    .selectFrom('notifications')
    .select(['user_id', 'entity_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('kind', '=', kind)
    .where('entity_id', 'in', appealIds)
    .groupBy(['user_id', 'entity_id'])
    .execute();
}

describe('four scans at once, from two connection pools', () => {
  it('register each overdue clock once, with one notification per user and one audit event', async () => {
    const results = await concurrently('2026-09-18T09:00:00+08:00');
    expect(total(results, 'registered')).toBe(APPEALS);
    expect(total(results, 'warned')).toBe(APPEALS);
    const supervisions = await database.db.selectFrom('appeal_supervisions').select(['appeal_id', 'number']).where('appeal_id', 'in', appealIds).execute();
    expect(supervisions).toHaveLength(APPEALS);
    expect(new Set(supervisions.map((s) => s.appeal_id)).size).toBe(APPEALS);
    expect(new Set(supervisions.map((s) => s.number)).size).toBe(APPEALS);
    for (const kind of ['appeal.supervision_registered', 'appeal.clock_warning']) {
      const perUser = await notificationsPerUser(kind);
      expect(perUser, kind).toHaveLength(APPEALS);
      expect(perUser.every((r) => Number(r.n) === 1), kind).toBe(true);
    }
    const events = await database.db.selectFrom('appeal_events').select('appeal_id').where('action', '=', 'supervision_registered').where('appeal_id', 'in', appealIds).execute();
    expect(events).toHaveLength(APPEALS);
    const audits = await database.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'appeal.supervision.register').execute();
    expect(audits).toHaveLength(APPEALS);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('escalate each once two working days later', async () => {
    const results = await concurrently('2026-09-23T09:00:00+08:00');
    expect(total(results, 'escalated')).toBe(APPEALS);
    // By now the reply clocks are overdue too: registered once each, still no second warning.
    expect(total(results, 'registered')).toBe(APPEALS);
    expect(total(results, 'warned')).toBe(0);
    const perUser = await notificationsPerUser('appeal.supervision_escalated');
    // The head of 优化办 and the supervisor, once each per appeal.
    expect(perUser).toHaveLength(APPEALS * 2);
    expect(perUser.every((r) => Number(r.n) === 1)).toBe(true);
    const again = await concurrently('2026-09-24T09:00:00+08:00');
    expect(total(again, 'escalated')).toBe(0);
  });
});
