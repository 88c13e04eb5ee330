// Vitest global setup: one PostgreSQL per run (embedded, or DATABASE_URL's server), a template database migrated and loaded with the demo city once.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/server/db/embedded.ts';
import { openPool } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrator.ts';
import { seedCalendar } from '../src/server/domains/calendar/seed-calendar.ts';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { argon2Hasher } from '../src/server/platform/crypto.ts';
import { silentLogger } from '../src/server/platform/logger.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrlTemplate: string;
    templateDatabase: string;
    runId: string;
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const runId = crypto.randomBytes(4).toString('hex');
  let embedded: EmbeddedDatabase | null = null;
  let tmpDir: string | null = null;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'qinqing-test-'));
    await fs.chmod(tmpDir, 0o755);
    embedded = await startEmbeddedDatabase({ dataDir: tmpDir, log: silentLogger });
    serverUrl = embedded.url('postgres');
  }
  const template = `qq_template_${runId}`;
  await admin(serverUrl, `CREATE DATABASE ${template}`);
  const { db } = openPool(withDatabase(serverUrl, template), 2);
  await migrateToLatest(db);
  await seedCalendar(db, systemClock);
  await seedDemo({ db, clock: systemClock, hasher: argon2Hasher, log: silentLogger });
  await db.destroy();

  project.provide('serverUrlTemplate', serverUrl);
  project.provide('templateDatabase', template);
  project.provide('runId', runId);

  return async () => {
    if (embedded) {
      await embedded.stop();
      await fs.rm(tmpDir!, { recursive: true, force: true });
      return;
    }
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`qq_%_${runId}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    await client.end();
  };
}
