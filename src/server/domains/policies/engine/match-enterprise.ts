// Enterprise → every policy: the row evaluator over compiled rules (a condition shared by several policies is evaluated once), each with its explanation, the policies it qualifies for first.
import { evaluateTree, metConditions, nearMissConditions, TRUE, UNKNOWN, type CompiledRule, type Truth } from './compile.ts';
import type { EnterpriseRecord } from './enterprise-record.ts';
import { describeActual, explain, type Explanation } from './explain.ts';
import { evaluateTest, type ActualValue, type RowEvaluation } from './row-evaluator.ts';

export interface CompiledPolicy {
  policyId: string;
  compiled: CompiledRule;
}

export interface PolicyMatch {
  policyId: string;
  verdict: Truth;
  evaluation: RowEvaluation;
  explanation: Explanation;
}

const ORDER: Record<Truth, number> = { [TRUE]: 0, [UNKNOWN]: 1, 0: 2 } as Record<Truth, number>;

/** Every policy for one enterprise: eligible first, then eligible pending data, then near-misses, then by share of conditions met. */
export function matchEnterprise(policies: readonly CompiledPolicy[], record: EnterpriseRecord): PolicyMatch[] {
  const shared = new Map<string, { result: Truth; actual: ActualValue }>();
  // The enterprise's value for a condition key reads the same in every policy that has it.
  const described = new Map<string, { zh: string; en: string }>();
  const describe = (actual: ActualValue, key: string): { zh: string; en: string } => {
    let text = described.get(key);
    if (!text) {
      text = describeActual(actual);
      described.set(key, text);
    }
    return text;
  };
  const matches = policies.map(({ policyId, compiled }): PolicyMatch => {
    const results = new Uint8Array(compiled.conditions.length);
    const conditions = compiled.conditions.map((c) => {
      // The key is resolved as of the rule's date (tag day, absolute year, age cutoff), so it is safe across as-of dates.
      const key = c.key;
      let outcome = shared.get(key);
      if (!outcome) {
        outcome = evaluateTest(c.test, record, compiled.asOf);
        shared.set(key, outcome);
      }
      results[c.index] = outcome.result;
      return { id: c.id, index: c.index, result: outcome.result, met: false, actual: outcome.actual };
    });
    const met = metConditions(compiled, results);
    for (const outcome of conditions) outcome.met = met[outcome.index];
    const evaluation: RowEvaluation = { verdict: evaluateTree(compiled.tree, results), conditions, nearMiss: nearMissConditions(compiled, results) };
    return { policyId, verdict: evaluation.verdict, evaluation, explanation: explain(compiled, evaluation, describe) };
  });
  return matches.sort(
    (a, b) =>
      ORDER[a.verdict] - ORDER[b.verdict] ||
      Number(b.evaluation.nearMiss.length > 0) - Number(a.evaluation.nearMiss.length > 0) ||
      b.explanation.met / b.explanation.total - a.explanation.met / a.explanation.total,
  );
}
