// Two worker processes on one database: every job runs exactly once, and a timer registered by both exists once.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { silentLogger } from '../platform/logger.ts';
import { startJobQueue, type JobDefinition, type JobQueue } from './queue.ts';

describe('job queue with several processes', () => {
  const queues: JobQueue[] = [];
  afterAll(async () => {
    for (const q of queues) await q.stop();
  });

  it('runs each job once across two workers and keeps one schedule per timer', async () => {
    const database = await createTestDatabase();
    const runs: { worker: string; n: number }[] = [];
    const definition = (worker: string): JobDefinition<{ n: number }> => ({
      name: 'test-once',
      cron: '0 9 * * *',
      handle: async (data) => {
        runs.push({ worker, n: data.n });
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    const a = await startJobQueue({ url: database.url, log: silentLogger, runWorkers: true, definitions: [definition('a') as JobDefinition<never>], pollingIntervalSeconds: 0.5 });
    queues.push(a);
    const b = await startJobQueue({ url: database.url, log: silentLogger, runWorkers: true, definitions: [definition('b') as JobDefinition<never>], pollingIntervalSeconds: 0.5 });
    queues.push(b);
    for (let n = 0; n < 30; n++) await (n % 2 ? a : b).send('test-once', { n });
    const deadline = Date.now() + 20_000;
    while (runs.length < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toHaveLength(30);
    expect(new Set(runs.map((r) => r.n)).size).toBe(30);
    expect(new Set(runs.map((r) => r.worker)).size).toBe(2);
    const schedules = await a.boss.getSchedules();
    expect(schedules.filter((s) => s.name === 'test-once')).toHaveLength(1);
    await database.close();
  });
});
