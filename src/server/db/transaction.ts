// inTransaction: joins the caller's transaction when there is one, so a use case and its audit event (and an idempotency key) commit together.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

/** Each transaction opened here → the database it belongs to, so per-database caches can serve code that holds a transaction. */
const roots = new WeakMap<Transaction<Database>, Kysely<Database>>();

export function inTransaction<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute((trx) => {
    roots.set(trx, db);
    return work(trx);
  });
}

/**
 * The database (pool) behind an executor. Caches key on it; whatever they load is still read through the caller's
 * executor, because asking the pool for a second connection while holding one deadlocks once every connection is held.
 */
export function rootDatabase(db: Executor): Kysely<Database> {
  return db.isTransaction ? (roots.get(db as Transaction<Database>) ?? db) : db;
}

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
};
