// Config parsing: defaults, overrides, and one message listing every bad variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, demo: false, host: '0.0.0.0', roles: ['web', 'worker'], databaseUrl: undefined });
    expect(config.dataDir).toMatch(/data$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('binds to localhost in demo mode and takes CLI overrides over the environment', () => {
    const config = loadConfig({ PORT: '8080' }, { QINQING_DEMO: 'true', PORT: '3100', QINQING_ROLES: 'worker' });
    expect(config).toMatchObject({ port: 3100, demo: true, host: '127.0.0.1', roles: ['worker'] });
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', QINQING_ROLES: 'web,cron', QINQING_DEMO: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'QINQING_ROLES', 'QINQING_DEMO']) expect(problems).toContain(name);
    }
  });
});
