// Test support (fast-check): random enterprise records and random valid rules over small value pools, so thresholds, prefixes and dates meet the data at their boundaries.
import fc from 'fast-check';
import type { ConditionTest, RuleCondition, RuleNode } from '../../src/shared/rules/rule-language.ts';
import type { EnterpriseFigureRecord, EnterpriseRecord, EnterpriseTagRecord } from '../../src/server/domains/policies/engine/enterprise-record.ts';

export const DIVISIONS = ['330502', '330502001', '330502001001', '330502002', '330503', '330521', '110101', '110101001'];
export const DIVISION_PREFIXES = ['33', '3305', '330502', '330502001', '330502001001', '330503', '11', '110101001', '44'];
export const INDUSTRIES = ['3011', '3812', '3819', '0111', '5191', '5910', '5920', '7010', '6511', '1310', '4399'];
export const INDUSTRY_CLASSES = ['3011', '3812', '5910', '6511', '9999'];
export const INDUSTRY_PREFIXES = ['C', 'A', 'G', '38', '381', '59', '591', '13', '43', '65'];
export const MONEY = ['0', '300', '1500', '1999.999999', '2000', '2000.000001', '40000', '0.000001'];
export const TAX = [...MONEY, '-5', '-0.000001'];
export const HEADCOUNTS = [0, 19, 20, 299, 300, 1000];
export const YEARS = [2023, 2024, 2025, 2026];
export const AS_OF = ['2025-06-30', '2026-01-01', '2024-02-29', '2025-12-31', '2026-03-01'];
export const DATES = ['2020-01-01', '2021-02-28', '2021-03-01', '2023-06-30', '2024-02-29', '2025-06-30', '2025-12-31', '2026-01-01'];
const TAGS = ['above_scale', 'specialised', 'little_giant', 'high_tech'] as const;

const maybe = <T>(arb: fc.Arbitrary<T>, nullFreq = 5): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: nullFreq });

const figureArb: fc.Arbitrary<EnterpriseFigureRecord> = fc.record({
  year: fc.constantFrom(...YEARS),
  headcount: maybe(fc.constantFrom(...HEADCOUNTS)),
  revenueWan: maybe(fc.constantFrom(...MONEY)),
  assetsWan: maybe(fc.constantFrom(...MONEY)),
  taxWan: maybe(fc.constantFrom(...TAX)),
});

const tagArb: fc.Arbitrary<EnterpriseTagRecord> = fc
  .record({
    tag: fc.constantFrom(...TAGS),
    validFrom: fc.constantFrom(...DATES),
    validUntil: maybe(fc.constantFrom(...DATES), 2),
    revokedAt: fc.constantFrom(null, null, null, null, null, '2025-01-01 08:00:00+08'),
  })
  .filter((t) => t.validUntil == null || t.validUntil >= t.validFrom);

/** Decimal text as PostgreSQL returns numeric(20,6) ('1500.000000'), sometimes, to prove the text form does not matter. */
const asStored = (value: string | null, padded: boolean): string | null => {
  if (value == null || !padded) return value;
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(6, '0')}`;
};

export const enterpriseArb = (id: fc.Arbitrary<string>): fc.Arbitrary<EnterpriseRecord> =>
  fc
    .record({
      id,
      divisionCode: maybe(fc.constantFrom(...DIVISIONS)),
      industryCode: maybe(fc.constantFrom(...INDUSTRIES)),
      sizeClass: maybe(fc.constantFrom('large', 'medium', 'small', 'micro' as const)),
      foundedOn: maybe(fc.constantFrom(...DATES)),
      registeredCapitalWan: maybe(fc.constantFrom(...MONEY)),
      taxpayerType: maybe(fc.constantFrom('general', 'small_scale' as const)),
      creditRating: maybe(fc.constantFrom('A', 'B', 'M', 'C', 'D' as const)),
      figures: fc.uniqueArray(figureArb, { maxLength: 3, selector: (f) => f.year }),
      tags: fc.array(tagArb, { maxLength: 3 }),
      padded: fc.boolean(),
    })
    .map(({ padded, ...e }) => ({
      ...e,
      registeredCapitalWan: asStored(e.registeredCapitalWan, padded),
      figures: e.figures.map((f) => ({ ...f, revenueWan: asStored(f.revenueWan, padded), assetsWan: asStored(f.assetsWan, padded), taxWan: asStored(f.taxWan, padded) })),
    }));

/** Distinct enterprises (ids e0, e1, …). */
export const enterprisesArb = (max = 40): fc.Arbitrary<EnterpriseRecord[]> =>
  fc.array(enterpriseArb(fc.constant('')), { minLength: 1, maxLength: max }).map((list) => list.map((e, i) => ({ ...e, id: `e${i}` })));

const moneyValue = fc.oneof(fc.constantFrom(...MONEY), fc.constantFrom(...MONEY).map(Number));
const comparisonArb = (values: fc.Arbitrary<string | number>) =>
  fc.oneof(
    fc.record({ op: fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq', 'ne' as const), value: values }),
    fc.tuple(values, values).map(([a, b]) => (Number(a) <= Number(b) ? { op: 'between' as const, min: a, max: b } : { op: 'between' as const, min: b, max: a })),
  );

export const testArb: fc.Arbitrary<ConditionTest> = fc.oneof(
  fc.record({ attribute: fc.constant('division' as const), within: fc.uniqueArray(fc.constantFrom(...DIVISION_PREFIXES), { minLength: 1, maxLength: 3 }) }),
  fc
    .record({
      attribute: fc.constant('industry' as const),
      in: fc.option(fc.uniqueArray(fc.constantFrom(...INDUSTRY_CLASSES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      under: fc.option(fc.uniqueArray(fc.constantFrom(...INDUSTRY_PREFIXES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    })
    .map((t) => (t.in || t.under ? t : { ...t, under: ['C'] }))
    .map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as ConditionTest),
  fc.record({ attribute: fc.constant('size' as const), in: fc.uniqueArray(fc.constantFrom('large', 'medium', 'small', 'micro' as const), { minLength: 1, maxLength: 3 }) }),
  fc.record({ attribute: fc.constant('credit' as const), in: fc.uniqueArray(fc.constantFrom('A', 'B', 'M', 'C', 'D' as const), { minLength: 1, maxLength: 3 }) }),
  fc.record({ attribute: fc.constant('taxpayer' as const), in: fc.uniqueArray(fc.constantFrom('general', 'small_scale' as const), { minLength: 1, maxLength: 2 }) }),
  fc.record({ attribute: fc.constant('tag' as const), held: fc.constantFrom(...TAGS) }),
  fc.record({
    attribute: fc.constant('figure' as const),
    figure: fc.constantFrom('revenue', 'assets', 'tax' as const),
    year: fc.oneof(fc.record({ relative: fc.constantFrom(-1, -2, 0) }), fc.record({ absolute: fc.constantFrom(...YEARS) })),
    compare: comparisonArb(moneyValue),
  }),
  fc.record({
    attribute: fc.constant('figure' as const),
    figure: fc.constant('headcount' as const),
    year: fc.oneof(fc.record({ relative: fc.constantFrom(-1, 0) }), fc.record({ absolute: fc.constantFrom(...YEARS) })),
    compare: comparisonArb(fc.constantFrom(...HEADCOUNTS)),
  }),
  fc.record({ attribute: fc.constant('capital' as const), compare: comparisonArb(moneyValue) }),
  fc.record({ attribute: fc.constant('founded' as const), op: fc.constantFrom('before', 'onOrAfter' as const), date: fc.constantFrom(...DATES) }),
  fc.record({ attribute: fc.constant('founded' as const), op: fc.constantFrom('ageAtLeast', 'ageBelow' as const), years: fc.constantFrom(0, 1, 2, 4, 5) }),
) as fc.Arbitrary<ConditionTest>;

const conditionArb: fc.Arbitrary<RuleNode> = testArb.map((test): RuleCondition => ({ type: 'condition', id: '', label: { zh: '条件', en: 'condition' }, clause: '第一条', test }));

const nodeArb: fc.Arbitrary<RuleNode> = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    conditionArb,
    fc.record({ type: fc.constant('all' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('any' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant('not' as const), item: tie('node') }),
    fc.record({ type: fc.constant('unless' as const), rule: tie('node'), exception: tie('node') }),
  ),
})).node;

/** Numbers the conditions c0, c1, … in document order (ids must be unique). */
export function numberConditions(node: RuleNode, counter = { next: 0 }): RuleNode {
  switch (node.type) {
    case 'condition':
      return { ...node, id: `c${counter.next++}` };
    case 'all':
    case 'any':
      return { ...node, items: node.items.map((item) => numberConditions(item, counter)) };
    case 'not':
      return { ...node, item: numberConditions(node.item, counter) };
    case 'unless':
      return { ...node, rule: numberConditions(node.rule, counter), exception: numberConditions(node.exception, counter) };
  }
}

export const ruleArb: fc.Arbitrary<RuleNode> = nodeArb.map((node) => numberConditions(node));
