// Runs the real `qinqing` binary against a test database and returns its exit code and output (CLI tests).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/qinqing.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `databaseUrl` is read at each call, since test databases are made in beforeAll. */
export function qinqingCli(databaseUrl: () => string, env: Record<string, string> = {}) {
  return async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl(), QINQING_LOG_LEVEL: 'silent', ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}
