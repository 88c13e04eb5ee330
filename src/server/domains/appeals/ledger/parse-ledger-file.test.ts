// Reading old ledgers: CSV quoting and line breaks, GB18030 files from Excel, tab-separated text, header rows below a title, English keys, and times as Shanghai wall clock.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseLedgerTime } from './ledger-row.ts';
import { csvRecords, parseLedgerFile } from './parse-ledger-file.ts';

const gb18030 = (text: string): Buffer => {
  // Node has no GB18030 encoder; the characters used here are all in GBK, whose bytes are listed for the test.
  const bytes: Record<string, number[]> = { 标: [0xb1, 0xea], 题: [0xcc, 0xe2], 内: [0xc4, 0xda], 容: [0xc8, 0xdd], 受: [0xca, 0xdc], 理: [0xc0, 0xed], 时: [0xca, 0xb1], 间: [0xbc, 0xe4], 用: [0xd3, 0xc3], 电: [0xb5, 0xe7] };
  return Buffer.from([...text].flatMap((c) => bytes[c] ?? [...Buffer.from(c, 'ascii')]));
};

describe('CSV records', () => {
  it('keeps commas, quotes and line breaks inside quoted fields and skips empty lines', () => {
    const records = csvRecords('标题,内容\r\n"a, b","第一行\n第二行 ""引号"""\r\n\r\nc,d\n');
    expect(records).toEqual([
      { row: 1, values: ['标题', '内容'] },
      { row: 2, values: ['a, b', '第一行\n第二行 "引号"'] },
      { row: 4, values: ['c', 'd'] },
    ]);
  });

  it('reads tab-separated text', () => {
    expect(csvRecords('标题\t内容\nx\ty')[1]!.values).toEqual(['x', 'y']);
  });
});

describe('parseLedgerFile', () => {
  it('reads a GB18030 CSV saved by Excel', async () => {
    const outcome = await parseLedgerFile(gb18030('标题,内容,受理时间\n用电,用电,2024-01-02\n'));
    expect(outcome).toMatchObject({ ok: true, ledger: { rows: [{ row: 2, cells: { title: '用电', content: '用电', submittedAt: '2024-01-02' } }] } });
  });

  it('finds the header below title rows in an xlsx, accepts English keys and marks, reports unknown columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['某市营商环境诉求台账（2024 年）']);
    sheet.addRow(['序号', '*标题', 'content', '受理时间（必填）', 'Department', '备注']);
    sheet.addRow([1, '用电', { richText: [{ text: '园区' }, { text: '停电' }] }, new Date(Date.UTC(2024, 0, 2, 9, 30)), 'zjj', '无']);
    const outcome = await parseLedgerFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.ledger.headers).toEqual({ title: '*标题', content: 'content', submittedAt: '受理时间（必填）', department: 'Department' });
    expect(outcome.ledger.ignoredColumns).toEqual(['序号', '备注']);
    expect(outcome.ledger.rows).toEqual([{ row: 3, cells: { title: '用电', content: '园区停电', submittedAt: new Date(Date.UTC(2024, 0, 2, 9, 30)), department: 'zjj' } }]);
  });

  it('refuses old .xls files, empty files and files without a header row', async () => {
    const xls = await parseLedgerFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls).toMatchObject({ ok: false, error: { message: expect.stringContaining('.xls') } });
    expect(await parseLedgerFile(Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(await parseLedgerFile(Buffer.from('a,b,c\n1,2,3\n'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('表头') } });
  });
});

describe('ledger times', () => {
  it('reads text and Excel dates as Shanghai wall-clock time', () => {
    expect(parseLedgerTime('2024-10-08 09:15')?.toISOString()).toBe('2024-10-08T01:15:00.000Z');
    expect(parseLedgerTime('2024/10/8 9:15:30')?.toISOString()).toBe('2024-10-08T01:15:30.000Z');
    expect(parseLedgerTime('2024年10月8日')?.toISOString()).toBe('2024-10-07T16:00:00.000Z');
    expect(parseLedgerTime('2024-10-08T09:15:00+08:00')?.toISOString()).toBe('2024-10-08T01:15:00.000Z');
    expect(parseLedgerTime(new Date(Date.UTC(2024, 9, 8, 9, 15)))?.toISOString()).toBe('2024-10-08T01:15:00.000Z');
    expect(parseLedgerTime(45573.5)?.toISOString()).toBe('2024-10-08T04:00:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    for (const bad of ['2024-02-30', '2023-02-29 10:00', '2024-10-08 24:00', '2024-13-01', '昨天', 42, true]) expect(parseLedgerTime(bad as never)).toBeNull();
    expect(parseLedgerTime('2024-02-29')).not.toBeNull();
  });
});
