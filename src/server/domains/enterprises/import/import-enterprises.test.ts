// The import on a real PostgreSQL: a dry run and a refused all-or-nothing write nothing, valid rows are written, yearly figures keep their history, renames keep former names, one audit event per import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { makeUscc } from '../../../../shared/uscc.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Role } from '../../../../shared/roles.ts';
import { importEnterprises, type EnterpriseImportOptions } from './import-enterprises.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qq-import-db-'));
const clock = fixedClock('2026-06-15T04:00:00Z');
let database: TestDatabase;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await database.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
  actor = { userId: admin.id, username: admin.username, displayName: admin.display_name, roles: admin.roles as Role[], orgUnitId: admin.org_unit_id, enterpriseId: admin.enterprise_id, sessionId: null, tokenId: null };
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const code = (i: number) => makeUscc('91', '330502', `MA${CHARS[Math.floor(i / 31) % 31]}${CHARS[i % 31]}T${String(i % 1000).padStart(3, '0')}`);
let n = 0;
const write = (lines: string[]) => {
  const p = path.join(dir, `i${n++}.csv`);
  fs.writeFileSync(p, lines.join('\n'));
  return p;
};
const run = (file: string, options: Partial<EnterpriseImportOptions> = {}) =>
  importEnterprises({ db: database.db, clock }, { actor, requestId: 'test', ip: null, userAgent: null }, file, { dryRun: false, mode: 'valid-rows', ...options });

const header = '统一社会信用代码,企业名称,所属区划,行业代码,成立日期,从业人员,营业收入(万元),资产总额(万元),标签';
const row = (i: number, { name = `吴兴测试${i}新材料有限公司`, head = '120', rev = '8500', assets = '6000', tags = '规上企业', div = '330502', ind = '3011' } = {}) =>
  [code(i), name, div, ind, '2015-03-02', head, rev, assets, tags].join(',');

const countOf = async (table: 'enterprises' | 'enterprise_figures' | 'enterprise_tags' | 'audit_events') =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]!.n);
const importAudits = async () =>
  (await database.db.selectFrom('audit_events').select(['after', 'actor_id']).where('action', '=', 'enterprise.import').execute());
const enterprise = (i: number) => database.db.selectFrom('enterprises').selectAll().where('uscc', '=', code(i)).executeTakeFirst();

describe('writing', () => {
  it('a dry run writes nothing and reports what would be written', async () => {
    const before = await Promise.all([countOf('enterprises'), countOf('enterprise_figures'), countOf('enterprise_tags'), countOf('audit_events')]);
    const report = await run(write([header, row(1), row(2), row(3, { head: '-1' })]), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, total: 3, valid: 2, errorCount: 1, applied: false, created: 0 });
    expect(await Promise.all([countOf('enterprises'), countOf('enterprise_figures'), countOf('enterprise_tags'), countOf('audit_events')])).toEqual(before);
  });

  it('all-or-nothing writes nothing when one row is bad, across several batches', async () => {
    const before = await Promise.all([countOf('enterprises'), countOf('enterprise_figures'), countOf('audit_events')]);
    const lines = [header];
    for (let i = 10; i < 40; i++) lines.push(row(i));
    lines.push(row(40, { div: '999999' }));
    const report = await run(write(lines), { mode: 'all-or-nothing', batchSize: 7 });
    expect(report).toMatchObject({ applied: false, valid: 30, errorCount: 1, created: 0 });
    expect(report.errors[0]).toMatchObject({ row: 32, column: '所属区划' });
    expect(await Promise.all([countOf('enterprises'), countOf('enterprise_figures'), countOf('audit_events')])).toEqual(before);
    // The same rows without the bad one go in whole.
    const ok = await run(write(lines.slice(0, -1)), { mode: 'all-or-nothing', batchSize: 7 });
    expect(ok).toMatchObject({ applied: true, created: 30, errorCount: 0 });
    expect(await countOf('enterprises')).toBe(before[0] + 30);
  });

  it('valid-rows writes the good rows, reports the bad ones, and records one audit event for the import', async () => {
    const auditsBefore = (await importAudits()).length;
    const report = await run(write([header, row(50), row(51, { ind: '0000' }), row(52), row(50, { name: '重复' })]), { batchSize: 2 });
    expect(report).toMatchObject({ applied: true, total: 4, valid: 2, created: 2, errorCount: 2 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, '行业代码'], [5, '统一社会信用代码']]);
    expect(await enterprise(50)).toMatchObject({ name: '吴兴测试50新材料有限公司', division_code: '330502', industry_code: '3011', size_class: 'small', size_year: 2025 });
    expect(await enterprise(51)).toBeUndefined();
    const audits = await importAudits();
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({ actor_id: actor.userId, after: expect.objectContaining({ created: 2, total: 4, errors: 2, sha256: report.sha256, mode: 'valid-rows' }) });
    const tags = await database.db.selectFrom('enterprise_tags').select(['tag', 'valid_from', 'set_by']).where('enterprise_id', '=', (await enterprise(50))!.id).execute();
    expect(tags).toEqual([{ tag: 'above_scale', valid_from: '2026-06-15', set_by: actor.userId }]);
  });

  it('keeps yearly figures: an import for year Y writes row Y only; the size follows the latest year', async () => {
    const file2024 = write([header, row(60, { head: '400', rev: '30000', assets: '20000' })]);
    await run(file2024, { year: 2024 });
    const e = (await enterprise(60))!;
    expect(e).toMatchObject({ size_class: 'medium', size_year: 2024 });
    const report = await run(write([header, row(60, { head: '80', rev: '900.123456', assets: '700' })]), { year: 2025 });
    expect(report).toMatchObject({ updated: 1, created: 0 });
    const figures = await database.db.selectFrom('enterprise_figures').select(['year', 'headcount', 'revenue_wan', 'assets_wan', 'source']).where('enterprise_id', '=', e.id).orderBy('year').execute();
    expect(figures).toEqual([
      { year: 2024, headcount: 400, revenue_wan: '30000.000000', assets_wan: '20000.000000', source: 'import' },
      { year: 2025, headcount: 80, revenue_wan: '900.123456', assets_wan: '700.000000', source: 'import' },
    ]);
    expect(await enterprise(60)).toMatchObject({ size_class: 'small', size_year: 2025 });
    // An older year fills its own row and leaves the size of the later year alone.
    await run(write([header, row(60, { head: '2000', rev: '90000', assets: '90000' })]), { year: 2023 });
    expect(await enterprise(60)).toMatchObject({ size_class: 'small', size_year: 2025 });
    expect(await database.db.selectFrom('enterprise_figures').select('year').where('enterprise_id', '=', e.id).execute()).toHaveLength(3);
    // Empty cells keep what is stored.
    await run(write([header, `${code(60)},吴兴测试60新材料有限公司,,,,,1000,,`]), { year: 2025 });
    const y2025 = await database.db.selectFrom('enterprise_figures').select(['headcount', 'revenue_wan', 'assets_wan']).where('enterprise_id', '=', e.id).where('year', '=', 2025).executeTakeFirstOrThrow();
    expect(y2025).toEqual({ headcount: 80, revenue_wan: '1000.000000', assets_wan: '700.000000' });
  });

  it('records the former name on a rename, and a re-import of the same file changes nothing', async () => {
    const first = write([header, row(70, { name: '湖州织里童装有限公司' })]);
    await run(first);
    const renamed = await run(write([header, row(70, { name: '湖州织里服饰有限公司' })]));
    expect(renamed.updated).toBe(1);
    const e = (await enterprise(70))!;
    expect(e.name).toBe('湖州织里服饰有限公司');
    expect(e.former_names).toEqual(['湖州织里童装有限公司']);
    expect(e.name_initials).toBe('hzzlfsyxgs hzzltzyxgs');
    const again = await run(write([header, row(70, { name: '湖州织里服饰有限公司' })]));
    expect(again).toMatchObject({ unchanged: 1, updated: 0, created: 0 });
    expect((await enterprise(70))!.updated_at.getTime()).toBe(e.updated_at.getTime());
  });

  it('takes the division from the credit code when a new enterprise has none in the file', async () => {
    await run(write(['统一社会信用代码,企业名称', `${code(80)},无区划测试有限公司`]));
    expect(await enterprise(80)).toMatchObject({ division_code: '330502', size_class: null });
  });
});
