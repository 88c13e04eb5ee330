// The official SME size classification (统计上大中小微型企业划分办法 2017, every row of its table, with 下划一档) written as rules in the rule language agrees with the registry's classifySize on generated enterprises, in both evaluators.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySize, type SizeClass } from '../../../../shared/enterprise-size.ts';
import { GBT4754_SECTIONS, SIZE_TABLE, type SizeTableRow } from '../../../../shared/enterprise-size-table.ts';
import { fenToWan, wanToFen } from '../../../../shared/rules/money.ts';
import type { ConditionTest, RuleNode } from '../../../../shared/rules/rule-language.ts';
import { validateRule } from '../../../../shared/rules/validate-rule.ts';
import { industryOptions, type IndustryOption } from '../../enterprises/reference/industries.ts';
import { EnterpriseColumnStore } from './column-store.ts';
import { ColumnarEvaluator, explainRow } from './columnar-evaluator.ts';
import { compileRule, TRUE, UNKNOWN } from './compile.ts';
import type { EnterpriseRecord } from './enterprise-record.ts';
import { evaluateRow } from './row-evaluator.ts';

const CLASSES: SizeClass[] = ['large', 'medium', 'small', 'micro'];
const INDICATOR_ZH = { headcount: '从业人员', revenue: '营业收入', assets: '资产总额' } as const;

/** Scope entry b lies strictly inside entry a (a section letter holds its divisions; a code holds longer codes it prefixes). */
function inside(b: string, a: string): boolean {
  if (!/^\d+$/.test(b)) return false;
  if (/^[A-T]$/.test(a)) {
    const section = GBT4754_SECTIONS.find((s) => s.section === a)!;
    return Number(b.slice(0, 2)) >= section.from && Number(b.slice(0, 2)) <= section.to;
  }
  return b.length > a.length && b.startsWith(a);
}

function industryTest(codes: string[]): ConditionTest {
  const classes = codes.filter((c) => /^\d{4}$/.test(c));
  const prefixes = codes.filter((c) => !/^\d{4}$/.test(c));
  return { attribute: 'industry', ...(classes.length ? { in: classes } : {}), ...(prefixes.length ? { under: prefixes } : {}) };
}

/** The rule "enterprise of row R is of class X" — the official text: 大型、中型和小型须同时满足所列指标的下限，否则下划一档；微型只须满足一项. */
export function sizeRule(row: SizeTableRow, size: SizeClass): RuleNode {
  const overrides = SIZE_TABLE.filter((r) => r !== row).flatMap((r) => r.scope.filter((b) => row.scope.some((a) => inside(b, a))));
  const scope: RuleNode = { type: 'condition', id: 'industry', label: { zh: `行业属于${row.name.zh}` }, clause: '附表', test: industryTest(row.scope) };
  const industry: RuleNode = overrides.length ? { type: 'unless', rule: scope, exception: { type: 'condition', id: 'other-row', label: { zh: '属于更具体的其他行业' }, clause: '附表', test: industryTest(overrides) } } : scope;
  const atLeast = (bound: 'large' | 'medium' | 'small', prefix: string): RuleNode[] =>
    row.thresholds.map((t) => {
      const unit = t.indicator === 'headcount' ? '人' : '万元';
      return {
        type: 'condition',
        id: `${prefix}-${t.indicator}`,
        label: { zh: `上年${INDICATOR_ZH[t.indicator]} ≥ ${t[bound]} ${unit}` },
        clause: '附表',
        test: { attribute: 'figure', figure: t.indicator, year: { relative: -1 }, compare: { op: 'gte', value: String(t[bound]) } },
      };
    });
  const all = (items: RuleNode[]): RuleNode => ({ type: 'all', items });
  switch (size) {
    case 'large':
      return all([industry, ...atLeast('large', 'large')]);
    case 'medium':
      return all([industry, ...atLeast('medium', 'medium'), { type: 'not', item: all(atLeast('large', 'large')) }]);
    case 'small':
      return all([industry, ...atLeast('small', 'small'), { type: 'not', item: all(atLeast('medium', 'medium')) }]);
    case 'micro':
      return all([industry, { type: 'not', item: all(atLeast('small', 'small')) }]);
  }
}

const classesOf = (options: IndustryOption[]): string[] => options.flatMap((o) => (o.children ? classesOf(o.children) : /^\d{4}$/.test(o.code) ? [o.code] : []));
const ALL_CLASSES = classesOf(industryOptions());

/** Values at and one unit below every bound of the table, and zero. */
function candidates(indicator: 'headcount' | 'revenue' | 'assets'): string[] {
  const out = new Set<string>(['0']);
  for (const row of SIZE_TABLE) {
    for (const t of row.thresholds) {
      if (t.indicator !== indicator) continue;
      for (const bound of [t.large, t.medium, t.small]) {
        out.add(String(bound));
        out.add(indicator === 'headcount' ? String(bound - 1) : fenToWan(wanToFen(String(bound))! - 1));
      }
    }
  }
  return [...out];
}

const enterpriseArb = fc.record({
  industryCode: fc.constantFrom(...ALL_CLASSES),
  headcount: fc.option(fc.constantFrom(...candidates('headcount')), { nil: null, freq: 6 }),
  revenue: fc.option(fc.constantFrom(...candidates('revenue')), { nil: null, freq: 6 }),
  assets: fc.option(fc.constantFrom(...candidates('assets')), { nil: null, freq: 6 }),
});

describe('SME size classification as rules', () => {
  const rules = SIZE_TABLE.flatMap((row) => CLASSES.map((size) => ({ row, size, rule: sizeRule(row, size) })));

  it('are valid rules (16 table rows × 4 classes)', () => {
    expect(rules).toHaveLength(64);
    for (const { rule } of rules) expect(validateRule(rule)).toMatchObject({ ok: true });
  });

  it('agree with classifySize on generated enterprises, including 工业 (two indicators) and 下划一档', () => {
    fc.assert(
      fc.property(fc.array(enterpriseArb, { minLength: 1, maxLength: 60 }), (generated) => {
        const records: EnterpriseRecord[] = generated.map((g, i) => ({
          id: `e${i}`,
          divisionCode: null,
          industryCode: g.industryCode,
          sizeClass: null,
          foundedOn: null,
          registeredCapitalWan: null,
          taxpayerType: null,
          creditRating: null,
          figures: [{ year: 2025, headcount: g.headcount == null ? null : Number(g.headcount), revenueWan: g.revenue, assetsWan: g.assets, taxWan: null }],
          tags: [],
        }));
        const store = EnterpriseColumnStore.from(records);
        const columnar = new ColumnarEvaluator(store);
        const compiled = rules.map((r) => ({ ...r, compiled: compileRule(r.rule, '2026-03-01') }));
        const evaluations = compiled.map((c) => columnar.evaluate(c.compiled, { nearMisses: false }));
        records.forEach((record, row) => {
          const g = generated[row];
          const official = classifySize({ industryCode: g.industryCode, headcount: g.headcount == null ? null : Number(g.headcount), revenueWan: g.revenue == null ? null : Number(g.revenue), assetsWan: g.assets == null ? null : Number(g.assets) }).size;
          const holding = compiled.filter((c, i) => {
            const verdict = evaluateRow(c.compiled, record).verdict;
            expect(explainRow(evaluations[i], store, row).verdict).toBe(verdict);
            if (official != null && c.row.name.zh === classifySize({ industryCode: g.industryCode, headcount: 0, revenueWan: 0, assetsWan: 0 }).sector) expect(verdict).not.toBe(UNKNOWN);
            return verdict === TRUE;
          });
          expect(holding.map((c) => c.size)).toEqual(official == null ? [] : [official]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('工业: 从业人员 1200 人 and 营业收入 39999.999999 万元 is 中型 (下划一档), as the registry says', () => {
    const industry = SIZE_TABLE.find((r) => r.key === 'industry')!;
    const record: EnterpriseRecord = { id: 'x', divisionCode: null, industryCode: '3011', sizeClass: null, foundedOn: null, registeredCapitalWan: null, taxpayerType: null, creditRating: null, figures: [{ year: 2025, headcount: 1200, revenueWan: '39999.999999', assetsWan: null, taxWan: null }], tags: [] };
    const verdicts = CLASSES.map((size) => evaluateRow(compileRule(sizeRule(industry, size), '2026-03-01'), record).verdict);
    expect(verdicts).toEqual([0, TRUE, 0, 0]);
    expect(classifySize({ industryCode: '3011', headcount: 1200, revenueWan: 39999.999999, assetsWan: null }).size).toBe('medium');
  });
});
