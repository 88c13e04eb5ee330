// Imports N synthetic enterprises (default 1,000,000) from csv through the real path — `qinqing enterprises import` on a fresh demo data directory — and prints JSON: seconds, rows/s, peak RSS, the 180 s target.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { log, machine, option, processesOfTree, qinqingBin, root, runQinqing } from './lib/harness.mjs';
import { makeEnterprisesCsv } from './lib/make-enterprises-csv.mjs';

const rows = Number(option('rows', 1_000_000));
const seed = Number(option('seed', 1));
const year = Number(option('year', new Date().getUTCFullYear() - 1));
const label = rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
const csvDir = path.join(root, 'bench', '.data-enterprises-csv');
const csvFile = path.resolve(option('csv', path.join(csvDir, `enterprises-${label}-seed${seed}-${year}.csv`)));
const dataDir = path.resolve(option('data-dir', path.join(root, 'bench', `.data-enterprises-import-${label}`)));
/** Where the search benchmark finds a database with these enterprises; kept from a successful run of the default size. */
const searchDir = path.join(root, 'bench', `.data-enterprises-${label}`);
const targetSeconds = 180;

/** Peak resident memory of a process (VmHWM), read while it runs. */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

if (!fs.existsSync(csvFile)) {
  fs.mkdirSync(path.dirname(csvFile), { recursive: true });
  log(`writing ${rows.toLocaleString('en-US')} synthetic enterprises to ${path.relative(root, csvFile)} (once; reused later)`);
  await makeEnterprisesCsv(csvFile, rows, { seed, year });
}
const csvBytes = fs.statSync(csvFile).size;

fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
log(`fresh data directory ${path.relative(root, dataDir)}: qinqing seed --demo`);
await runQinqing(dataDir, ['seed', '--demo']);

log(`qinqing enterprises import ${path.relative(root, csvFile)} (${(csvBytes / 2 ** 20).toFixed(0)} MB)`);
const started = performance.now();
const child = spawn(process.execPath, [qinqingBin, 'enterprises', 'import', csvFile, '--json'], {
  cwd: root,
  env: { ...process.env, QINQING_DATA_DIR: dataDir, QINQING_LOG_LEVEL: 'warn', DATABASE_URL: '', QINQING_IMPORT_TIMING: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
let peak = 0;
child.stdout.on('data', (d) => (out += d));
const cpu = new Map();
const sampler = setInterval(() => {
  peak = Math.max(peak, peakRssMb(child.pid) ?? 0);
  for (const p of processesOfTree(child.pid)) cpu.set(p.pid, { name: p.name, cpu: Math.max(cpu.get(p.pid)?.cpu ?? 0, p.cpu) });
}, 250);
const code = await new Promise((resolve) => child.once('exit', resolve));
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
// The import's own node process against the embedded PostgreSQL processes it started: on an idle two-core machine the wall
// time cannot be below any one process's CPU time, nor below half of all of it — the way to read a run made on a busy machine.
const nodeCpu = cpu.get(child.pid)?.cpu ?? 0;
const postgresCpu = [...cpu].filter(([pid]) => pid !== child.pid).reduce((sum, [, p]) => sum + p.cpu, 0);
const busiestPostgres = Math.max(0, ...[...cpu].filter(([pid]) => pid !== child.pid).map(([, p]) => p.cpu));
if (code !== 0) {
  console.error(out.slice(0, 4000));
  throw new Error(`import exited ${code}`);
}
const report = JSON.parse(out);

if (rows === 1_000_000 && !fs.existsSync(searchDir)) {
  fs.renameSync(dataDir, searchDir);
  fs.writeFileSync(path.join(searchDir, 'bench-seed.json'), JSON.stringify({ enterprises: report.created, csv: path.relative(root, csvFile), seededAt: new Date().toISOString() }, null, 2));
  log(`kept the database for bench/enterprises-search.mjs in ${path.relative(root, searchDir)}`);
} else if (!process.argv.includes('--keep')) {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const result = {
  benchmark: 'enterprises-import',
  at: new Date().toISOString(),
  command: `qinqing enterprises import ${path.relative(root, csvFile)}`,
  rows: report.total,
  csvMb: Math.round(csvBytes / 2 ** 20),
  seconds: Math.round(seconds * 10) / 10,
  useCaseSeconds: report.seconds,
  rowsPerSecond: Math.round(report.total / seconds),
  peakRssMb: peak,
  cpuSeconds: { node: Math.round(nodeCpu), postgres: Math.round(postgresCpu), busiestPostgresProcess: Math.round(busiestPostgres), idleTwoCoreLowerBound: Math.round(Math.max(nodeCpu, busiestPostgres, (nodeCpu + postgresCpu) / 2)) },
  created: report.created,
  updated: report.updated,
  errors: report.errorCount,
  targetSeconds,
  meets: seconds <= targetSeconds && report.errorCount === 0 && report.created + report.updated + report.unchanged === rows,
  machine: machine(),
};
console.log(JSON.stringify(result, null, 2));
