// Shared by the appeals benchmarks: start `qinqing` on a data directory, log in, time HTTP calls with keep-alive, percentiles, the machine.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const qinqingBin = path.join(root, 'bin/qinqing.js');

export const log = (...parts) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);

/** Runs `qinqing <args>` to completion on a data directory (stderr passed through, so progress bars show). */
export function runQinqing(dataDir, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [qinqingBin, ...args], {
      cwd: root,
      env: { ...process.env, QINQING_DATA_DIR: dataDir, QINQING_LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`qinqing ${args.join(' ')} exited ${code}\n${out}`))));
  });
}

/** `qinqing start --demo` on the data directory; resolves once /readyz answers 200. BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof) go to the server's node. */
export async function startServer(dataDir, { port, roles = 'web,worker' }) {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, qinqingBin, 'start', '--demo', '--port', String(port), '--roles', roles], {
    cwd: root,
    env: { ...process.env, QINQING_DATA_DIR: dataDir, QINQING_LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    if (Date.now() - started > 300_000) throw new Error('server not ready after 5 minutes');
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The URL of the embedded PostgreSQL that a running Qinqing process owns for this data directory. */
export function databaseUrl(dataDir) {
  const { user, password } = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8'));
  const { port } = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-owner.json'), 'utf8'));
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/qinqing`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request over a kept-alive connection: status, parsed body and milliseconds. */
export function request(baseUrl, method, pathname, { body, headers = {} } = {}) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const url = new URL(pathname, baseUrl);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {}
          resolve({ status: res.statusCode, headers: res.headers, json, text, ms });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function login(baseUrl, username, password = 'qinqing-demo') {
  const res = await request(baseUrl, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  const cookie = [res.headers['set-cookie']].flat().find((c) => c.startsWith('qinqing_session='));
  return cookie.split(';')[0];
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x) => (x === null ? null : Math.round(x * 100) / 100);

export function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { n: sorted.length, min: round(sorted[0] ?? null), p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? null), mean: round(mean) };
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  const env = process.env[name.toUpperCase().replace(/-/g, '_')];
  return env ?? fallback;
}

/** CPU seconds (user + system) so far of each live process in the tree under `rootPid`, the root included (Linux /proc). */
export function processesOfTree(rootPid) {
  const tick = 100; // USER_HZ on Linux
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick, system: Number(fields[12]) / tick, name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')) });
    } catch {}
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = stats.get(p)?.ppid ?? 0) if (p === rootPid) return true;
    return false;
  };
  return [...stats].filter(([pid]) => inTree(pid)).map(([pid, s]) => ({ pid, ...s }));
}

/** CPU seconds used so far by a process (`own`) and by all its live descendants together, and the kernel's part of each (`…System`). */
export function cpuSecondsOfTree(rootPid) {
  let own = 0;
  let descendants = 0;
  let ownSystem = 0;
  let descendantsSystem = 0;
  for (const p of processesOfTree(rootPid)) {
    if (p.pid === rootPid) {
      own = p.cpu;
      ownSystem = p.system;
    } else {
      descendants += p.cpu;
      descendantsSystem += p.system;
    }
  }
  return { own, descendants, ownSystem, descendantsSystem };
}
