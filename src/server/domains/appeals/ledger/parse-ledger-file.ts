// Reads an old ledger (xlsx, or csv in UTF-8 or GB18030) into rows of raw cells keyed by field, finding the header row below any title rows.
import ExcelJS from 'exceljs';
import type { ImportError } from '../../../../shared/schemas/ledger.ts';
import { fieldOfHeader, type LedgerField } from './ledger-fields.ts';

export type CellValue = string | number | boolean | Date;

export interface LedgerSheetRow {
  /** The row number a spreadsheet program shows. */
  row: number;
  cells: Partial<Record<LedgerField, CellValue>>;
}

export interface ParsedLedger {
  rows: LedgerSheetRow[];
  /** The header text of each field as written in the file, for error messages. */
  headers: Partial<Record<LedgerField, string>>;
  ignoredColumns: string[];
}

export type ParseOutcome = { ok: true; ledger: ParsedLedger } | { ok: false; error: ImportError };

const HEADER_SEARCH_ROWS = 10;
const fileError = (message: string): ParseOutcome => ({ ok: false, error: { row: 0, column: null, message } });

/** One record of the file: its row number and its cells in column order. */
interface RawRecord {
  row: number;
  values: Array<CellValue | null>;
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) reduced to plain values. */
function plainValue(value: ExcelJS.CellValue): CellValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return plainValue(value.text as ExcelJS.CellValue);
  return null;
}

async function xlsxRecords(buffer: Buffer): Promise<RawRecord[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  return workbook.worksheets.map((sheet) => {
    const records: RawRecord[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: Array<CellValue | null> = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = plainValue(cell.value);
      });
      records.push({ row: rowNumber, values: Array.from(values, (v) => v ?? null) });
    });
    return records;
  });
}

/** UTF-8 (with or without BOM), else GB18030 — what Excel in a Chinese locale saves as "CSV". */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** RFC 4180: quoted fields may hold the separator, "" and line breaks; the separator is a comma, or a tab when the first line has more tabs. */
export function csvRecords(text: string): RawRecord[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const records: RawRecord[] = [];
  let values: Array<CellValue | null> = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  let row = 1;
  const endCell = () => {
    const v = wasQuoted ? cell : cell.trim();
    values.push(v.trim() === '' ? null : v.trim());
    cell = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    if (values.some((v) => v !== null)) records.push({ row, values });
    values = [];
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (c === sep) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cell += c;
  }
  if (cell !== '' || values.length > 0) endRecord();
  return records;
}

/** The header row: the first of the top rows naming at least three known columns. */
function withHeader(records: RawRecord[]): { index: number; fields: Array<LedgerField | null> } | null {
  for (const [index, record] of records.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const fields = record.values.map((v) => (typeof v === 'string' ? fieldOfHeader(v) : null));
    if (fields.filter(Boolean).length >= 3) return { index, fields };
  }
  return null;
}

const isXlsx = (buffer: Buffer) => buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
const isOldExcel = (buffer: Buffer) => buffer.length > 8 && buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

export async function parseLedgerFile(buffer: Buffer): Promise<ParseOutcome> {
  if (buffer.length === 0) return fileError('文件为空 / the file is empty');
  if (isOldExcel(buffer)) return fileError('不支持旧版 .xls 文件，请另存为 .xlsx 或 .csv / old .xls files are not supported: save as .xlsx or .csv');
  let sheets: RawRecord[][];
  try {
    sheets = isXlsx(buffer) ? await xlsxRecords(buffer) : [csvRecords(decodeText(buffer))];
  } catch {
    return fileError('无法读取文件，请使用 .xlsx 或 .csv / the file cannot be read: use .xlsx or .csv');
  }
  for (const records of sheets) {
    const header = withHeader(records);
    if (!header) continue;
    const headerRecord = records[header.index]!;
    const headers: Partial<Record<LedgerField, string>> = {};
    const ignoredColumns: string[] = [];
    const columns: Array<LedgerField | null> = header.fields.map((field, col) => {
      const text = headerRecord.values[col];
      if (typeof text !== 'string') return null;
      if (!field) {
        ignoredColumns.push(text);
        return null;
      }
      if (headers[field]) {
        ignoredColumns.push(text);
        return null;
      }
      headers[field] = text;
      return field;
    });
    const rows = records.slice(header.index + 1).map((record) => {
      const cells: Partial<Record<LedgerField, CellValue>> = {};
      columns.forEach((field, col) => {
        const value = record.values[col];
        if (field && value !== null && value !== undefined) cells[field] = value;
      });
      return { row: record.row, cells };
    });
    return { ok: true, ledger: { rows: rows.filter((r) => Object.keys(r.cells).length > 0), headers, ignoredColumns } };
  }
  return fileError('找不到表头：前 10 行中没有一行包含“标题”“内容”“受理时间”等列名 / no header row (标题, 内容, 受理时间 …) in the first 10 rows');
}
