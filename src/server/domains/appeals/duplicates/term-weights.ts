// How telling a term is: jieba's corpus IDF for common words, damped by how many stored appeals carry the term (PostgreSQL's own statistics).
import { sql } from 'kysely';
import { idf } from '@node-rs/jieba/dict';
import type { Executor } from '../../../db/transaction.ts';

/** Words rarer than this in jieba's corpus (and words it does not know: 报装, 10kv) all weigh the same. */
export const MAX_WEIGHT = 12;
const MIN_WEIGHT = 1;
/** Only common words, weighing below 10, are kept in memory (about 44,000 of 270,000); the rest weigh MAX_WEIGHT or nearly. */
const DOT = '.'.charCodeAt(0);
const STATS_TTL_MS = 10 * 60_000;

let commonWords: Map<string, number> | null = null;

/** jieba's idf.txt ("word weight" lines), read once per process on the first comparison. */
function corpusWeights(): Map<string, number> {
  if (commonWords) return commonWords;
  const text = Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength).toString('utf8');
  const map = new Map<string, number>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(' ', end);
    // One digit before the decimal point: below 10. Checked on the characters, so most lines are skipped without parsing.
    if (space > start && text.charCodeAt(space + 2) === DOT) map.set(text.slice(start, space), Number(text.slice(space + 1, end)));
    start = end + 1;
  }
  commonWords = map;
  return map;
}

export type TermWeight = (term: string) => number;

/** The share of appeals whose terms include a word, for the words ANALYZE found most common; empty before the first ANALYZE. */
async function storedFrequencies(db: Executor): Promise<Map<string, number>> {
  const { rows } = await sql<{ elems: string[] | null; freqs: number[] | null }>`
    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'appeals' AND attname = 'terms'`.execute(db);
  const map = new Map<string, number>();
  const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
  elems?.forEach((term, i) => map.set(term, freqs?.[i] ?? 0));
  return map;
}

const statsCache = new WeakMap<object, { at: number; frequencies: Promise<Map<string, number>> }>();

/** Cached per database handle for a few minutes: statistics move slowly and the lookup is on every intake keystroke. */
function cachedFrequencies(db: Executor, now: number): Promise<Map<string, number>> {
  const cached = statsCache.get(db);
  if (cached && now - cached.at < STATS_TTL_MS) return cached.frequencies;
  const frequencies = storedFrequencies(db).catch(() => new Map<string, number>());
  statsCache.set(db, { at: now, frequencies });
  return frequencies;
}

export interface Weights {
  weight: TermWeight;
  /** The share of stored appeals carrying the term, when statistics know it. */
  frequency: (term: string) => number | undefined;
}

/** A word in half the appeals weighs about 1.4, in 1 % about 9; the corpus weight caps it either way. */
export function weightsFrom(frequencies: ReadonlyMap<string, number>): Weights {
  const corpus = corpusWeights();
  const weight = (term: string): number => {
    const general = Math.min(corpus.get(term) ?? MAX_WEIGHT, MAX_WEIGHT);
    const share = frequencies.get(term);
    const local = share && share > 0 ? 2 * Math.log(1 / share) : MAX_WEIGHT;
    return Math.max(MIN_WEIGHT, Math.min(general, local));
  };
  return { weight, frequency: (term) => frequencies.get(term) };
}

export async function termWeights(db: Executor, now: number): Promise<Weights> {
  return weightsFrom(await cachedFrequencies(db, now));
}
