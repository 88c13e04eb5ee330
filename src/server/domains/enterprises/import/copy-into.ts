// COPY … FROM STDIN on a Kysely connection or transaction: pg accepts a "submittable" in place of SQL text, and awaiting it (a thenable) waits for the server.
import { Buffer } from 'node:buffer';
import { CompiledQuery, createQueryId } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';

/** The protocol side of COPY FROM STDIN that pg drives (the hooks pg-copy-streams uses). */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 1 << 20;

/**
 * Kysely hands `compiled.sql` to `pg.Client#query`, which runs any object with `submit()` as a submittable and returns it;
 * Kysely then awaits it, so the object is also a thenable that settles on ReadyForQuery. The rows go on the executor's own
 * connection, so a COPY inside a transaction is part of it.
 */
export async function copyInto(db: Executor, table: string, columns: readonly string[], data: Buffer): Promise<void> {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const statement = `COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`;
  let settle: { resolve: (v: unknown) => void; reject: (e: unknown) => void } | null = null;
  const done = new Promise((resolve, reject) => (settle = { resolve, reject }));
  let failure: unknown = null;
  const submittable = {
    submit: (connection: PgConnection) => connection.query(statement),
    handleCopyInResponse: (connection: PgConnection) => {
      for (let at = 0; at < data.length; at += CHUNK) connection.sendCopyFromChunk(data.subarray(at, at + CHUNK));
      connection.endCopyFrom();
    },
    handleError: (error: unknown) => {
      failure = error;
    },
    handleReadyForQuery: () => (failure ? settle!.reject(failure) : settle!.resolve({ command: 'COPY', rowCount: 0, rows: [] })),
    handleCommandComplete: () => undefined,
    handleRowDescription: () => undefined,
    handleDataRow: () => undefined,
    handleEmptyQuery: () => undefined,
    handleCopyData: () => undefined,
    then: (onFulfilled: (v: unknown) => unknown, onRejected: (e: unknown) => unknown) => done.then(onFulfilled, onRejected),
  };
  const compiled = { ...CompiledQuery.raw('COPY'), sql: submittable as unknown as string, queryId: createQueryId() };
  await db.executeQuery(compiled);
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (s: string): string => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => escapes[c]!) : s);
const arrayElement = (x: string): string => `"${x.replace(/["\\]/g, (m) => `\\${m}`)}"`;

/** One value in COPY text format: \N for null, t/f, text[] literals. */
export function copyField(v: string | number | boolean | null | undefined | readonly string[]): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return escapeText(`{${v.map(arrayElement).join(',')}}`);
}

/** Rows as COPY text, written into one growing buffer. */
export class CopyBuffer {
  private buf = Buffer.allocUnsafe(1 << 20);
  private pos = 0;
  rows = 0;

  add(fields: ReadonlyArray<string | number | boolean | null | undefined | readonly string[]>): void {
    for (let i = 0; i < fields.length; i++) {
      const text = copyField(fields[i]);
      const need = this.pos + text.length * 3 + 2;
      if (need > this.buf.length) {
        const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, need));
        this.buf.copy(bigger, 0, 0, this.pos);
        this.buf = bigger;
      }
      if (i > 0) this.buf[this.pos++] = 0x09;
      this.pos += this.buf.write(text, this.pos);
    }
    this.buf[this.pos++] = 0x0a;
    this.rows++;
  }

  data(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
