// Intake throughput: 16 concurrent clients POST /api/v1/appeals over loopback, beside 16 `pg` clients inserting an equal row into a copy of the table, in one run. Prints JSON.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cpuSecondsOfTree, databaseUrl, log, login, machine, option, request, startServer, summary } from './lib/harness.mjs';
import { HttpConnection } from './lib/http-connection.mjs';

const concurrency = Number(option('concurrency', 16));
const seconds = Number(option('seconds', 20));
const warmup = Number(option('warmup', 5));
const port = Number(option('port', 3210));
const keep = process.argv.includes('--keep');
// Rounds of (HTTP, then plain INSERT) in one run: on a noisy VM the two rates drift together, so each round's ratio is
// taken from phases measured seconds apart, and the median over rounds is the figure to report.
const rounds = Math.max(1, Number(option('rounds', 1)));
const TARGET_RATIO = 0.3;
const TARGET_P99_MS = 50;

const contents = [
  '我司位于织里镇童装产业园，主要从事童装生产加工，现有员工约120人。新建厂房已竣工，天然气管道距厂区仅约300米，多次联系燃气公司未有答复，希望相关部门帮助协调，明确办理时限。',
  '近两周以来厂区已停电3次，每次停电造成生产线停工，损失约20万元。恳请协调供电公司尽快排查线路，保障正常生产。',
];

/** Runs `work` on `concurrency` loops for warm-up + measured seconds; keeps the latencies of calls that started and ended inside the measured window. */
async function load(work) {
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const stopAt = measureFrom + seconds * 1000;
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const loop = async (worker) => {
    for (let i = 0; performance.now() < stopAt; i++) {
      const began = performance.now();
      try {
        await work(worker, i);
        const ended = performance.now();
        if (began >= measureFrom && ended <= stopAt) latencies.push(ended - began);
      } catch (error) {
        errors++;
        firstError ??= String(error?.message ?? error);
        if (errors > 100) throw new Error(`too many errors; first: ${firstError}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => loop(w)));
  return { perSecond: Math.round((latencies.length / seconds) * 10) / 10, latencyMs: summary(latencies), errors, firstError };
}

/**
 * What the server's database sessions are doing during the HTTP run, sampled every 100 ms: shares of active sessions per wait
 * (Lock:advisory = waiting for the audit chain, IO:WalSync = commit flush, CPU = running). Says where the time goes when a target is missed.
 */
async function sampleWaits(url, ms) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map();
  let samples = 0;
  const until = Date.now() + ms;
  const run = async () => {
    while (Date.now() < until) {
      const { rows } = await client.query(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1`,
      );
      samples++;
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
    return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, n]) => [w, Math.round((n / samples) * 100) / 100]));
  };
  return run();
}

/** Counters of the server's database (pg_stat_database, refreshed per call) and the number of appeals: their difference per appeal says how much work one intake does. */
async function databaseWork(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query(
      `SELECT xact_commit + xact_rollback AS transactions, tup_inserted AS "rowsInserted", tup_updated AS "rowsUpdated", tup_fetched AS "rowsFetched", blks_hit AS "blocksHit",
              (SELECT count(*) FROM appeals) AS appeals FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  } finally {
    await client.end();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinqing-bench-intake-'));
fs.chmodSync(dataDir, 0o755);
log(`data dir ${dataDir}; starting qinqing on port ${port}`);
const server = await startServer(dataDir, { port });
let result;
try {
  const cookie = await login(server.url, 'enterprise');
  // Each client keeps its own connection (bench/lib/http-connection.mjs: a lean keep-alive client, so the load generator
  // takes little of the two cores); the probe goes through the ordinary client and checks the answer in full.
  let connections = Array.from({ length: concurrency }, () => new HttpConnection(server.url));
  const appealBody = (worker, i) => ({ title: `厂区用气报装进度咨询（${worker}-${i}）`, content: contents[Math.abs(i) % 2], channel: 'web', category: 'utilities', contactName: '王经理', contactPhone: '13857201234' });
  const post = async (worker, i) => {
    if (worker < 0) {
      const res = await request(server.url, 'POST', '/api/v1/appeals', { headers: { cookie, 'idempotency-key': crypto.randomUUID() }, body: appealBody(worker, i) });
      if (res.status !== 201 || !res.json?.number) throw new Error(`POST /api/v1/appeals → ${res.status} ${res.text.slice(0, 200)}`);
      return res;
    }
    const res = await connections[worker].request('POST', '/api/v1/appeals', { headers: { cookie, 'idempotency-key': crypto.randomUUID() }, body: appealBody(worker, i) });
    if (res.status !== 201) throw new Error(`POST /api/v1/appeals → ${res.status} ${res.text.slice(0, 200)}`);
    return res;
  };
  const probe = await post(-1, 0);
  log(`intake works (${probe.json.number}); ${warmup} s warm-up, ${seconds} s measured, ${concurrency} clients over HTTP`);
  const before = await databaseWork(databaseUrl(dataDir));
  const waits = sampleWaits(databaseUrl(dataDir), (warmup + seconds) * 1000);
  const cpuBefore = { ...cpuSecondsOfTree(server.pid), client: process.cpuUsage() };
  const httpRun = await load(post);
  for (const c of connections) c.close();
  const cpuAfter = { ...cpuSecondsOfTree(server.pid), client: process.cpuUsage() };
  const databaseWaits = await waits;
  const after = await databaseWork(databaseUrl(dataDir));
  const appealsMade = after.appeals - before.appeals;
  const perAppeal = Object.fromEntries(['transactions', 'rowsInserted', 'rowsUpdated', 'rowsFetched', 'blocksHit'].map((k) => [k, Math.round(((after[k] - before[k]) / appealsMade) * 10) / 10]));
  // CPU milliseconds per appeal: the server's node process, the embedded PostgreSQL it started (all its processes), and this client.
  const msPer = (seconds) => Math.round(((seconds * 1000) / appealsMade) * 100) / 100;
  const clientCpu = (cpuAfter.client.user + cpuAfter.client.system - cpuBefore.client.user - cpuBefore.client.system) / 1e6;
  const cpuMsPerAppeal = {
    server: msPer(cpuAfter.own - cpuBefore.own),
    database: msPer(cpuAfter.descendants - cpuBefore.descendants),
    client: msPer(clientCpu),
    // The kernel's share (system time: sockets, fsync) of the first two.
    serverSystem: msPer(cpuAfter.ownSystem - cpuBefore.ownSystem),
    databaseSystem: msPer(cpuAfter.descendantsSystem - cpuBefore.descendantsSystem),
  };
  log(`http: ${httpRun.perSecond} appeals/s, p99 ${httpRun.latencyMs.p99} ms`);

  // The same row as intake writes (an appeal it just created, with a new number), into a copy of the table with every index and check but no foreign keys.
  const pool = new pg.Pool({ connectionString: databaseUrl(dataDir), max: concurrency });
  try {
    const { rows } = await pool.query('SELECT * FROM appeals WHERE id = $1', [probe.json.id]);
    const template = Object.fromEntries(Object.entries(rows[0]).filter(([k, v]) => v !== null && k !== 'id'));
    const columns = Object.keys(template);
    const values = columns.map((c) => template[c]);
    const numberAt = columns.indexOf('number');
    const statement = `INSERT INTO bench_plain (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    const insert = async (worker, i) => {
      const row = [...values];
      row[numberAt] = `P${worker}-${i}-${crypto.randomBytes(3).toString('hex')}`;
      await pool.query(statement, row);
    };
    const plainRun = async () => {
      await pool.query('DROP TABLE IF EXISTS bench_plain');
      await pool.query('CREATE TABLE bench_plain (LIKE appeals INCLUDING ALL)');
      log(`plain INSERT of the same ${columns.length} columns through pg, ${concurrency} clients`);
      const run = await load(insert);
      await pool.query('DROP TABLE bench_plain');
      return run;
    };
    const pgRun = await plainRun();
    log(`pg: ${pgRun.perSecond} rows/s, p99 ${pgRun.latencyMs.p99} ms`);
    const roundResults = [{ appealsPerSecond: httpRun.perSecond, p99: httpRun.latencyMs.p99, rowsPerSecond: pgRun.perSecond, ratio: Math.round((httpRun.perSecond / pgRun.perSecond) * 1000) / 1000 }];
    for (let round = 2; round <= rounds; round++) {
      connections = Array.from({ length: concurrency }, () => new HttpConnection(server.url));
      const http = await load(post);
      for (const c of connections) c.close();
      const plain = await plainRun();
      roundResults.push({ appealsPerSecond: http.perSecond, p99: http.latencyMs.p99, rowsPerSecond: plain.perSecond, ratio: Math.round((http.perSecond / plain.perSecond) * 1000) / 1000 });
      log(`round ${round}: http ${http.perSecond}/s p99 ${http.latencyMs.p99} ms, pg ${plain.perSecond} rows/s`);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const ratio = Math.round((httpRun.perSecond / pgRun.perSecond) * 1000) / 1000;
    result = {
      benchmark: 'appeals-intake',
      at: new Date().toISOString(),
      concurrency,
      warmupSeconds: warmup,
      measuredSeconds: seconds,
      http: { appealsPerSecond: httpRun.perSecond, latencyMs: httpRun.latencyMs, errors: httpRun.errors, firstError: httpRun.firstError, databaseWaits, databaseWorkPerAppeal: perAppeal, cpuMsPerAppeal },
      plainInsert: { rowsPerSecond: pgRun.perSecond, latencyMs: pgRun.latencyMs, errors: pgRun.errors, columns: columns.length },
      ratio,
      ...(rounds > 1 ? { rounds: roundResults, median: { ratio: median(roundResults.map((r) => r.ratio)), p99: median(roundResults.map((r) => r.p99)) } } : {}),
      target: { ratioAtLeast: TARGET_RATIO, p99MsAtMost: TARGET_P99_MS },
      meets: { ratio: ratio >= TARGET_RATIO, p99: httpRun.latencyMs.p99 !== null && httpRun.latencyMs.p99 <= TARGET_P99_MS },
      machine: machine(),
    };
  } finally {
    await pool.end();
  }
} finally {
  await server.stop();
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result, null, 2));
