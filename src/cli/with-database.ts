// Config for CLI commands, and a one-shot database session (embedded or DATABASE_URL) that is always closed.
import { ConfigError, loadConfig, type Config } from '../server/env.ts';
import { createLogger } from '../server/platform/logger.ts';
import { prepare } from '../server/main.ts';
import type { Deps } from '../server/deps.ts';

export function config(overrides: Parameters<typeof loadConfig>[1] = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Runs a one-shot command against the database (embedded or DATABASE_URL), closing it afterwards; logs stay quiet unless asked. */
export async function withDatabase<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const cfg = config({ QINQING_LOG_LEVEL: process.env.QINQING_LOG_LEVEL ?? 'warn' });
  const log = createLogger(cfg.logLevel);
  const { handle, deps } = await prepare(cfg, log);
  try {
    return await work(deps);
  } finally {
    await handle.close();
  }
}

