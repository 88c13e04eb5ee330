// Writes a csv of N realistic synthetic enterprises (valid credit codes, real divisions and industry classes, sizes from the official table): node bench/lib/make-enterprises-csv.mjs --rows N --out file.csv [--seed S] [--year Y]
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { log, option, root } from './harness.mjs';

register();
const { writeSyntheticCsv } = await import('../../src/server/domains/enterprises/synthetic/make-enterprises.ts');

/** Called by the import benchmark too: the same seed always gives the same file. */
export async function makeEnterprisesCsv(file, rows, { seed = 1, year = new Date().getUTCFullYear() - 1 } = {}) {
  const started = performance.now();
  const sizes = await writeSyntheticCsv(file, rows, seed, year, (done) => done % 100_000 < 5_000 && log(`  ${done.toLocaleString('en-US')} rows written`));
  return { file: path.relative(root, file), rows, seed, year, sizes, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(option('rows', 1000));
  const out = path.resolve(option('out', path.join(root, 'bench', `.enterprises-${rows}.csv`)));
  console.log(JSON.stringify(await makeEnterprisesCsv(out, rows, { seed: Number(option('seed', 1)), year: Number(option('year', new Date().getUTCFullYear() - 1)) }), null, 2));
}
