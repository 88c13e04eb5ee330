// Parsing, column mapping and row checks of the enterprise import on files full of mistakes (dry runs: no database is touched).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { makeUscc } from '../../../../shared/uscc.ts';
import type { Executor } from '../../../db/transaction.ts';
import type { EnterpriseImportOptions } from './import-enterprises.ts';
import { importEnterprises } from './import-enterprises.ts';
import { fieldOfHeader, planColumns } from './import-columns.ts';
import { CsvParser } from './read-records.ts';
import { parseMoney, shiftDecimal } from './import-row.ts';
import { systemContext } from '../../../http/context.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qq-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const clock = fixedClock('2026-06-15T04:00:00Z');
/** A dry run never reaches the database: any use of it fails the test. */
const noDb = new Proxy({}, { get: (_t, key) => (key === 'isTransaction' ? false : () => { throw new Error('dry run touched the database'); }) }) as unknown as Executor;

let n = 0;
const code = (i: number, division = '330502') => makeUscc('91', division, `MA${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i % 31]}${String(1000 + i).padStart(5, '0')}`.slice(0, 8));
function file(text: string | Buffer, ext = 'csv'): string {
  const p = path.join(dir, `f${n++}.${ext}`);
  fs.writeFileSync(p, text);
  return p;
}
const dryRun = (p: string, extra: Partial<EnterpriseImportOptions> = {}) =>
  importEnterprises({ db: noDb, clock }, systemContext('test'), p, { dryRun: true, mode: 'valid-rows', ...extra });

const header = '统一社会信用代码,企业名称,所属区划,行业代码,成立日期,从业人员,营业收入(万元),资产总额(万元),注册资本,年度,标签';
const good = (i: number, extra: Partial<Record<'div' | 'ind' | 'date' | 'head' | 'rev' | 'assets' | 'year' | 'tags' | 'code', string>> = {}) =>
  [extra.code ?? code(i), `湖州测试${i}科技有限公司`, extra.div ?? '330502', extra.ind ?? 'C3011', extra.date ?? '2015-03-02', extra.head ?? '120', extra.rev ?? '8500.5', extra.assets ?? '6000', '500万元', extra.year ?? '2025', extra.tags ?? '规上企业;高新技术企业'].join(',');

describe('a file full of mistakes', () => {
  it('reports every bad row with its row number, column and reason, and counts the good ones', async () => {
    const wrongCheck = code(3).slice(0, 17) + (code(3)[17] === '0' ? '1' : '0');
    const rows = [
      header,
      good(1), //  row 2: fine
      good(2, { code: wrongCheck }), // 3: check character
      good(4, { div: '339999' }), // 4: unknown division
      good(5, { ind: '9999' }), // 5: unknown industry
      good(6, { head: '-5' }), // 6: negative headcount
      good(7, { date: '2099-01-01' }), // 7: founded in the future
      good(8, { code: code(1) }), // 8: duplicate of row 2
      good(9, { tags: '规上企业;金牌企业' }), // 9: unknown tag
      good(10, { div: '3305' }), // 10: a city, not a county
      good(11, { code: '91330502MA2B3C4D' }), // 11: 16 characters
      good(12, { rev: '很多' }), // 12: not a number
      good(13, { year: '2030' }), // 13: a future year
      good(14, { date: '2015-02-30' }), // 14: no such date
      good(15, { head: '12.5' }), // 15: half a person
      good(16, { code: code(16).replace(/^91/, '9I') }), // 16: I is not in the code set
      good(17), // 17: fine
    ];
    const report = await dryRun(file(rows.join('\n')));
    const byRow = new Map(report.errors.map((e) => [e.row, e]));
    const expectError = (row: number, column: string, text: RegExp) => {
      const e = byRow.get(row);
      expect(e, `row ${row}`).toBeDefined();
      expect(e!.column).toBe(column);
      expect(e!.message).toMatch(text);
    };
    expectError(3, '统一社会信用代码', /校验码|check character/);
    expectError(4, '所属区划', /339999/);
    expectError(5, '行业代码', /9999/);
    expectError(6, '从业人员', /负数|negative/);
    expectError(7, '成立日期', /future|晚于今天/);
    expectError(8, '统一社会信用代码', /第 2 行重复|row 2/);
    expectError(9, '标签', /金牌企业/);
    expectError(10, '所属区划', /县级|county/);
    expectError(11, '统一社会信用代码', /18/);
    expectError(12, '营业收入(万元)', /不是数字|not a number/);
    expectError(13, '年度', /未来|future/);
    expectError(14, '成立日期', /不是日期|not a date/);
    expectError(15, '从业人员', /整数|whole/);
    expectError(16, '统一社会信用代码', /第 2 位|character 2/);
    expect(report.errorCount).toBe(14);
    expect(report.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(report.total).toBe(16);
    expect(report.valid).toBe(2);
    expect(report.applied).toBe(false);
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports every problem of one row, each with its column', async () => {
    const report = await dryRun(file([header, good(1, { div: '000000', ind: 'X1', head: '-1', date: 'yesterday' })].join('\n')));
    expect(report.errors.map((e) => e.column).sort()).toEqual(['从业人员', '所属区划', '成立日期', '行业代码'].sort());
    expect(new Set(report.errors.map((e) => e.row))).toEqual(new Set([2]));
  });

  it('flags revenue given in 元 where 万元 is expected, naming the column, and refuses to write it', async () => {
    const rows = [header];
    // 120 persons and 85,000,000 "万元" of revenue: 850 亿元 — the column is in 元.
    for (let i = 1; i <= 40; i++) rows.push(good(i, { rev: String(85_000_000 + i * 1000), assets: String(6000 + i) }));
    const report = await dryRun(file(rows.join('\n')));
    expect(report.errorCount).toBe(1);
    const [problem] = report.errors;
    expect(problem!.row).toBe(1);
    expect(problem!.column).toBe('营业收入(万元)');
    expect(problem!.message).toMatch(/元/);
    expect(problem!.message).toMatch(/accept-units/);
    // The same file, the figures confirmed as 万元: nothing to report.
    expect((await dryRun(file(rows.join('\n')), { acceptUnits: true })).errorCount).toBe(0);
  });

  it('does not flag plausible figures', async () => {
    const rows = [header];
    for (let i = 1; i <= 40; i++) rows.push(good(i, { head: String(10 + i), rev: String(300 * (i % 7) + 50), assets: String(200 + i * 13) }));
    const report = await dryRun(file(rows.join('\n')));
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(40);
  });

  it('refuses a file without the required columns, an old .xls and an empty file', async () => {
    const noName = await dryRun(file(['统一社会信用代码,所属区划,行业代码', `${code(1)},330502,3011`].join('\n')));
    expect(noName.errors[0]!.message).toMatch(/企业名称|name/);
    const xls = await dryRun(file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'));
    expect(xls.errors[0]!.message).toMatch(/xls/);
    expect((await dryRun(file(''))).errors[0]!.message).toMatch(/空|empty/);
  });
});

describe('column mapping', () => {
  it('recognises Chinese and English synonyms with units in either kind of bracket', () => {
    expect(fieldOfHeader('营业收入（万元）')).toEqual({ field: 'revenue', unitShift: 0 });
    expect(fieldOfHeader('营业收入(元)')).toEqual({ field: 'revenue', unitShift: -4 });
    expect(fieldOfHeader('资产总额 (千元)')).toEqual({ field: 'assets', unitShift: -1 });
    expect(fieldOfHeader('Unified Social Credit Code')?.field).toBe('uscc');
    expect(fieldOfHeader('Company Name')?.field).toBe('name');
    expect(fieldOfHeader('从业人员(人)')?.field).toBe('headcount');
    expect(fieldOfHeader('备注')).toBeNull();
  });

  it('lets the caller map unusual headers and leave columns out, and reports a mapping naming a missing header', () => {
    const plan = planColumns(['代码', '单位', '营收', '营业收入'], 1, { 代码: 'uscc', 单位: 'name', 营收: 'revenue', 营业收入: null });
    expect(plan.ok && plan.plan.fields).toEqual(['uscc', 'name', 'revenue', null]);
    const bad = planColumns(['代码', '单位'], 1, { 代码: 'uscc', 单位: 'name', 电话: 'contactPhone' });
    expect(!bad.ok && bad.errors[0]!.column).toBe('电话');
    const twice = planColumns(['统一社会信用代码', '信用代码', '企业名称'], 1);
    expect(!twice.ok && twice.errors[0]!.column).toBe('信用代码');
  });

  it('imports English headers and converts 元 columns to 万元 exactly', async () => {
    const report = await dryRun(file(['USCC,Name,Division,Industry,Revenue (yuan),Headcount', `${code(1)},Acme,330502,3011,123456789.12,300`].join('\n')));
    expect(report.errors).toEqual([]);
    expect(report.columns.map((c) => c.field)).toEqual(['uscc', 'name', 'divisionCode', 'industryCode', 'revenue', 'headcount']);
    expect(parseMoney('123456789.12', -4, false)).toEqual({ ok: true, value: '12345.678912' });
    expect(shiftDecimal('0.5', 4)).toBe('5000');
    expect(shiftDecimal('-12.3', -1)).toBe('-1.23');
    expect(parseMoney('1,234.5', 0, false)).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoney('2亿元', 0, false)).toEqual({ ok: true, value: '20000' });
    expect(parseMoney(1234.5600000000002, 0, false)).toEqual({ ok: true, value: '1234.56' });
  });

  it('finds the header below title rows, and numbers rows as a spreadsheet does', async () => {
    const report = await dryRun(file(['2025年度企业名录,,', '填报单位：吴兴区经信局,,', header, good(1), good(2, { head: '-3' })].join('\r\n')));
    expect(report.errors).toEqual([expect.objectContaining({ row: 5, column: '从业人员' })]);
  });
});

describe('xlsx reading', () => {
  it('streams the first sheet: numbers and dates as typed, title rows skipped, spreadsheet row numbers in the report', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['2025 年企业名录']);
    sheet.addRow(header.split(','));
    sheet.addRow([code(1), '湖州表格一有限公司', '330502', 'C3011', new Date(Date.UTC(2015, 2, 2)), 120, 8500.5, 6000, '500万元', 2025, '规上企业']);
    sheet.addRow([code(2), '湖州表格二有限公司', '330502', '3011', new Date(Date.UTC(2099, 0, 1)), -3, 10, 20, null, 2025, null]);
    workbook.addWorksheet('说明').addRow(['不导入 / not imported']);
    const p = path.join(dir, `x${n++}.xlsx`);
    await workbook.xlsx.writeFile(p);
    const report = await dryRun(p);
    expect(report.total).toBe(2);
    expect(report.valid).toBe(1);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[4, '成立日期'], [4, '从业人员']]);
  });
});

describe('csv reading', () => {
  it('handles quotes, doubled quotes, line breaks in cells and chunk boundaries anywhere', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\n1,2,3\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new CsvParser();
      const records = [...parser.push(text.slice(0, cut), false), ...parser.push(text.slice(cut), true)];
      expect(records.map((r) => r.values)).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['1', '2', '3']]);
      expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    }
  });

  it('reads GB18030 files as Excel saves them in a Chinese locale', async () => {
    const utf8Text = [header, good(1)].join('\n');
    const encoded = encodeGb18030(utf8Text);
    const report = await dryRun(file(encoded));
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(1);
  });
});

/** GB18030 encoding through the decoder's inverse for the characters used here (TextEncoder only writes UTF-8). */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, Buffer>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Buffer.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, Buffer.from([hi, lo]));
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : (table.get(ch) ?? Buffer.from('?')))));
}
