// Differential tests (fast-check): random rules over random enterprises give identical verdicts, per-condition results, actual values and near-misses in the row and columnar evaluators, unknowns included — also after incremental updates and with conditions shared between rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRule } from '../../../../shared/rules/validate-rule.ts';
import { EnterpriseColumnStore } from './column-store.ts';
import { ColumnarEvaluator, eligibleRows, explainRow, nearMisses, pendingRows } from './columnar-evaluator.ts';
import { compileRule, TRUE, UNKNOWN, type CompiledRule } from './compile.ts';
import { AS_OF, enterpriseArb, enterprisesArb, ruleArb } from '../../../../../test/helpers/policy-arbitraries.ts';
import type { EnterpriseRecord } from './enterprise-record.ts';
import { explain } from './explain.ts';
import { matchEnterprise } from './match-enterprise.ts';
import { evaluateRow } from './row-evaluator.ts';

function expectAgreement(compiled: CompiledRule[], records: EnterpriseRecord[], store: EnterpriseColumnStore, columnar: ColumnarEvaluator): void {
  for (const rule of compiled) {
    const evaluation = columnar.evaluate(rule);
    const eligible: number[] = [];
    const pending: number[] = [];
    const near = new Map<number, number[]>();
    for (const record of records) {
      const row = store.rowOf.get(record.id)!;
      const byRow = evaluateRow(rule, record);
      expect(explainRow(evaluation, store, row)).toEqual(byRow);
      if (byRow.verdict === TRUE) eligible.push(row);
      if (byRow.verdict === UNKNOWN) pending.push(row);
      if (byRow.nearMiss.length) near.set(row, byRow.nearMiss);
    }
    expect(Array.from(eligibleRows(evaluation))).toEqual(eligible.sort((a, b) => a - b));
    expect(Array.from(pendingRows(evaluation))).toEqual(pending.sort((a, b) => a - b));
    expect(nearMisses(evaluation)).toEqual(near);
  }
}

describe('row and columnar evaluators agree', () => {
  it('random rules are valid rules', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const checked = validateRule(rule);
        expect(checked.ok ? [] : checked.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('on random rules and enterprises, unknowns included', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), enterprisesArb(40), fc.constantFrom(...AS_OF), (rules, records, asOf) => {
        const compiled = rules.map((r) => compileRule(r, asOf));
        const store = EnterpriseColumnStore.from(records, 32);
        const columnar = new ColumnarEvaluator(store);
        expectAgreement(compiled, records, store, columnar);
      }),
      { numRuns: 250 },
    );
  });

  it('after incremental updates and additions (cached condition bits kept current, store grown)', () => {
    fc.assert(
      fc.property(
        ruleArb,
        enterprisesArb(30),
        fc.array(fc.tuple(fc.nat(40), enterpriseArb(fc.constant(''))), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...AS_OF),
        (rule, records, changes, asOf) => {
          const compiled = compileRule(rule, asOf);
          const store = EnterpriseColumnStore.from(records, 32);
          const columnar = new ColumnarEvaluator(store);
          columnar.evaluate(compiled);
          const current = new Map(records.map((r) => [r.id, r]));
          for (const [n, changed] of changes) {
            const record = { ...changed, id: `e${n}` };
            current.set(record.id, record);
            store.upsert(record);
          }
          expectAgreement([compiled], [...current.values()], store, columnar);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shares equal conditions between rules and computes them once', () => {
    const revenue = (id: string, compare: object) => ({ type: 'condition', id, label: { zh: '营业收入' }, clause: '一', test: { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare } });
    const a = compileRule({ type: 'all', items: [revenue('a', { op: 'gte', value: '2000' })] } as never, '2026-03-01');
    const b = compileRule({ type: 'all', items: [revenue('b', { op: 'gt', value: '1999.999999' })] } as never, '2026-03-01');
    const c = compileRule({ type: 'all', items: [revenue('c', { op: 'gte', value: 2000 })] } as never, '2026-03-01');
    const columnar = new ColumnarEvaluator(new EnterpriseColumnStore());
    columnar.evaluate(a);
    columnar.evaluate(b);
    columnar.evaluate(c);
    expect(a.conditions[0].key).toBe('figure:revenue:2025:2000000000..Infinity');
    expect(columnar.stats).toEqual({ computed: 1, reused: 2 });
  });

  it('enterprise → policies: the row evaluator with shared conditions gives each rule its own evaluation and explanation', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 6 }), enterpriseArb(fc.constant('e0')), fc.constantFrom(...AS_OF), (rules, record, asOf) => {
        const policies = rules.map((r, i) => ({ policyId: `p${i}`, compiled: compileRule(r, asOf) }));
        const matches = matchEnterprise(policies, record);
        expect(matches.map((m) => m.policyId).sort()).toEqual(policies.map((p) => p.policyId).sort());
        for (const m of matches) {
          const compiled = policies.find((p) => p.policyId === m.policyId)!.compiled;
          const alone = evaluateRow(compiled, record);
          expect(m.evaluation).toEqual(alone);
          expect(m.explanation).toEqual(explain(compiled, alone));
        }
        const order = matches.map((m) => (m.verdict === TRUE ? 0 : m.verdict === UNKNOWN ? 1 : 2));
        expect(order).toEqual([...order].sort());
      }),
      { numRuns: 150 },
    );
  });
});
