// Reads at scale: on a data directory seeded with N synthetic appeals (default 1,000,000), the staff queue, the yearly KPI query by department and the supervision scan. Prints JSON.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { Kysely, PostgresDialect } from 'kysely';
import { databaseUrl, log, login, machine, option, request, root, runQinqing, startServer, summary } from './lib/harness.mjs';

register();
const { listAppeals } = await import('../src/server/domains/appeals/appeal.repository.ts');
const { appealScopeFor } = await import('../src/server/domains/appeals/appeal.access.ts');
const { computeAppealKpis } = await import('../src/server/domains/appeals/kpi/appeal-kpis.ts');
const { runSupervisionScan } = await import('../src/server/domains/appeals/supervision/supervision-scan.ts');
const { systemClock } = await import('../src/server/platform/clock.ts');
// The server's own pool settings, among them DATE columns as 'YYYY-MM-DD' strings (the calendar relies on it).
const { openPool } = await import('../src/server/db/database.ts');
const { silentLogger } = await import('../src/server/platform/logger.ts');

const appeals = Number(option('appeals', 1_000_000));
const seed = Number(option('seed', 1));
const label = appeals >= 1_000_000 && appeals % 1_000_000 === 0 ? `${appeals / 1_000_000}m` : appeals >= 1000 && appeals % 1000 === 0 ? `${appeals / 1000}k` : String(appeals);
const dataDir = path.resolve(option('data-dir', path.join(root, 'bench', `.data-${label}`)));
const port = Number(option('port', 3211));
const requests = Number(option('requests', 200));
const kpiRuns = Number(option('kpi-runs', 10));
const maxScanRuns = Number(option('scan-runs', 300));
const explainAlways = process.argv.includes('--explain');
const targets = { queueP95Ms: 50, kpiMs: 500, scanMs: 1000 };

/** Seeds the directory once (demo city + N appeals); later runs reuse it, recognised by its marker file. */
async function ensureSeeded() {
  const marker = path.join(dataDir, 'bench-seed.json');
  if (fs.existsSync(marker)) {
    const seeded = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (seeded.appeals !== appeals || seeded.seed !== seed) throw new Error(`${dataDir} holds ${seeded.appeals} appeals (seed ${seeded.seed}); remove it or pass --data-dir`);
    log(`reusing ${dataDir} (${seeded.appeals} appeals seeded ${seeded.seededAt})`);
    return { reused: true, ...seeded };
  }
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) throw new Error(`${dataDir} exists without ${path.basename(marker)} (an interrupted seed?): remove it first`);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  log(`seeding ${appeals} synthetic appeals into ${dataDir} (one-off; minutes)`);
  const started = performance.now();
  const out = await runQinqing(dataDir, ['seed', '--demo', '--synthetic-appeals', String(appeals), '--seed', String(seed)]);
  const seeded = { appeals, seed, seededAt: new Date().toISOString(), seedSeconds: Math.round((performance.now() - started) / 1000), output: out.trim().split('\n') };
  fs.writeFileSync(marker, JSON.stringify(seeded, null, 2));
  return { reused: false, ...seeded };
}

/** Runs `work` against a Kysely that records its statements, then EXPLAIN (ANALYZE, BUFFERS) of the slowest one: where a missed target's time goes. */
async function explainSlowest(pool, work) {
  const captured = [];
  const db = new Kysely({ dialect: new PostgresDialect({ pool }), log: (e) => e.level === 'query' && captured.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis }) });
  await work(db);
  const slowest = captured.sort((a, b) => b.ms - a.ms)[0];
  if (!slowest) return null;
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.sql}`, slowest.parameters);
  return { ms: Math.round(slowest.ms * 10) / 10, sql: slowest.sql.replace(/\s+/g, ' ').slice(0, 600), plan: rows.map((r) => r['QUERY PLAN']) };
}

async function actorOf(db, username) {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, displayName: u.display_name, roles: u.roles, orgUnitId: u.org_unit_id, enterpriseId: u.enterprise_id, sessionId: null, tokenId: null };
}

async function timed(times, fn) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return summary(samples);
}

const seeding = await ensureSeeded();
// Web only: the worker's own supervision timer would run beside the measured scan.
log(`starting qinqing (web only) on port ${port}`);
const server = await startServer(dataDir, { port, roles: 'web' });
const { db, pool } = openPool(databaseUrl(dataDir), 4);
let result;
try {
  const { rows: sizes } = await pool.query(
    `SELECT (SELECT count(*) FROM appeals)::int AS appeals, (SELECT count(*) FROM appeal_events)::int AS events,
            (SELECT count(*) FROM appeals WHERE status IN ('assigned','signed','paused','reopened'))::int AS "inDepartments",
            pg_size_pretty(pg_total_relation_size('appeals')) AS "appealsSize", pg_size_pretty(pg_total_relation_size('appeal_events')) AS "eventsSize"`,
  );
  log(`database: ${JSON.stringify(sizes[0])}`);
  const now = systemClock.now();

  // 1. The staff queue: one department's open appeals by nearest deadline, as handler-zjj sees it.
  const handler = await actorOf(db, 'handler-zjj');
  const cookie = await login(server.url, 'handler-zjj');
  const queuePath = '/api/v1/appeals?queue=mine&sort=deadline';
  const first = await request(server.url, 'GET', queuePath, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`GET ${queuePath} → ${first.status} ${first.text.slice(0, 200)}`);
  for (let i = 0; i < 10; i++) await request(server.url, 'GET', queuePath, { headers: { cookie } });
  log(`staff queue over HTTP: ${requests} requests (${first.json.total} appeals in the queue)`);
  const queueHttp = await timed(requests, async () => {
    const res = await request(server.url, 'GET', queuePath, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`queue → ${res.status}`);
  });
  const queueQuery = { page: 1, pageSize: 20, queue: 'mine', sort: 'deadline' };
  log('staff queue through listAppeals');
  const queueDirect = await timed(requests, async () => listAppeals(db, handler, await appealScopeFor(db, handler), queueQuery, systemClock.now()));

  // 2. KPIs of the last full year by department, for the whole city (the leader's view).
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear() - 1;
  const kpiQuery = { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'department' };
  log(`KPIs ${year} by department: ${kpiRuns} runs`);
  await computeAppealKpis(db, { kind: 'all' }, kpiQuery, now);
  const kpiSamples = [];
  let kpiRows = 0;
  for (let i = 0; i < kpiRuns; i++) {
    const started = performance.now();
    kpiRows = (await computeAppealKpis(db, { kind: 'all' }, kpiQuery, systemClock.now())).length;
    kpiSamples.push(performance.now() - started);
  }
  const kpi = summary(kpiSamples);
  const leaderCookie = await login(server.url, 'leader');
  const kpiHttp = await timed(Math.min(kpiRuns, 5), async () => {
    const res = await request(server.url, 'GET', `/api/v1/kpis/appeals?from=${kpiQuery.from}&to=${kpiQuery.to}&groupBy=department`, { headers: { cookie: leaderCookie } });
    if (res.status !== 200) throw new Error(`kpis → ${res.status} ${res.text.slice(0, 200)}`);
  });

  // 3. The supervision scan: the first run here works on a backlog (nothing was scanned while seeding), later runs on what is new.
  log('supervision scan until the backlog is worked off');
  const scanDeps = { db, clock: systemClock, log: silentLogger };
  const runs = [];
  const totals = { warned: 0, registered: 0, escalated: 0, resolved: 0 };
  for (let i = 0; i < maxScanRuns; i++) {
    const started = performance.now();
    const r = await runSupervisionScan(scanDeps);
    runs.push(performance.now() - started);
    for (const k of Object.keys(totals)) totals[k] += r[k];
    if (!r.more) break;
  }
  const steady = await timed(5, () => runSupervisionScan(scanDeps));
  const scan = { firstRunMs: Math.round(runs[0]), backlogRuns: runs.length, backlogRunMs: summary(runs), steadyRunMs: steady, raised: totals, backlogCleared: runs.length < maxScanRuns };

  const meets = { queue: queueHttp.p95 <= targets.queueP95Ms, kpi: kpi.p50 <= targets.kpiMs, scan: Math.max(scan.backlogRunMs.max, steady.max) <= targets.scanMs };
  const explain = {};
  if (explainAlways || !meets.queue) explain.queue = await explainSlowest(pool, async (x) => listAppeals(x, handler, await appealScopeFor(x, handler), queueQuery, systemClock.now()));
  if (explainAlways || !meets.kpi) explain.kpi = await explainSlowest(pool, (x) => computeAppealKpis(x, { kind: 'all' }, kpiQuery, systemClock.now()));
  if (explainAlways || !meets.scan) explain.scan = await explainSlowest(pool, (x) => runSupervisionScan({ db: x, clock: systemClock, log: silentLogger }));

  result = {
    benchmark: 'appeals-queries',
    at: new Date().toISOString(),
    dataDir: path.relative(root, dataDir),
    seeding,
    database: sizes[0],
    staffQueue: { request: `GET ${queuePath} as handler-zjj`, inQueue: first.json.total, httpMs: queueHttp, listAppealsMs: queueDirect },
    kpi: { query: `computeAppealKpis(all, ${kpiQuery.from}..${kpiQuery.to}, by department)`, rows: kpiRows, ms: kpi, httpMs: kpiHttp },
    supervisionScan: scan,
    targets,
    meets,
    explain,
    machine: machine(),
  };
} finally {
  await db.destroy();
  await server.stop();
}
console.log(JSON.stringify(result, null, 2));
