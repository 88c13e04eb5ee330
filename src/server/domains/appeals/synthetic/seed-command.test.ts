// `qinqing seed --synthetic-appeals N` as a process against a real database: the summary, the rows, the refusal outside demo databases, bad arguments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qinqingCli } from '../../../../../test/helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';

let database: TestDatabase;

const qinqing = qinqingCli(() => database.url);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('qinqing seed --synthetic-appeals', () => {
  it('generates the appeals and says what it wrote', async () => {
    const before = await database.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const result = await qinqing('seed', '--synthetic-appeals', '300', '--enterprises', '40', '--seed', '5');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/synthetic appeals: 300 appeals, \d+ events/);
    expect(result.stdout).toContain('40 new enterprises');
    expect(result.stdout).toMatch(/statuses: closed \d+/);
    const after = await database.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(300);
  }, 300_000);

  it('refuses bad numbers and a database without demo users unless forced', async () => {
    const bad = await qinqing('seed', '--synthetic-appeals', 'many');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--synthetic-appeals');
    const nothing = await qinqing('seed');
    expect(nothing.code).toBe(2);

    await database.db.updateTable('users').set({ is_demo: false }).execute();
    const refused = await qinqing('seed', '--synthetic-appeals', '10');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    const forced = await qinqing('seed', '--synthetic-appeals', '10', '--enterprises', '5', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('synthetic appeals: 10 appeals');
  }, 300_000);

  it('keeps --demo for empty databases only', async () => {
    const result = await qinqing('seed', '--demo');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not empty');
  }, 120_000);
});
