// `qinqing appeals import` as a real process (each start compiles the CLI, hence the long timeouts): a dry run lists the mistakes and exits 1 writing nothing; a good file is imported under the first administrator.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qinqingCli } from '../../../../../test/helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';

let database: TestDatabase;
let dir: string;

const qinqing = qinqingCli(() => database.url);
const count = async () => Number((await database.db.selectFrom('appeals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qinqing-import-'));
});
afterAll(async () => {
  await database.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('qinqing appeals import', () => {
  it('checks a file in a dry run, then imports it', async () => {
    const file = path.join(dir, '台账.csv');
    await fs.writeFile(file, '\uFEFF标题,内容,受理时间,交办时间,主办部门,签收时间\n企业用地报批,报批材料已交,2024-05-06 09:00,2024-05-06 10:00,zjj,2024-05-07 09:00\n坏行,内容,2024-05-07 09:00,,,2024-05-07 10:00\n');
    const before = await count();
    const dry = await qinqing('appeals', 'import', file, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('台账.csv: 2 rows, 1 valid (dry run: nothing written), 1 errors (valid-rows)');
    expect(dry.stdout).toContain('row 3, 签收时间: 签收前须先交办');
    expect(await count()).toBe(before);

    const all = await qinqing('appeals', 'import', file, '--all-or-nothing', '--json');
    expect(JSON.parse(all.stdout)).toMatchObject({ mode: 'all-or-nothing', imported: 0, valid: 1 });
    expect(await count()).toBe(before);

    const imported = await qinqing('appeals', 'import', file);
    expect(imported.stdout).toContain('1 valid, 1 imported');
    expect(await count()).toBe(before + 1);
    const row = await database.db
      .selectFrom('appeals')
      .innerJoin('users', 'users.id', 'appeals.submitted_by')
      .select(['users.username', 'appeals.status', 'appeals.sign_due_at'])
      .where('appeals.title', '=', '企业用地报批')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ username: 'admin', status: 'signed', sign_due_at: new Date('2024-05-07T23:59:59.999+08:00') });
  }, 180_000);

  it('refuses an unreadable file and a user without the import right', async () => {
    expect((await qinqing('appeals', 'import', path.join(dir, 'missing.xlsx'))).code).toBe(2);
    const file = path.join(dir, 'x.csv');
    await fs.writeFile(file, '标题,内容,受理时间\na,b,2024-01-02\n');
    const refused = await qinqing('appeals', 'import', file, '--as', 'handler-zjj', '--dry-run');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('handler-zjj');
  }, 120_000);
});
