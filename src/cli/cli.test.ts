// The `qinqing` command against a real database: calendar arithmetic, bad input, and `audit verify` exiting 1 on a tampered chain.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qinqingCli } from '../../test/helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';

let database: TestDatabase;

const qinqing = qinqingCli(() => database.url);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('qinqing CLI', () => {
  it('adds and counts working days, and refuses an impossible date', async () => {
    expect((await qinqing('calendar', 'add', '2026-02-13', '2')).stdout.trim()).toBe('2026-02-24');
    expect((await qinqing('calendar', 'count', '2026-01-01', '2026-12-31')).stdout.trim()).toBe('248');
    const bad = await qinqing('calendar', 'add', '2026-02-30', '1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('from');
  });

  it('verifies the audit chain and exits 1 once an event is altered', async () => {
    const ok = await qinqing('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('intact');
    await sql`UPDATE audit_events SET actor_label = 'mallory' WHERE id = (SELECT min(id) + 2 FROM audit_events)`.execute(database.db);
    const broken = await qinqing('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN');
  });
});
