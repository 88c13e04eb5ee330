// Streaming readers for import files: csv (UTF-8 or GB18030, comma or tab, RFC 4180 quotes) and xlsx (exceljs streaming reader), in batches of records; the bytes are counted and hashed on the way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './import-row.ts';

export interface RawRecord {
  /** The row number a spreadsheet program shows. */
  row: number;
  values: CellValue[];
}

export type FileKind = 'csv' | 'xlsx' | 'xls' | 'empty';

export function detectKind(head: Buffer): FileKind {
  if (head.length === 0) return 'empty';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  return 'csv';
}

export async function fileKindOf(filePath: string): Promise<FileKind> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return detectKind(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Counts and hashes the bytes passing through (the file's digest goes into the audit event). */
export class ByteMeter extends Transform {
  bytes = 0;
  private hash = crypto.createHash('sha256');
  private hex: string | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The SHA-256 of the bytes seen so far; later bytes are not added once asked. */
  digest(): string {
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

/** Lines in a csv file (a quoted cell with a line break counts twice, so this is an upper bound): the progress total, read at disk speed. */
export async function countCsvLines(filePath: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    last = chunk[chunk.length - 1]!;
  }
  return last === 0x0a ? lines : lines + 1;
}

const cell = (text: string): string | null => {
  const t = text.trim();
  return t === '' ? null : t;
};

/** An incremental RFC 4180 parser: lines without quotes are split directly (the common case, fast); quoted records are walked character by character. */
export class CsvParser {
  private buffer = '';
  private row = 0;
  private sep: string | null = null;

  push(text: string, final: boolean): RawRecord[] {
    this.buffer += text;
    const out: RawRecord[] = [];
    const buf = this.buffer;
    if (this.sep === null) {
      const firstEnd = buf.indexOf('\n');
      if (firstEnd === -1 && !final) return out;
      const first = buf.slice(0, firstEnd === -1 ? buf.length : firstEnd);
      this.sep = (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? '\t' : ',';
    }
    const sep = this.sep;
    let pos = 0;
    // Found once and moved on only when passed: searching from every line would rescan the rest of the chunk each time.
    let quote = buf.indexOf('"');
    while (pos < buf.length) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = buf.length;
      }
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote === -1 || quote > nl) {
        const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const line = buf.slice(pos, end);
        this.row++;
        if (line.length > 0) out.push({ row: this.row, values: line.split(sep).map(cell) });
        pos = nl + 1;
        continue;
      }
      const parsed = this.quoted(buf, pos, sep, final);
      if (!parsed) break;
      this.row++;
      if (parsed.values.some((v) => v !== null)) out.push({ row: this.row, values: parsed.values });
      pos = parsed.next;
    }
    this.buffer = buf.slice(pos);
    return out;
  }

  /** One record that has quotes in it, from `start`; null when it runs past the text read so far. */
  private quoted(buf: string, start: number, sep: string, final: boolean): { values: CellValue[]; next: number } | null {
    const values: CellValue[] = [];
    let value = '';
    let quoted = false;
    let wasQuoted = false;
    const endCell = () => {
      values.push(wasQuoted ? (value === '' ? null : value) : cell(value));
      value = '';
      wasQuoted = false;
    };
    for (let i = start; i < buf.length; i++) {
      const c = buf[i]!;
      if (quoted) {
        if (c === '"') {
          if (i + 1 >= buf.length && !final) return null;
          if (buf[i + 1] === '"') {
            value += '"';
            i++;
          } else quoted = false;
        } else value += c;
      } else if (c === '"' && value.trim() === '') {
        quoted = true;
        wasQuoted = true;
        value = '';
      } else if (c === sep) endCell();
      else if (c === '\n') {
        endCell();
        return { values, next: i + 1 };
      } else if (c !== '\r' || buf[i + 1] !== '\n') value += c;
    }
    if (!final) return null;
    endCell();
    return { values, next: buf.length };
  }
}

/** UTF-8 (with or without BOM) unless the first bytes are not valid UTF-8: then GB18030, what Excel in a Chinese locale saves as "CSV". */
function encodingOf(head: Buffer): 'utf-8' | 'gb18030' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export async function* csvRecords(source: AsyncIterable<Buffer>): AsyncGenerator<RawRecord[]> {
  const parser = new CsvParser();
  let decoder: TextDecoder | null = null;
  for await (const chunk of source) {
    decoder ??= new TextDecoder(encodingOf(chunk.subarray(0, 1 << 16)), { ignoreBOM: false });
    const records = parser.push(decoder.decode(chunk, { stream: true }), false);
    if (records.length) yield records;
  }
  const rest = parser.push(decoder ? decoder.decode() : '', true);
  if (rest.length) yield rest;
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) reduced to plain values. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return plainValue(value.text as ExcelJS.CellValue);
  return null;
}

const XLSX_BATCH = 1000;

/** The first worksheet's rows, streamed (shared strings cached; styles read so that date cells come back as dates). */
export async function* xlsxRecords(source: NodeJS.ReadableStream): AsyncGenerator<RawRecord[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source as never, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let batch: RawRecord[] = [];
  let sheets = 0;
  for await (const worksheet of reader) {
    // Later sheets are read through (the zip is one stream) but not imported.
    const first = sheets++ === 0;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (!first) continue;
      const raw = row.values as ExcelJS.CellValue[];
      const values: CellValue[] = [];
      for (let col = 1; col < raw.length; col++) values.push(plainValue(raw[col]));
      if (values.some((v) => v !== null)) batch.push({ row: row.number, values });
      if (batch.length >= XLSX_BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}
