// The row evaluator: one enterprise record against a compiled rule, reading the record's own fields (strings, as the registry gives them) per condition, with the actual values explanations show.
import { GBT4754_SECTIONS } from '../../../../shared/enterprise-size-table.ts';
import { minusYears, yearOf } from '../../../../shared/rules/dates.ts';
import { fenToWan, wanToFen } from '../../../../shared/rules/money.ts';
import type { Comparison, ConditionTest } from '../../../../shared/rules/rule-language.ts';
import { evaluateTree, FALSE, metConditions, nearMissConditions, TRUE, UNKNOWN, type CompiledRule, type Truth } from './compile.ts';
import { usableDivisionCode, usableIndustryCode, type EnterpriseRecord } from './enterprise-record.ts';

/** What the enterprise has for the condition's attribute (null = missing); money as decimal text in 万元. */
export type ActualValue =
  | { attribute: 'division' | 'industry' | 'size' | 'credit' | 'taxpayer' | 'founded'; value: string | null }
  | { attribute: 'capital'; value: string | null }
  | { attribute: 'figure'; figure: string; year: number; value: string | number | null }
  | { attribute: 'tag'; tag: string; held: boolean };

export interface ConditionOutcome {
  id: string;
  index: number;
  result: Truth;
  /** Not an obstacle: its result is what the rule wants, or its subtree already is (a satisfied `any`); see metConditions. */
  met: boolean;
  actual: ActualValue;
}

export interface RowEvaluation {
  verdict: Truth;
  conditions: ConditionOutcome[];
  /** Indices of the conditions whose opposite result alone would make the rule true (see nearMissConditions). */
  nearMiss: number[];
}

function compareNumber(actual: number, compare: Comparison, unit: (v: string | number) => number): boolean {
  switch (compare.op) {
    case 'between':
      return actual >= unit(compare.min) && actual <= unit(compare.max);
    case 'gte':
      return actual >= unit(compare.value);
    case 'gt':
      return actual > unit(compare.value);
    case 'lte':
      return actual <= unit(compare.value);
    case 'lt':
      return actual < unit(compare.value);
    case 'eq':
      return actual === unit(compare.value);
    case 'ne':
      return actual !== unit(compare.value);
  }
}

const fen = (v: string | number): number => wanToFen(v)!;
const truth = (b: boolean): Truth => (b ? TRUE : FALSE);

function sectionOf(industryCode: string): string | undefined {
  const division = Number(industryCode.slice(0, 2));
  return GBT4754_SECTIONS.find((s) => division >= s.from && division <= s.to)?.section;
}

/** One condition on one record, as of a date: the result and the value it was decided on. */
export function evaluateTest(test: ConditionTest, record: EnterpriseRecord, asOf: string): { result: Truth; actual: ActualValue } {
  switch (test.attribute) {
    case 'division': {
      const code = usableDivisionCode(record.divisionCode);
      return { result: code == null ? UNKNOWN : truth(test.within.some((p) => code.startsWith(p))), actual: { attribute: 'division', value: code } };
    }
    case 'industry': {
      const code = usableIndustryCode(record.industryCode);
      if (code == null) return { result: UNKNOWN, actual: { attribute: 'industry', value: null } };
      const hit = (test.in ?? []).includes(code) || (test.under ?? []).some((p) => (/^[A-T]$/.test(p) ? sectionOf(code) === p : code.startsWith(p)));
      return { result: truth(hit), actual: { attribute: 'industry', value: code } };
    }
    case 'size':
      return { result: record.sizeClass == null ? UNKNOWN : truth((test.in as string[]).includes(record.sizeClass)), actual: { attribute: 'size', value: record.sizeClass } };
    case 'credit':
      return { result: record.creditRating == null ? UNKNOWN : truth((test.in as string[]).includes(record.creditRating)), actual: { attribute: 'credit', value: record.creditRating } };
    case 'taxpayer':
      return { result: record.taxpayerType == null ? UNKNOWN : truth((test.in as string[]).includes(record.taxpayerType)), actual: { attribute: 'taxpayer', value: record.taxpayerType } };
    case 'tag': {
      // ISO dates compare as text.
      const held = record.tags.some((t) => t.tag === test.held && t.revokedAt == null && t.validFrom <= asOf && (t.validUntil == null || asOf <= t.validUntil));
      return { result: truth(held), actual: { attribute: 'tag', tag: test.held, held } };
    }
    case 'figure': {
      const year = 'relative' in test.year ? yearOf(asOf) + test.year.relative : test.year.absolute;
      const row = record.figures.find((f) => f.year === year);
      if (test.figure === 'headcount') {
        const value = row?.headcount ?? null;
        return { result: value == null ? UNKNOWN : truth(compareNumber(value, test.compare, (v) => fen(v) / 1_000_000)), actual: { attribute: 'figure', figure: 'headcount', year, value } };
      }
      const text = row == null ? null : test.figure === 'revenue' ? row.revenueWan : test.figure === 'assets' ? row.assetsWan : row.taxWan;
      const value = text == null ? null : wanToFen(text);
      return { result: value == null ? UNKNOWN : truth(compareNumber(value, test.compare, fen)), actual: { attribute: 'figure', figure: test.figure, year, value: value == null ? null : fenToWan(value) } };
    }
    case 'capital': {
      const text = record.registeredCapitalWan;
      const value = text == null ? null : wanToFen(text);
      return { result: value == null ? UNKNOWN : truth(compareNumber(value, test.compare, fen)), actual: { attribute: 'capital', value: value == null ? null : fenToWan(value) } };
    }
    case 'founded': {
      const day = record.foundedOn;
      if (day == null) return { result: UNKNOWN, actual: { attribute: 'founded', value: null } };
      let hit: boolean;
      switch (test.op) {
        case 'before':
          hit = day < test.date;
          break;
        case 'onOrAfter':
          hit = day >= test.date;
          break;
        case 'ageAtLeast':
          hit = day <= minusYears(asOf, test.years);
          break;
        case 'ageBelow':
          hit = day > minusYears(asOf, test.years);
          break;
      }
      return { result: truth(hit), actual: { attribute: 'founded', value: day } };
    }
  }
}

/** Every condition of the rule on one enterprise, the Kleene verdict and the near-miss conditions. */
export function evaluateRow(compiled: CompiledRule, record: EnterpriseRecord): RowEvaluation {
  const results = new Uint8Array(compiled.conditions.length);
  const conditions: ConditionOutcome[] = compiled.conditions.map((c) => {
    const { result, actual } = evaluateTest(c.test, record, compiled.asOf);
    results[c.index] = result;
    return { id: c.id, index: c.index, result, met: false, actual };
  });
  const met = metConditions(compiled, results);
  for (const outcome of conditions) outcome.met = met[outcome.index];
  return { verdict: evaluateTree(compiled.tree, results), conditions, nearMiss: nearMissConditions(compiled, results) };
}
