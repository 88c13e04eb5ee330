// The HTTP app on a fresh copy of the demo database, with helpers to log in as a demo user and call the API (route-tier tests).
import os from 'node:os';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { loadConfig } from '../../src/server/env.ts';
import type { Deps } from '../../src/server/deps.ts';
import { buildHttpApp } from '../../src/server/http.ts';
import { systemClock, type Clock } from '../../src/server/platform/clock.ts';
import { argon2Hasher } from '../../src/server/platform/crypto.ts';
import { silentLogger } from '../../src/server/platform/logger.ts';
import { createTestDatabase } from './database.ts';

export const DEMO_PASSWORD = 'qinqing-demo';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  /** Logs in and returns the cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** Calls the API as the holder of `cookie` (or anonymously). */
  call(method: string, url: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export async function createTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig(
    { NODE_ENV: 'test', QINQING_DEMO: 'true', QINQING_LOG_LEVEL: 'silent', QINQING_DATA_DIR: os.tmpdir(), QINQING_WEB_DIR: '/nonexistent', ...options.env },
    {},
  );
  const deps: Deps = { config, db: database.db, clock: options.clock ?? systemClock, hasher: argon2Hasher, log: silentLogger, jobs: null };
  const app = await buildHttpApp(deps);
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const call: TestApp['call'] = (method, url, opts = {}) =>
    app.inject({
      method: method as never,
      url,
      headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
      ...(opts.body !== undefined ? { payload: opts.body as never } : {}),
    });
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const response = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'qinqing_session');
    return `qinqing_session=${cookie!.value}`;
  };
  return { app, deps, login, call };
}
