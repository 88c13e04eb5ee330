// The columnar evaluator: each distinct condition (by canonical key) computed once over the whole column store into two bitsets (known, true), rules combined word by word, near-misses and explanations read from the per-condition bits.
import { RULE_FIGURES } from '../../../../shared/rules/rule-language.ts';
import { allOf, anyOf, clearFrom, falseOf, hasBit, notOf, popcount, rowsOf, setBit, unknownOf, wordsFor, type Bitset, type TruthBits } from './bitset.ts';
import { FALSE, metConditions, TRUE, UNKNOWN, type CompiledNode, type CompiledRule, type Interval, type ResolvedTest, type Truth } from './compile.ts';
import type { EnterpriseColumnStore } from './column-store.ts';
import type { ActualValue, ConditionOutcome, RowEvaluation } from './row-evaluator.ts';

export interface ConditionBits extends TruthBits {
  key: string;
  resolved: ResolvedTest;
}

export interface PolicyEvaluation extends TruthBits {
  compiled: CompiledRule;
  /** Rows of the store when evaluated. */
  rows: number;
  /** Per condition of the rule (by index), shared with other rules that have the same condition: read only. */
  conditions: ConditionBits[];
  /** Per condition index: rows where the rule is false and this condition's opposite alone would make it true. */
  nearMiss: Bitset[] | null;
}

function inInterval(value: number, interval: Interval): boolean {
  return 'ne' in interval ? value !== interval.ne : value >= interval.lo && value <= interval.hi;
}

/**
 * Bits of a numeric column (NaN = unknown) against an interval: the hot loop, 32 rows a word. Branch-free (comparisons
 * with NaN are false, booleans combined with & and shifted), because random data makes branches unpredictable.
 */
function numericBits(column: Float64Array | undefined, interval: Interval, rows: number, out: TruthBits): void {
  if (!column) return;
  const { truth, known } = out;
  const words = wordsFor(rows);
  const isNe = 'ne' in interval;
  const ne = isNe ? interval.ne : 0;
  const lo = isNe ? -Infinity : interval.lo;
  const hi = isNe ? Infinity : interval.hi;
  for (let w = 0; w < words; w++) {
    const base = w << 5;
    const end = Math.min(32, rows - base);
    let t = 0;
    let k = 0;
    if (isNe) {
      for (let b = 0; b < end; b++) {
        const v = column[base + b];
        const present = (v === v) as unknown as number;
        k |= present << b;
        t |= (present & ((v !== ne) as unknown as number)) << b;
      }
    } else {
      for (let b = 0; b < end; b++) {
        const v = column[base + b];
        k |= ((v === v) as unknown as number) << b;
        t |= (((v >= lo) as unknown as number) & ((v <= hi) as unknown as number)) << b;
      }
    }
    truth[w] = t;
    known[w] = k;
  }
}

/** One condition on one row, from the columns: the same semantics as the bulk loops, used to keep cached bits current. */
export function conditionAt(store: EnterpriseColumnStore, resolved: ResolvedTest, row: number): Truth {
  switch (resolved.kind) {
    case 'division': {
      const length = store.divisionLength[row];
      if (length === 0) return UNKNOWN;
      const v = store.division[row];
      return resolved.prefixes.some((p) => v >= p.lo && v <= p.hi && length >= p.length) ? TRUE : FALSE;
    }
    case 'industry': {
      const v = store.industry[row];
      if (v < 0) return UNKNOWN;
      return resolved.ranges.some(([a, b]) => v >= a && v <= b) ? TRUE : FALSE;
    }
    case 'enum': {
      const code = store[resolved.field][row];
      return code === 0 ? UNKNOWN : (resolved.mask >>> code) & 1 ? TRUE : FALSE;
    }
    case 'tag':
      return store.tagHeldAt(resolved.tag, resolved.day, row) ? TRUE : FALSE;
    case 'figure':
    case 'capital':
    case 'founded': {
      const column = resolved.kind === 'figure' ? store.figures.get(resolved.year)?.[resolved.figure] : resolved.kind === 'capital' ? store.capital : store.founded;
      const v = column ? column[row] : NaN;
      return Number.isNaN(v) ? UNKNOWN : inInterval(v, resolved.interval) ? TRUE : FALSE;
    }
  }
}

function computeBits(store: EnterpriseColumnStore, resolved: ResolvedTest, words: number): TruthBits {
  const out: TruthBits = { truth: new Uint32Array(words), known: new Uint32Array(words) };
  const rows = store.count;
  switch (resolved.kind) {
    case 'division': {
      const { division, divisionLength } = store;
      const prefixes = resolved.prefixes;
      for (let w = 0; w < wordsFor(rows); w++) {
        const base = w << 5;
        const end = Math.min(32, rows - base);
        let t = 0;
        let k = 0;
        for (let b = 0; b < end; b++) {
          const length = divisionLength[base + b];
          const v = division[base + b];
          k |= ((length !== 0) as unknown as number) << b;
          let hit = 0;
          for (let p = 0; p < prefixes.length; p++) hit |= ((v >= prefixes[p].lo) as unknown as number) & ((v <= prefixes[p].hi) as unknown as number) & ((length >= prefixes[p].length) as unknown as number);
          t |= hit << b;
        }
        out.truth[w] = t;
        out.known[w] = k;
      }
      break;
    }
    case 'industry': {
      const { industry } = store;
      const ranges = resolved.ranges;
      for (let w = 0; w < wordsFor(rows); w++) {
        const base = w << 5;
        const end = Math.min(32, rows - base);
        let t = 0;
        let k = 0;
        for (let b = 0; b < end; b++) {
          const v = industry[base + b];
          k |= ((v >= 0) as unknown as number) << b;
          let hit = 0;
          for (let r = 0; r < ranges.length; r++) hit |= ((v >= ranges[r][0]) as unknown as number) & ((v <= ranges[r][1]) as unknown as number);
          t |= hit << b;
        }
        out.truth[w] = t;
        out.known[w] = k;
      }
      break;
    }
    case 'enum': {
      const column = store[resolved.field];
      const mask = resolved.mask;
      for (let w = 0; w < wordsFor(rows); w++) {
        const base = w << 5;
        const end = Math.min(32, rows - base);
        let t = 0;
        let k = 0;
        for (let b = 0; b < end; b++) {
          const code = column[base + b];
          k |= ((code !== 0) as unknown as number) << b;
          t |= ((mask >>> code) & 1) << b;
        }
        out.truth[w] = t;
        out.known[w] = k;
      }
      break;
    }
    case 'tag': {
      out.known.fill(0xffffffff, 0, wordsFor(rows));
      clearFrom(out.known, rows);
      const periods = store.tags[resolved.tag];
      const day = resolved.day;
      for (let s = 0; s < periods.length; s++) {
        const row = periods.rows[s];
        if (row >= 0 && periods.from[s] <= day && day <= periods.until[s]) out.truth[row >>> 5] |= 1 << (row & 31);
      }
      break;
    }
    case 'figure':
      numericBits(store.figures.get(resolved.year)?.[resolved.figure], resolved.interval, rows, out);
      break;
    case 'capital':
      numericBits(store.capital, resolved.interval, rows, out);
      break;
    case 'founded':
      numericBits(store.founded, resolved.interval, rows, out);
      break;
  }
  return out;
}

/**
 * Evaluates compiled rules over a column store. Condition bits are cached by canonical key (shared between policies)
 * and kept current through the store's change events: an upsert recomputes the changed row's bit in every cached
 * condition; growing the store's capacity drops the cache.
 */
export class ColumnarEvaluator {
  private readonly cache = new Map<string, ConditionBits>();
  private words: number;
  readonly stats = { computed: 0, reused: 0 };

  constructor(readonly store: EnterpriseColumnStore) {
    this.words = wordsFor(store.capacity);
    store.onChange((change) => {
      if (change.kind === 'resize') {
        this.cache.clear();
        this.words = wordsFor(store.capacity);
        return;
      }
      for (const bits of this.cache.values()) {
        const result = conditionAt(store, bits.resolved, change.row);
        setBit(bits.known, change.row, result !== UNKNOWN);
        setBit(bits.truth, change.row, result === TRUE);
      }
    });
  }

  conditionBits(key: string, resolved: ResolvedTest): ConditionBits {
    let bits = this.cache.get(key);
    if (bits) {
      this.stats.reused++;
      return bits;
    }
    this.stats.computed++;
    bits = { key, resolved, ...computeBits(this.store, resolved, this.words) };
    this.cache.set(key, bits);
    return bits;
  }

  /** Drops cached conditions (e.g. when a policy version is retired, or the as-of date moves on). */
  clearCache(): void {
    this.cache.clear();
  }

  private combine(node: CompiledNode, leaves: TruthBits[]): TruthBits {
    switch (node.op) {
      case 'leaf':
        return leaves[node.index];
      case 'all':
        return allOf(node.items.map((item) => this.combine(item, leaves)), this.words);
      case 'any':
        return anyOf(node.items.map((item) => this.combine(item, leaves)), this.words);
      case 'not':
        return notOf(this.combine(node.item, leaves), this.words);
    }
  }

  /** The rule over every enterprise: root bits, per-condition bits and (unless turned off) near-miss bits per condition. */
  evaluate(compiled: CompiledRule, options: { nearMisses?: boolean } = {}): PolicyEvaluation {
    const conditions = compiled.conditions.map((c) => this.conditionBits(c.key, c.resolved));
    const root = this.combine(compiled.tree, conditions);
    let nearMiss: Bitset[] | null = null;
    if (options.nearMisses ?? true) {
      const rootFalse = falseOf(root);
      nearMiss = conditions.map((bits, i) => {
        const flipped: TruthBits[] = conditions.slice();
        flipped[i] = notOf(bits, this.words);
        const truth = this.combine(compiled.tree, flipped).truth;
        for (let w = 0; w < truth.length; w++) truth[w] &= rootFalse[w];
        return truth;
      });
    }
    return { compiled, rows: this.store.count, truth: root.truth, known: root.known, conditions, nearMiss };
  }
}

/** Eligible rows (the rule is true). */
export const eligibleRows = (e: PolicyEvaluation): Int32Array => rowsOf(e.truth);
/** Rows whose result is unknown: eligible pending data. */
export const pendingRows = (e: PolicyEvaluation): Int32Array => rowsOf(unknownOf(e, e.rows));
export const eligibleCount = (e: PolicyEvaluation): number => popcount(e.truth);

/** Near-miss rows per condition (by condition index): typed arrays, no per-row objects — what a list page needs. */
export const nearMissRowsByCondition = (e: PolicyEvaluation): Int32Array[] => (e.nearMiss ?? []).map(rowsOf);

/** Near-miss rows, each with the indices of the conditions it misses on. */
export function nearMisses(e: PolicyEvaluation): Map<number, number[]> {
  const out = new Map<number, number[]>();
  e.nearMiss?.forEach((bits, index) => {
    for (const row of rowsOf(bits)) {
      const list = out.get(row);
      if (list) list.push(index);
      else out.set(row, [index]);
    }
  });
  return out;
}

function actualAt(store: EnterpriseColumnStore, resolved: ResolvedTest, test: CompiledRule['conditions'][number]['test'], row: number): ActualValue {
  switch (resolved.kind) {
    case 'division':
      return { attribute: 'division', value: store.divisionAt(row) };
    case 'industry':
      return { attribute: 'industry', value: store.industryAt(row) };
    case 'enum':
      return { attribute: resolved.field, value: store.enumAt(resolved.field, row) };
    case 'tag':
      return { attribute: 'tag', tag: (test as { held: string }).held, held: store.tagHeldAt(resolved.tag, resolved.day, row) };
    case 'figure':
      return { attribute: 'figure', figure: RULE_FIGURES[resolved.figure], year: resolved.year, value: store.figureAt(resolved.year, resolved.figure, row) };
    case 'capital':
      return { attribute: 'capital', value: store.capitalAt(row) };
    case 'founded':
      return { attribute: 'founded', value: store.foundedAt(row) };
  }
}

const truthAt = (bits: TruthBits, row: number): Truth => (!hasBit(bits.known, row) ? UNKNOWN : hasBit(bits.truth, row) ? TRUE : FALSE);

/** One enterprise's explanation read from the evaluation's bits (no condition is evaluated again) and the store's values. */
export function explainRow(e: PolicyEvaluation, store: EnterpriseColumnStore, row: number): RowEvaluation {
  const results = e.conditions.map((bits) => truthAt(bits, row));
  const met = metConditions(e.compiled, results);
  const conditions: ConditionOutcome[] = e.compiled.conditions.map((c, index) => ({ id: c.id, index, result: results[index], met: met[index], actual: actualAt(store, c.resolved, c.test, row) }));
  const nearMiss: number[] = [];
  e.nearMiss?.forEach((bits, index) => {
    if (hasBit(bits, row)) nearMiss.push(index);
  });
  return { verdict: truthAt(e, row), conditions, nearMiss };
}
