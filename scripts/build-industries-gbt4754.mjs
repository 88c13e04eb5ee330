// Builds src/server/domains/enterprises/reference/industries-gbt4754-2017.json (GB/T 4754-2017 国民经济行业分类, codes and names as a nested tree) from a code table.
//
// Usage: node scripts/build-industries-gbt4754.mjs [table.csv]
// The input is any CSV transcription of GB/T 4754-2017 with columns code, level (1 门类 … 4 小类), parent_code and name
// (default: ../shared/data/gbt4754-2017/gbt4754_2017_industry_codes.csv beside the checkout). Only codes, names and the
// hierarchy of the national standard are kept; the output refuses to be written unless it has the standard's
// 20 sections, 97 divisions, 473 groups and 1,381 classes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ?? path.resolve(root, '../shared/data/gbt4754-2017/gbt4754_2017_industry_codes.csv');
const output = path.join(root, 'src/server/domains/enterprises/reference/industries-gbt4754-2017.json');

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell !== ''));
}

const [header, ...records] = parseCsv(fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, ''));
const column = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${input}: no column "${name}"`);
  return index;
};
const [codeAt, levelAt, parentAt, nameAt] = ['code', 'level', 'parent_code', 'name'].map(column);

const PATTERN = { 1: /^[A-T]$/, 2: /^\d{2}$/, 3: /^\d{3}$/, 4: /^\d{4}$/ };
const nodes = new Map();
const sections = [];
for (const record of records) {
  const code = record[codeAt].trim();
  const level = Number(record[levelAt]);
  const name = record[nameAt].trim().replace(/\s+/g, '');
  const parent = record[parentAt].trim();
  if (!PATTERN[level]?.test(code) || !name) throw new Error(`bad row: ${record.join(',')}`);
  if (nodes.has(code)) throw new Error(`duplicate code ${code}`);
  const node = level === 4 ? [code, name] : [code, name, []];
  nodes.set(code, { level, node });
  if (level === 1) {
    sections.push(node);
    continue;
  }
  const up = nodes.get(parent);
  if (!up || up.level !== level - 1 || (level > 2 && !code.startsWith(parent))) throw new Error(`${code}: parent ${parent} missing or wrong`);
  up.node[2].push(node);
}

const counts = [1, 2, 3, 4].map((level) => [...nodes.values()].filter((n) => n.level === level).length);
if (counts.join() !== '20,97,473,1381') throw new Error(`expected 20/97/473/1381 codes per level, got ${counts.join('/')}`);

const byCode = (a, b) => (a[0] < b[0] ? -1 : 1);
const sortTree = (list) => {
  list.sort(byCode);
  for (const node of list) if (node[2]) sortTree(node[2]);
  return list;
};

const document = {
  source: 'GB/T 4754-2017 国民经济行业分类 (National Bureau of Statistics; codes and names of the national standard)',
  format: 'sections: [code, name, divisions: [code, name, groups: [code, name, classes: [code, name]]]]',
  counts: { sections: counts[0], divisions: counts[1], groups: counts[2], classes: counts[3] },
  sections: sortTree(sections),
};
// One node per line at the class level keeps the file reviewable in diffs.
const json = JSON.stringify(document, null, 1).replace(/\[\n\s*"(\d{4})",\n\s*"([^"]*)"\n\s*\]/g, '["$1", "$2"]');
fs.writeFileSync(output, `${json}\n`);
console.log(`wrote ${path.relative(root, output)}: ${counts.join(' / ')} sections / divisions / groups / classes`);
