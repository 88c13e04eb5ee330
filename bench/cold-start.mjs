// Measures how long `qinqing start --demo` takes to answer /readyz: on a fresh data directory (initdb, migrations, calendar, demo city) and on an existing one. Prints JSON.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.RUNS ?? 3);
const port = Number(process.env.BENCH_PORT ?? 3200);

async function startOnce(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/qinqing.js'), 'start', '--demo', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, QINQING_DATA_DIR: dataDir, QINQING_LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  return Math.round(ms);
}

const fresh = [];
const existing = [];
for (let i = 0; i < runs; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinqing-bench-'));
  fs.chmodSync(dataDir, 0o755);
  fresh.push(await startOnce(dataDir));
  existing.push(await startOnce(dataDir));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ benchmark: 'cold-start', runs, freshDataDirMs: { median: median(fresh), all: fresh }, existingDataDirMs: { median: median(existing), all: existing }, node: process.version }, null, 2));
