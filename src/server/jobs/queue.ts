// The job queue on PostgreSQL (pg-boss): web processes only send; worker processes also run handlers and cron schedules, once across all processes.
import PgBoss from 'pg-boss';
import type { Logger } from '../platform/logger.ts';

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron in Asia/Shanghai, for timers; pg-boss fires each slot once however many workers run. */
  cron?: string;
  retryLimit?: number;
  handle(data: T): Promise<void>;
}

export interface JobQueue {
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  stop(): Promise<void>;
  boss: PgBoss;
}

export async function startJobQueue(options: {
  url: string;
  log: Logger;
  runWorkers: boolean;
  definitions: readonly JobDefinition<never>[];
  pollingIntervalSeconds?: number;
}): Promise<JobQueue> {
  const { log } = options;
  const boss = new PgBoss({
    connectionString: options.url,
    schema: 'pgboss',
    max: 4,
    application_name: 'qinqing-jobs',
    // Only workers maintain the queue and watch cron; a web-only process just inserts jobs.
    supervise: options.runWorkers,
    schedule: options.runWorkers,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const def of options.definitions) {
    await boss.createQueue(def.name, { name: def.name, retryLimit: def.retryLimit ?? 3, retryBackoff: true });
  }
  if (options.runWorkers) {
    for (const def of options.definitions) {
      await boss.work(def.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          const started = Date.now();
          try {
            await def.handle(job.data as never);
            log.info({ job: def.name, id: job.id, ms: Date.now() - started }, 'job done');
          } catch (error) {
            log.error({ err: error, job: def.name, id: job.id }, 'job failed');
            throw error;
          }
        }
      });
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    }
  }
  return {
    boss,
    send: (name, data, sendOptions) => boss.send(name, data, sendOptions ?? {}),
    stop: async () => {
      // stop() can resolve before pg-boss has closed its own pool; the database must outlive that pool.
      const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 12_000).unref())]);
    },
  };
}
