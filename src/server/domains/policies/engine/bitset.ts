// Bitsets over enterprise rows (32 rows a word) and the three-valued combinators on (truth, known) pairs: unknown = not known, truth ⊆ known.
export type Bitset = Uint32Array;

export interface TruthBits {
  truth: Bitset;
  known: Bitset;
}

export const wordsFor = (rows: number): number => (rows + 31) >>> 5;

export const hasBit = (bits: Bitset, row: number): boolean => ((bits[row >>> 5] >>> (row & 31)) & 1) === 1;

export function setBit(bits: Bitset, row: number, on: boolean): void {
  if (on) bits[row >>> 5] |= 1 << (row & 31);
  else bits[row >>> 5] &= ~(1 << (row & 31));
}

export function popcount(bits: Bitset): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}

/** The rows whose bit is set, ascending. */
export function rowsOf(bits: Bitset): Int32Array {
  const out = new Int32Array(popcount(bits));
  let at = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w];
    while (v !== 0) {
      const low = v & -v;
      out[at++] = (w << 5) + (31 - Math.clz32(low));
      v ^= low;
    }
  }
  return out;
}

/** all: true where every item is true; false where any item is known false. */
export function allOf(items: TruthBits[], words: number): TruthBits {
  const truth = new Uint32Array(words).fill(0xffffffff);
  const falsy = new Uint32Array(words);
  for (const { truth: t, known: k } of items) {
    for (let w = 0; w < words; w++) {
      truth[w] &= t[w];
      falsy[w] |= k[w] & ~t[w];
    }
  }
  const known = new Uint32Array(words);
  for (let w = 0; w < words; w++) {
    truth[w] &= ~falsy[w];
    known[w] = truth[w] | falsy[w];
  }
  return { truth, known };
}

/** any: true where any item is true; false where every item is known false. */
export function anyOf(items: TruthBits[], words: number): TruthBits {
  const truth = new Uint32Array(words);
  const falsy = new Uint32Array(words).fill(0xffffffff);
  for (const { truth: t, known: k } of items) {
    for (let w = 0; w < words; w++) {
      truth[w] |= t[w];
      falsy[w] &= k[w] & ~t[w];
    }
  }
  const known = new Uint32Array(words);
  for (let w = 0; w < words; w++) {
    falsy[w] &= ~truth[w];
    known[w] = truth[w] | falsy[w];
  }
  return { truth, known };
}

export function notOf(item: TruthBits, words: number): TruthBits {
  const truth = new Uint32Array(words);
  for (let w = 0; w < words; w++) truth[w] = item.known[w] & ~item.truth[w];
  return { truth, known: item.known };
}

/** Known and false. */
export function falseOf(item: TruthBits): Bitset {
  const out = new Uint32Array(item.known.length);
  for (let w = 0; w < out.length; w++) out[w] = item.known[w] & ~item.truth[w];
  return out;
}

/** Not known. */
export function unknownOf(item: TruthBits, rows: number): Bitset {
  const out = new Uint32Array(item.known.length);
  for (let w = 0; w < out.length; w++) out[w] = ~item.known[w];
  clearFrom(out, rows);
  return out;
}

/** Clears every bit at and after `rows` (bitsets are sized to the store's capacity). */
export function clearFrom(bits: Bitset, rows: number): void {
  const w = rows >>> 5;
  if (w < bits.length && (rows & 31) !== 0) bits[w] &= (1 << (rows & 31)) - 1;
  bits.fill(0, (rows & 31) === 0 ? w : w + 1);
}
