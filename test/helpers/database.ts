// A fresh database per test file, copied from the run's migrated template (CREATE DATABASE … TEMPLATE …).
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPool, type Db } from '../../src/server/db/database.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = new URL(inject('serverUrlTemplate'));
  const name = `qq_t_${inject('runId')}_${crypto.randomBytes(4).toString('hex')}`;
  serverUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  await client.end();
  serverUrl.pathname = `/${name}`;
  const url = serverUrl.toString();
  const { db } = openPool(url, 5);
  return { db, url, close: () => db.destroy() };
}
