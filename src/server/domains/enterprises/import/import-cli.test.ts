// `qinqing enterprises import` as a real process: exit 1 with every bad row listed (all-or-nothing writes nothing), 0 for a good file, 2 when it cannot run; `qinqing enterprises export` writes a csv.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qinqingCli } from '../../../../../test/helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import { makeUscc } from '../../../../shared/uscc.ts';

let database: TestDatabase;
let dir: string;

const qinqing = qinqingCli(() => database.url);
const count = async () => Number((await database.db.selectFrom('enterprises').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const code = (i: number) => makeUscc('91', '330502', `MA7${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}C${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qinqing-enterprise-cli-'));
});
afterAll(async () => {
  await database.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('qinqing enterprises import', () => {
  it('exits 1 listing each bad row, writes nothing in all-or-nothing mode, then imports the good file with exit 0', { timeout: 120_000 }, async () => {
    const file = path.join(dir, '企业名录.csv');
    const header = '统一社会信用代码,企业名称,所属区划,行业代码,从业人员';
    await fs.writeFile(file, [header, `${code(1)},命令行测试一有限公司,330502,3011,50`, `${code(2)},命令行测试二有限公司,330502,3011,-2`].join('\n'));
    const before = await count();
    const all = await qinqing('enterprises', 'import', file, '--all-or-nothing');
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('企业名录.csv: 2 rows, 1 valid, 1 errors (all-or-nothing');
    expect(all.stdout).toContain('row 3, 从业人员:');
    expect(await count()).toBe(before);

    const dry = await qinqing('enterprises', 'import', file, '--dry-run', '--json');
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, valid: 1, errorCount: 1, applied: false });
    expect(await count()).toBe(before);

    await fs.writeFile(file, [header, `${code(1)},命令行测试一有限公司,330502,3011,50`].join('\n'));
    const ok = await qinqing('enterprises', 'import', file, '--all-or-nothing', '--year', '2024');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 created');
    expect(await count()).toBe(before + 1);

    const out = path.join(dir, 'export.csv');
    const exported = await qinqing('enterprises', 'export', out, '--q', '命令行测试');
    expect(exported.code).toBe(0);
    expect(await fs.readFile(out, 'utf8')).toContain(code(1));
  });

  it('exits 2 when it cannot run: a missing file, an unknown user, a bad mapping', { timeout: 120_000 }, async () => {
    expect((await qinqing('enterprises', 'import', path.join(dir, 'none.csv'))).code).toBe(2);
    const file = path.join(dir, 'x.csv');
    await fs.writeFile(file, `统一社会信用代码,企业名称\n${code(5)},甲公司\n`);
    expect((await qinqing('enterprises', 'import', file, '--as', 'nobody')).code).toBe(2);
    expect((await qinqing('enterprises', 'import', file, '--as', 'handler-zjj')).code).toBe(2);
    expect((await qinqing('enterprises', 'import', file, '--mapping', '{"a": "nofield"}')).code).not.toBe(0);
  });
});
