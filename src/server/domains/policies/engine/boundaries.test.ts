// Boundary tests of every comparison (one fen, one person, one day either side), as-of-date tests (tag validity, previous-year figures, age on 29 February), explanations and near-misses — each checked in the row and the columnar evaluator.
import { describe, expect, it } from 'vitest';
import type { ConditionTest, RuleNode } from '../../../../shared/rules/rule-language.ts';
import { EnterpriseColumnStore } from './column-store.ts';
import { ColumnarEvaluator, explainRow } from './columnar-evaluator.ts';
import { compileRule, FALSE, TRUE, UNKNOWN, type Truth } from './compile.ts';
import type { EnterpriseRecord } from './enterprise-record.ts';
import { explain } from './explain.ts';
import { evaluateRow } from './row-evaluator.ts';

const base: EnterpriseRecord = {
  id: 'x',
  divisionCode: '330502001',
  industryCode: '3812',
  sizeClass: 'small',
  foundedOn: '2021-03-01',
  registeredCapitalWan: '500.000000',
  taxpayerType: 'general',
  creditRating: 'A',
  figures: [],
  tags: [],
};
const cond = (test: ConditionTest, id = 'c'): RuleNode => ({ type: 'condition', id, label: { zh: '条件' }, clause: '一', test });

/** The condition on each record, by both evaluators (which must agree). */
function results(test: ConditionTest, records: Partial<EnterpriseRecord>[], asOf = '2026-03-01'): Truth[] {
  const compiled = compileRule(cond(test), asOf);
  const full = records.map((r, i) => ({ ...base, ...r, id: `e${i}` }));
  const store = EnterpriseColumnStore.from(full);
  const evaluation = new ColumnarEvaluator(store).evaluate(compiled);
  return full.map((record, row) => {
    const byRow = evaluateRow(compiled, record);
    expect(explainRow(evaluation, store, row)).toEqual(byRow);
    return byRow.verdict;
  });
}

const revenue2025 = (value: string | null) => ({ figures: [{ year: 2025, headcount: null, revenueWan: value, assetsWan: null, taxWan: null }] });
const T = TRUE;
const F = FALSE;
const U = UNKNOWN;

describe('comparisons at their boundaries', () => {
  const around = ['1999.999999', '2000', '2000.000001', null].map(revenue2025);
  const figure = (compare: object) => ({ attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare }) as ConditionTest;
  it.each([
    ['gte', [F, T, T, U]],
    ['gt', [F, F, T, U]],
    ['lte', [T, T, F, U]],
    ['lt', [T, F, F, U]],
    ['eq', [F, T, F, U]],
    ['ne', [T, F, T, U]],
  ])('revenue %s 2000 万元 (one fen either side)', (op, expected) => {
    expect(results(figure({ op, value: '2000' }), around)).toEqual(expected);
    expect(results(figure({ op, value: 2000 }), around)).toEqual(expected);
  });
  it('between is inclusive at both ends', () => {
    const values = ['299.999999', '300', '2000', '2000.000001'].map(revenue2025);
    expect(results(figure({ op: 'between', min: '300', max: '2000' }), values)).toEqual([F, T, T, F]);
  });
  it('headcount by whole persons', () => {
    const people = [299, 300, 301].map((headcount) => ({ figures: [{ year: 2025, headcount, revenueWan: null, assetsWan: null, taxWan: null }] }));
    const test = (op: string) => ({ attribute: 'figure', figure: 'headcount', year: { absolute: 2025 }, compare: { op, value: 300 } }) as ConditionTest;
    expect(results(test('gte'), people)).toEqual([F, T, T]);
    expect(results(test('gt'), people)).toEqual([F, F, T]);
    expect(results(test('lt'), people)).toEqual([T, F, F]);
  });
  it('negative tax and registered capital', () => {
    const taxes = ['-0.000001', '0', null].map((taxWan) => ({ figures: [{ year: 2025, headcount: null, revenueWan: null, assetsWan: null, taxWan }] }));
    expect(results({ attribute: 'figure', figure: 'tax', year: { relative: -1 }, compare: { op: 'gte', value: '0' } }, taxes)).toEqual([F, T, U]);
    expect(results({ attribute: 'capital', compare: { op: 'gt', value: '499.999999' } }, [{}, { registeredCapitalWan: '499.999999' }, { registeredCapitalWan: null }])).toEqual([T, F, U]);
  });
  it('founding date: before / on or after a date, one day either side', () => {
    const days = ['2020-12-31', '2021-01-01', '2021-01-02', null].map((foundedOn) => ({ foundedOn }));
    expect(results({ attribute: 'founded', op: 'before', date: '2021-01-01' }, days)).toEqual([T, F, F, U]);
    expect(results({ attribute: 'founded', op: 'onOrAfter', date: '2021-01-01' }, days)).toEqual([F, T, T, U]);
  });
  it('age in years on the as-of date, including 29 February', () => {
    const days = ['2023-02-28', '2023-03-01', null].map((foundedOn) => ({ foundedOn }));
    // 2024-02-29 minus one year is 2023-02-28 (as PostgreSQL computes it).
    expect(results({ attribute: 'founded', op: 'ageAtLeast', years: 1 }, days, '2024-02-29')).toEqual([T, F, U]);
    expect(results({ attribute: 'founded', op: 'ageBelow', years: 1 }, days, '2024-02-29')).toEqual([F, T, U]);
    expect(results({ attribute: 'founded', op: 'ageAtLeast', years: 3 }, [{ foundedOn: '2023-03-01' }, { foundedOn: '2023-03-02' }], '2026-03-01')).toEqual([T, F]);
  });
  it('division subtree: prefixes of the code, never a longer code than the enterprise has', () => {
    const codes = ['330502', '330502001', '330502001001', '330503', null].map((divisionCode) => ({ divisionCode }));
    expect(results({ attribute: 'division', within: ['3305'] }, codes)).toEqual([T, T, T, T, U]);
    expect(results({ attribute: 'division', within: ['330502001'] }, codes)).toEqual([F, T, T, F, U]);
    expect(results({ attribute: 'division', within: ['330502000'] }, codes)).toEqual([F, F, F, F, U]);
  });
  it('industry: classes, groups, divisions and section letters', () => {
    const codes = ['1300', '1310', '3811', '3812', '3821', '4399', '4411', null].map((industryCode) => ({ industryCode }));
    expect(results({ attribute: 'industry', under: ['C'] }, codes)).toEqual([T, T, T, T, T, T, F, U]);
    expect(results({ attribute: 'industry', under: ['381'] }, codes)).toEqual([F, F, T, T, F, F, F, U]);
    expect(results({ attribute: 'industry', in: ['3812', '4411'] }, codes)).toEqual([F, F, F, T, F, F, T, U]);
  });
  it('codes the registry would refuse read as missing', () => {
    expect(results({ attribute: 'division', within: ['3305'] }, [{ divisionCode: '3305x1' }, { divisionCode: '33050' }])).toEqual([U, U]);
    expect(results({ attribute: 'industry', under: ['C'] }, [{ industryCode: 'C3011' }, { industryCode: '301' }])).toEqual([U, U]);
  });
  it('size, credit rating and taxpayer type: missing is unknown', () => {
    expect(results({ attribute: 'size', in: ['small', 'micro'] }, [{}, { sizeClass: 'medium' }, { sizeClass: null }])).toEqual([T, F, U]);
    expect(results({ attribute: 'credit', in: ['A', 'B'] }, [{}, { creditRating: 'D' }, { creditRating: null }])).toEqual([T, F, U]);
    expect(results({ attribute: 'taxpayer', in: ['small_scale'] }, [{}, { taxpayerType: 'small_scale' }, { taxpayerType: null }])).toEqual([F, T, U]);
  });
});

describe('as of a date', () => {
  const tag = (validFrom: string, validUntil: string | null, revokedAt: string | null = null) => ({ tags: [{ tag: 'specialised' as const, validFrom, validUntil, revokedAt }] });
  const held: ConditionTest = { attribute: 'tag', held: 'specialised' };
  it('a tag is held from its first to its last day, open-ended when no end, never when revoked, and is never unknown', () => {
    const records = [tag('2025-01-01', '2025-12-31'), tag('2026-01-01', null), tag('2024-01-01', null, '2025-06-01 10:00:00+08'), { tags: [] }];
    expect(results(held, records, '2024-12-31')).toEqual([F, F, F, F]);
    expect(results(held, records, '2025-01-01')).toEqual([T, F, F, F]);
    expect(results(held, records, '2025-12-31')).toEqual([T, F, F, F]);
    expect(results(held, records, '2026-01-01')).toEqual([F, T, F, F]);
  });
  it('"previous year" follows the as-of date across New Year', () => {
    const records = [{ figures: [2024, 2025].map((year) => ({ year, headcount: null, revenueWan: year === 2024 ? '2500' : '1500', assetsWan: null, taxWan: null })) }];
    const test: ConditionTest = { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '2000' } };
    expect(results(test, records, '2025-12-31')).toEqual([T]);
    expect(results(test, records, '2026-01-01')).toEqual([F]);
    expect(results(test, records, '2027-01-01')).toEqual([U]);
    expect(results({ ...test, year: { absolute: 2024 } }, records, '2027-01-01')).toEqual([T]);
  });
});

describe('three-valued logic and explanations', () => {
  const rule: RuleNode = {
    type: 'unless',
    rule: {
      type: 'all',
      items: [
        { type: 'condition', id: 'revenue', label: { zh: '上年营业收入 ≥ 2000 万元', en: 'revenue of the previous year ≥ 20 million yuan' }, clause: '第三条（一）', test: { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '2000' } } },
        { type: 'condition', id: 'industry', label: { zh: '属于制造业', en: 'manufacturing' }, clause: '第三条（二）', test: { attribute: 'industry', under: ['C'] } },
        { type: 'any', items: [{ type: 'condition', id: 'sme', label: { zh: '中小微企业' }, clause: '第三条（三）', test: { attribute: 'size', in: ['medium', 'small', 'micro'] } }, { type: 'condition', id: 'tag', label: { zh: '专精特新' }, clause: '第三条（三）', test: { attribute: 'tag', held: 'specialised' } }] },
      ],
    },
    exception: { type: 'condition', id: 'credit', label: { zh: '纳税信用 D 级', en: 'tax credit rating D' }, clause: '第五条', test: { attribute: 'credit', in: ['D'] } },
  };
  const compiled = compileRule(rule, '2026-03-01');
  const run = (record: Partial<EnterpriseRecord>) => evaluateRow(compiled, { ...base, ...record });

  it('Kleene: false ∧ unknown = false, true ∨ unknown = true, unknown otherwise', () => {
    expect(run(revenue2025('1500')).verdict).toBe(FALSE);
    expect(run({ ...revenue2025('1500'), industryCode: null }).verdict).toBe(FALSE);
    expect(run({ ...revenue2025('2500'), sizeClass: null, tags: [{ tag: 'specialised', validFrom: '2020-01-01', validUntil: null, revokedAt: null }] }).verdict).toBe(TRUE);
    expect(run({ ...revenue2025('2500'), sizeClass: null }).verdict).toBe(UNKNOWN);
    expect(run({ ...revenue2025('2500'), creditRating: null }).verdict).toBe(UNKNOWN);
    expect(run({ ...revenue2025('2500'), creditRating: 'D' }).verdict).toBe(FALSE);
    expect(run(revenue2025('2500')).verdict).toBe(TRUE);
  });

  it('explains a near-miss with the threshold and the enterprise value', () => {
    const evaluation = run(revenue2025('1500.000000'));
    expect(evaluation.nearMiss).toEqual([0]);
    expect(explain(compiled, evaluation).zh).toBe('符合 4/5 项；未满足：上年营业收入 ≥ 2000 万元，贵企业 2025 年为 1500 万元');
    expect(explain(compiled, evaluation).en).toBe('meets 4 of 5; not met: revenue of the previous year ≥ 20 million yuan (2025: 1500 × 10,000 yuan)');
  });

  it('names an exception that applies, and data still pending', () => {
    const excepted = run({ ...revenue2025('2500'), creditRating: 'D' });
    expect(excepted.nearMiss).toEqual([4]);
    expect(explain(compiled, excepted).zh).toBe('符合 4/5 项；未满足：属于例外情形：纳税信用 D 级，贵企业纳税信用等级为 D');
    const pending = run({ figures: [] });
    expect(pending.verdict).toBe(UNKNOWN);
    expect(pending.nearMiss).toEqual([]);
    expect(explain(compiled, pending).zh).toBe('符合 4/5 项；待补充数据：上年营业收入 ≥ 2000 万元，缺少贵企业 2025 年营业收入');
  });
});
