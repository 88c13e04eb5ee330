// Compiles a validated rule, as of a date, into leaf conditions with resolved parameters (absolute years, integer intervals, code ranges) and a canonical key, so identical conditions of different policies are computed once.
import { GBT4754_SECTIONS } from '../../../../shared/enterprise-size-table.ts';
import { dayNumber, minusYears, yearOf } from '../../../../shared/rules/dates.ts';
import { wanToFen } from '../../../../shared/rules/money.ts';
import {
  RULE_CREDIT_RATINGS,
  RULE_FIGURES,
  RULE_SIZE_CLASSES,
  RULE_TAGS,
  RULE_TAXPAYER_TYPES,
  type Comparison,
  type ConditionTest,
  type Rule,
  type RuleCondition,
  type RuleFigure,
  type RuleNode,
} from '../../../../shared/rules/rule-language.ts';

/** Three-valued truth: false, true, unknown (missing data). */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** A numeric test as an inclusive interval of integers (fen for money, persons, day numbers), or "not equal". */
export type Interval = { lo: number; hi: number } | { ne: number };

export type ResolvedTest =
  /** 12-digit padded division code within [lo, hi] and at least `length` digits long (a prefix of the code). */
  | { kind: 'division'; prefixes: { lo: number; hi: number; length: number }[] }
  /** Numeric 4-digit class code within one of the inclusive ranges. */
  | { kind: 'industry'; ranges: [number, number][] }
  /** Code (1-based index into the attribute's values) in the bit mask. */
  | { kind: 'enum'; field: 'size' | 'credit' | 'taxpayer'; mask: number }
  | { kind: 'tag'; tag: number; day: number }
  | { kind: 'figure'; figure: number; year: number; interval: Interval }
  | { kind: 'capital'; interval: Interval }
  /** Founding day number in the interval. */
  | { kind: 'founded'; interval: Interval };

export interface CompiledCondition {
  /** Position among the rule's conditions (document order). */
  index: number;
  id: string;
  label: RuleCondition['label'];
  clause: string;
  test: ConditionTest;
  resolved: ResolvedTest;
  /** Same key ⇔ same result for every enterprise on this as-of date. */
  key: string;
  /** True when the rule wants this condition to hold; false under an odd number of `not` / `unless` exceptions. */
  wanted: boolean;
  /** Inside an `unless` exception. */
  exception: boolean;
}

export type CompiledNode = { op: 'leaf'; index: number } | { op: 'all' | 'any'; items: CompiledNode[] } | { op: 'not'; item: CompiledNode };

export interface CompiledRule {
  asOf: string;
  rule: Rule;
  conditions: CompiledCondition[];
  tree: CompiledNode;
}

export const FIGURE_INDEX: Record<RuleFigure, number> = { headcount: 0, revenue: 1, assets: 2, tax: 3 };
export const TAG_INDEX = new Map<string, number>(RULE_TAGS.map((t, i) => [t, i]));
/** Codes of the enum attributes in the column store: 0 = missing, i + 1 = the i-th value. */
export const ENUM_VALUES = { size: RULE_SIZE_CLASSES, credit: RULE_CREDIT_RATINGS, taxpayer: RULE_TAXPAYER_TYPES } as const;


/** A division code padded with zeros to 12 digits, as a number (exact: below 2^53). */
export function paddedDivision(code: string): number {
  return Number(code.padEnd(12, '0'));
}

function divisionPrefix(code: string): { lo: number; hi: number; length: number } {
  const scale = 10 ** (12 - code.length);
  return { lo: Number(code) * scale, hi: Number(code) * scale + scale - 1, length: code.length };
}

function industryRanges(test: Extract<ConditionTest, { attribute: 'industry' }>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const code of test.in ?? []) ranges.push([Number(code), Number(code)]);
  for (const prefix of test.under ?? []) {
    if (/^[A-T]$/.test(prefix)) {
      const section = GBT4754_SECTIONS.find((s) => s.section === prefix)!;
      ranges.push([section.from * 100, section.to * 100 + 99]);
    } else {
      const scale = 10 ** (4 - prefix.length);
      ranges.push([Number(prefix) * scale, Number(prefix) * scale + scale - 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Integers: gt v ⇔ ≥ v + 1 and lt v ⇔ ≤ v − 1, so equal tests written differently share one key. */
function numericInterval(compare: Comparison, unit: (v: string | number) => number): Interval {
  switch (compare.op) {
    case 'between':
      return { lo: unit(compare.min), hi: unit(compare.max) };
    case 'gte':
      return { lo: unit(compare.value), hi: Infinity };
    case 'gt':
      return { lo: unit(compare.value) + 1, hi: Infinity };
    case 'lte':
      return { lo: -Infinity, hi: unit(compare.value) };
    case 'lt':
      return { lo: -Infinity, hi: unit(compare.value) - 1 };
    case 'eq':
      return { lo: unit(compare.value), hi: unit(compare.value) };
    case 'ne':
      return { ne: unit(compare.value) };
  }
}

const fen = (v: string | number): number => wanToFen(v)!;
const persons = (v: string | number): number => wanToFen(v)! / 1_000_000;
const intervalKey = (i: Interval): string => ('ne' in i ? `ne${i.ne}` : `${i.lo}..${i.hi}`);

export function resolveTest(test: ConditionTest, asOf: string): ResolvedTest {
  switch (test.attribute) {
    case 'division': {
      const codes = [...new Set(test.within)].sort();
      return { kind: 'division', prefixes: codes.map(divisionPrefix) };
    }
    case 'industry':
      return { kind: 'industry', ranges: industryRanges(test) };
    case 'size':
    case 'credit':
    case 'taxpayer': {
      const values = ENUM_VALUES[test.attribute] as readonly string[];
      let mask = 0;
      for (const v of test.in) mask |= 1 << (values.indexOf(v) + 1);
      return { kind: 'enum', field: test.attribute, mask };
    }
    case 'tag':
      return { kind: 'tag', tag: TAG_INDEX.get(test.held)!, day: dayNumber(asOf)! };
    case 'figure': {
      const year = 'relative' in test.year ? yearOf(asOf) + test.year.relative : test.year.absolute;
      return { kind: 'figure', figure: FIGURE_INDEX[test.figure], year, interval: numericInterval(test.compare, test.figure === 'headcount' ? persons : fen) };
    }
    case 'capital':
      return { kind: 'capital', interval: numericInterval(test.compare, fen) };
    case 'founded': {
      switch (test.op) {
        case 'before':
          return { kind: 'founded', interval: { lo: -Infinity, hi: dayNumber(test.date)! - 1 } };
        case 'onOrAfter':
          return { kind: 'founded', interval: { lo: dayNumber(test.date)!, hi: Infinity } };
        case 'ageAtLeast':
          return { kind: 'founded', interval: { lo: -Infinity, hi: dayNumber(minusYears(asOf, test.years))! } };
        case 'ageBelow':
          return { kind: 'founded', interval: { lo: dayNumber(minusYears(asOf, test.years))! + 1, hi: Infinity } };
      }
    }
  }
}

export function resolvedKey(r: ResolvedTest): string {
  switch (r.kind) {
    case 'division':
      return `division:${r.prefixes.map((p) => `${p.lo}/${p.length}`).join(',')}`;
    case 'industry':
      return `industry:${r.ranges.map(([a, b]) => `${a}-${b}`).join(',')}`;
    case 'enum':
      return `${r.field}:${r.mask}`;
    case 'tag':
      return `tag:${r.tag}@${r.day}`;
    case 'figure':
      return `figure:${RULE_FIGURES[r.figure]}:${r.year}:${intervalKey(r.interval)}`;
    case 'capital':
      return `capital:${intervalKey(r.interval)}`;
    case 'founded':
      return `founded:${intervalKey(r.interval)}`;
  }
}

/** Compiles a rule already accepted by validateRule; asOf is the evaluation date (YYYY-MM-DD, Asia/Shanghai business date). */
export function compileRule(rule: Rule, asOf: string): CompiledRule {
  if (dayNumber(asOf) == null) throw new Error(`compileRule: as-of date must be YYYY-MM-DD, got ${asOf}`);
  const conditions: CompiledCondition[] = [];
  const walk = (node: RuleNode, wanted: boolean, exception: boolean): CompiledNode => {
    switch (node.type) {
      case 'condition': {
        const resolved = resolveTest(node.test, asOf);
        const index = conditions.length;
        conditions.push({ index, id: node.id, label: node.label, clause: node.clause, test: node.test, resolved, key: resolvedKey(resolved), wanted, exception });
        return { op: 'leaf', index };
      }
      case 'all':
      case 'any':
        return { op: node.type, items: node.items.map((item) => walk(item, wanted, exception)) };
      case 'not':
        return { op: 'not', item: walk(node.item, !wanted, exception) };
      case 'unless':
        return { op: 'all', items: [walk(node.rule, wanted, exception), { op: 'not', item: walk(node.exception, !wanted, true) }] };
    }
  };
  const tree = walk(rule, true, false);
  return { asOf, rule, conditions, tree };
}

/** Kleene logic over per-condition results: false ∧ unknown = false, true ∨ unknown = true. */
export function evaluateTree(node: CompiledNode, results: ArrayLike<number>): Truth {
  switch (node.op) {
    case 'leaf':
      return results[node.index] as Truth;
    case 'all': {
      let out: Truth = TRUE;
      for (const item of node.items) {
        const v = evaluateTree(item, results);
        if (v === FALSE) return FALSE;
        if (v === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case 'any': {
      let out: Truth = FALSE;
      for (const item of node.items) {
        const v = evaluateTree(item, results);
        if (v === TRUE) return TRUE;
        if (v === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case 'not': {
      const v = evaluateTree(node.item, results);
      return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
    }
  }
}

/**
 * Near-miss conditions: with the rule known false, the known conditions whose opposite result alone would make the rule
 * true (for an `all` of plain conditions: the single failed one). Empty when the rule holds, is unknown, or fails on
 * more than one count.
 */
export function nearMissConditions(compiled: CompiledRule, results: Uint8Array | number[]): number[] {
  if (evaluateTree(compiled.tree, results) !== FALSE) return [];
  const flipped = Array.from(results);
  const out: number[] = [];
  for (let i = 0; i < flipped.length; i++) {
    const v = flipped[i];
    if (v === UNKNOWN) continue;
    flipped[i] = v === TRUE ? FALSE : TRUE;
    if (evaluateTree(compiled.tree, flipped) === TRUE) out.push(i);
    flipped[i] = v;
  }
  return out;
}

/**
 * Which conditions count as met in an explanation: every condition of a subtree that already gives what the rule
 * wants (so the other branches of a satisfied `any` are not listed as failures); elsewhere, a condition whose own
 * result is what the rule wants. Computed from the per-condition results only.
 */
export function metConditions(compiled: CompiledRule, results: ArrayLike<number>): boolean[] {
  const met = new Array<boolean>(compiled.conditions.length).fill(false);
  visitMet(compiled.tree, TRUE, results, met);
  return met;
}

// Module-level rather than closures: one enterprise against 300 policies calls these thousands of times.
function markAllMet(node: CompiledNode, met: boolean[]): void {
  if (node.op === 'leaf') met[node.index] = true;
  else if (node.op === 'not') markAllMet(node.item, met);
  else for (const item of node.items) markAllMet(item, met);
}

function visitMet(node: CompiledNode, want: Truth, results: ArrayLike<number>, met: boolean[]): void {
  if (evaluateTree(node, results) === want) return markAllMet(node, met);
  if (node.op === 'not') visitMet(node.item, want === TRUE ? FALSE : TRUE, results, met);
  else if (node.op !== 'leaf') for (const item of node.items) visitMet(item, want, results, met);
}
