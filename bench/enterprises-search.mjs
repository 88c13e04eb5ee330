// Search at a million enterprises: GET /api/v1/enterprises over HTTP with a realistic query mix (partial names, pinyin initials, code prefixes, division subtrees, industries, tags, sizes, combinations); p50/p95 per kind and overall. Prints JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { URLSearchParams } from 'node:url';
import pg from 'pg';
import { databaseUrl, log, login, machine, option, request, root, startServer, summary } from './lib/harness.mjs';

const dataDir = path.resolve(option('data-dir', path.join(root, 'bench', '.data-enterprises-1m')));
const port = Number(option('port', 3212));
const requests = Number(option('requests', 400));
const seed = Number(option('seed', 7));
const targetP95Ms = 50;

if (!fs.existsSync(path.join(dataDir, 'bench-seed.json'))) {
  log(`${path.relative(root, dataDir)} missing: running bench/enterprises-import.mjs first (it keeps its database there)`);
  execFileSync(process.execPath, [path.join(root, 'bench/enterprises-import.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

let state = seed >>> 0 || 1;
const random = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4_294_967_296);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

log('starting qinqing (web only)');
const server = await startServer(dataDir, { port, roles: 'web' });
const pool = new pg.Pool({ connectionString: databaseUrl(dataDir), max: 2 });
let result;
try {
  const { rows: sizes } = await pool.query(`SELECT (SELECT count(*) FROM enterprises)::int AS enterprises, (SELECT count(*) FROM enterprise_tags)::int AS tags,
    pg_size_pretty(pg_total_relation_size('enterprises')) AS "enterprisesSize"`);
  log(`database: ${JSON.stringify(sizes[0])}`);
  // Real values to search for, drawn from the data itself.
  const { rows: sample } = await pool.query(`SELECT name, uscc, division_code, industry_code, name_initials FROM enterprises TABLESAMPLE SYSTEM (0.2) WHERE industry_code IS NOT NULL LIMIT 400`);
  const namePart = (name) => {
    const core = name.replace(/(有限责任公司|股份有限公司|有限公司|个人独资企业|合伙企业（有限合伙）|经营部)$/, '');
    const len = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, core.length - len));
    return core.slice(start, start + len);
  };
  const kinds = {
    'name (partial)': () => ({ q: namePart(pick(sample).name) }),
    'pinyin initials': () => ({ q: pick(sample).name_initials.split(' ')[0].slice(0, 4) }),
    'code prefix': () => ({ q: pick(sample).uscc.trim().slice(0, 8 + Math.floor(random() * 6)) }),
    'division subtree (county)': () => ({ divisionCode: pick(sample).division_code.slice(0, 6) }),
    'division subtree (city)': () => ({ divisionCode: pick(sample).division_code.slice(0, 4) }),
    'industry class': () => ({ industryCode: pick(sample).industry_code }),
    'industry division': () => ({ industryCode: pick(sample).industry_code.slice(0, 2) }),
    tag: () => ({ tag: pick(['above_scale', 'high_tech', 'tech_sme', 'specialised', 'whitelist']) }),
    size: () => ({ size: pick(['large', 'medium', 'small', 'micro']) }),
    'county + size': () => ({ divisionCode: pick(sample).division_code.slice(0, 6), size: pick(['small', 'micro', 'medium']) }),
    'industry + tag': () => ({ industryCode: pick(sample).industry_code.slice(0, 2), tag: pick(['above_scale', 'high_tech']) }),
    'name + city': () => {
      const e = pick(sample);
      return { q: namePart(e.name), divisionCode: e.division_code.slice(0, 4) };
    },
  };
  const cookie = await login(server.url, 'dispatcher');
  const url = (params) => `/api/v1/enterprises?${new URLSearchParams({ ...params, pageSize: '20' })}`;
  for (let i = 0; i < 20; i++) await request(server.url, 'GET', url(kinds[pick(Object.keys(kinds))]()), { headers: { cookie } });
  log(`${requests} searches over HTTP`);
  const perKind = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  const all = [];
  const slowest = [];
  for (let i = 0; i < requests; i++) {
    const kind = Object.keys(kinds)[i % Object.keys(kinds).length];
    const params = kinds[kind]();
    const res = await request(server.url, 'GET', url(params), { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url(params)} → ${res.status} ${res.text.slice(0, 300)}`);
    perKind[kind].push(res.ms);
    all.push(res.ms);
    slowest.push({ ms: Math.round(res.ms), kind, params, total: res.json.total });
  }
  slowest.sort((a, b) => b.ms - a.ms);
  const overall = summary(all);
  result = {
    benchmark: 'enterprises-search',
    at: new Date().toISOString(),
    dataDir: path.relative(root, dataDir),
    database: sizes[0],
    request: 'GET /api/v1/enterprises?…&pageSize=20 as dispatcher (items + total capped at 1,000)',
    httpMs: overall,
    byKind: Object.fromEntries(Object.entries(perKind).map(([k, v]) => [k, summary(v)])),
    slowest: slowest.slice(0, 8),
    targetP95Ms,
    meets: overall.p95 <= targetP95Ms,
    machine: machine(),
  };
} finally {
  await pool.end();
  await server.stop();
}
console.log(JSON.stringify(result, null, 2));
