// The dependencies main.ts wires once; each use case names the few it needs from here.
import type { Config } from './env.ts';
import type { Db } from './db/database.ts';
import type { Clock } from './platform/clock.ts';
import type { PasswordHasher } from './platform/crypto.ts';
import type { Logger } from './platform/logger.ts';
import type { JobQueue } from './jobs/queue.ts';

export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  log: Logger;
  /** Absent in processes started without the queue (some tests, one-shot CLI commands). */
  jobs: JobQueue | null;
}
