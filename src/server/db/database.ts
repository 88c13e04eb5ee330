// Opens the database: the embedded PostgreSQL under the data directory, or DATABASE_URL; one Kysely instance per process.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../env.ts';
import type { Logger } from '../platform/logger.ts';
import { startEmbeddedDatabase } from './embedded.ts';
import type { Database } from './schema.ts';

// DATE columns are business dates (Asia/Shanghai), kept as 'YYYY-MM-DD' strings, never shifted through a JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

const pools = new WeakMap<Db, pg.Pool>();

/** The pg pool behind a database opened here: for the few paths that speak to a connection directly (batched intake). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this database was not opened through openPool');
  return pool;
}

export function openPool(url: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'qinqing' });
  // An idle client losing its connection (database restart) must not crash the process; the pool replaces it.
  pool.on('error', (error) => process.emitWarning(`idle database connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return { db, pool };
}

async function ensureDatabaseExists(serverUrl: (name: string) => string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(config: Config, log: Logger): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const { db, pool } = openPool(config.databaseUrl);
    return { db, pool, url: config.databaseUrl, close: () => db.destroy() };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedDbPort, log });
  try {
    await ensureDatabaseExists(embedded.url, 'qinqing');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const url = embedded.url('qinqing');
  const { db, pool } = openPool(url);
  return {
    db,
    pool,
    url,
    close: async () => {
      await db.destroy();
      await embedded.stop();
    },
  };
}
