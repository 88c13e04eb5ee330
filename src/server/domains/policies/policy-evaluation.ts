// Rules against the live registry: validation with fault paths, the editor's live count, matches with near-misses, the gains/losses of a new version, and an enterprise's 政策匹配 with explanations.
import type { Executor } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import type { Rule } from '../../../shared/rules/rule-language.ts';
import { validateRule } from '../../../shared/rules/validate-rule.ts';
import type { EnterprisePolicyItem, PolicyMatches, PublishPreview, RuleCheckResult, TriState } from '../../../shared/schemas/policies.ts';
import { findDivision } from '../enterprises/reference/divisions.ts';
import { findIndustry } from '../enterprises/reference/industries.ts';
import { compileRule, FALSE, TRUE, UNKNOWN, type CompiledRule, type Truth } from './engine/compile.ts';
import { eligibleRows, explainRow, nearMissRowsByCondition, pendingRows, type PolicyEvaluation } from './engine/columnar-evaluator.ts';
import { describeActual, explanationZhTW } from './engine/explain.ts';
import { matchEnterprise } from './engine/match-enterprise.ts';
import type { EnterpriseRecord } from './engine/enterprise-record.ts';
import { evaluateRow, type ActualValue, type RowEvaluation } from './engine/row-evaluator.ts';
import { zhTW } from './engine/zh-tw.ts';
import { enterpriseRefs, versionsInForce, type VersionRow } from './policy.repository.ts';
import { loadEnterpriseRecords, registryEngine, type RegistryEngine } from './registry-engine.ts';

const referenceChecks = {
  isKnownDivision: (code: string) => findDivision(code) !== null,
  isKnownIndustry: (code: string) => findIndustry(code) !== null,
};

/** The rule, or a 400 `validation_failed` listing every fault at its path under `prefix` (rule.items.1.test.attribute). */
export function checkRule(input: unknown, prefix = 'rule'): Rule {
  const result = validateRule(input, referenceChecks);
  if (result.ok) return result.rule;
  const details = result.errors.map((e) => ({ path: e.path ? `${prefix}.${e.path}` : prefix, message: e.message }));
  throw new AppError('validation_failed', `${details[0].path}: ${details[0].message}`, details);
}

/** Faults of a rule without throwing (publish refuses with them). */
export function ruleFaults(input: unknown): { path: string; message: string }[] {
  const result = validateRule(input, referenceChecks);
  return result.ok ? [] : result.errors.map((e) => ({ path: e.path ? `rule.${e.path}` : 'rule', message: e.message }));
}

export interface RegistryEvaluation {
  engine: RegistryEngine;
  compiled: CompiledRule;
  evaluation: PolicyEvaluation;
  eligible: Int32Array;
}

export async function evaluateOverRegistry(db: Executor, rule: Rule, asOf: string, options: { nearMisses?: boolean } = {}): Promise<RegistryEvaluation> {
  const engine = await registryEngine(db);
  engine.useDate(asOf);
  const compiled = compileRule(rule, asOf);
  const evaluation = engine.evaluator.evaluate(compiled, { nearMisses: options.nearMisses ?? false });
  return { engine, compiled, evaluation, eligible: engine.activeRows(eligibleRows(evaluation)) };
}

/** Published versions are immutable (content hash), so each is compiled once per as-of date, not on every request. */
const compiledVersions = new Map<string, CompiledRule>();
function compiledVersion(version: VersionRow, asOf: string): CompiledRule {
  const key = `${version.content_hash}|${asOf}`;
  let compiled = compiledVersions.get(key);
  if (!compiled) {
    if (compiledVersions.size >= 5_000) compiledVersions.clear();
    compiled = compileRule(version.content.rule, asOf);
    compiledVersions.set(key, compiled);
  }
  return compiled;
}

/** The editor's live count: eligible, pending data, near-misses (failing exactly one condition) over the active enterprises. */
export async function ruleCheck(db: Executor, input: unknown, asOf: string): Promise<RuleCheckResult> {
  const rule = checkRule(input);
  const started = performance.now();
  const { engine, evaluation, eligible } = await evaluateOverRegistry(db, rule, asOf, { nearMisses: true });
  const nearMissRows = new Set<number>();
  for (const rows of nearMissRowsByCondition(evaluation)) for (const row of engine.activeRows(rows)) nearMissRows.add(row);
  return {
    valid: true,
    eligible: eligible.length,
    pending: engine.activeRows(pendingRows(evaluation)).length,
    nearMiss: nearMissRows.size,
    total: engine.activeCount,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

const NEAR_MISS_ITEMS = 50;

export async function policyMatches(db: Executor, rule: Rule, asOf: string, page: number, pageSize: number): Promise<PolicyMatches> {
  const { engine, evaluation, eligible } = await evaluateOverRegistry(db, rule, asOf, { nearMisses: true });
  const ids = Array.from(eligible, (row) => engine.store.ids[row]);
  const items = await enterpriseRefs(db, ids, { offset: (page - 1) * pageSize, limit: pageSize });
  // Near-misses: each enterprise once, with the first condition it misses on; the first 50 by credit code.
  const missOf = new Map<string, number>();
  nearMissRowsByCondition(evaluation).forEach((rows, index) => {
    for (const row of engine.activeRows(rows)) {
      const id = engine.store.ids[row];
      if (!missOf.has(id)) missOf.set(id, index);
    }
  });
  const nearRefs = await enterpriseRefs(db, [...missOf.keys()], { offset: 0, limit: NEAR_MISS_ITEMS });
  return {
    total: ids.length,
    items: items.map(({ uscc, name }) => ({ uscc, name })),
    pending: engine.activeRows(pendingRows(evaluation)).length,
    nearMisses: {
      total: missOf.size,
      items: nearRefs.map(({ id, uscc, name }) => {
        const condition = evaluation.compiled.conditions[missOf.get(id)!];
        return { uscc, name, conditionId: condition.id, label: condition.label.zh };
      }),
    },
  };
}

const PREVIEW_ITEMS = 50;

/** Who gains and who loses eligibility when `after` replaces `before` (null: first publish, everyone eligible gains). */
export async function publishPreview(db: Executor, before: Rule | null, after: Rule, asOf: string): Promise<PublishPreview> {
  const next = await evaluateOverRegistry(db, after, asOf);
  const previous = before ? await evaluateOverRegistry(db, before, asOf) : null;
  const store = next.engine.store;
  const wasEligible = new Set(previous ? Array.from(previous.eligible, (row) => store.ids[row]) : []);
  const isEligible = new Set(Array.from(next.eligible, (row) => store.ids[row]));
  const gained = [...isEligible].filter((id) => !wasEligible.has(id));
  const lost = [...wasEligible].filter((id) => !isEligible.has(id));
  const refs = async (ids: string[]) => ({
    total: ids.length,
    items: (await enterpriseRefs(db, ids, { offset: 0, limit: PREVIEW_ITEMS })).map(({ uscc, name }) => ({ uscc, name })),
  });
  return { gained: await refs(gained), lost: await refs(lost), eligibleBefore: wasEligible.size, eligibleAfter: isEligible.size };
}

export const triState = (truth: Truth): TriState => (truth === TRUE ? true : truth === FALSE ? false : 'unknown');
export const verdictOf = (truth: Truth): 'eligible' | 'ineligible' | 'unknown' => (truth === TRUE ? 'eligible' : truth === UNKNOWN ? 'unknown' : 'ineligible');

/** The enterprise's raw value for a condition ('1500', 'held'), null when missing. */
export function rawActual(actual: ActualValue): string | null {
  if (actual.attribute === 'tag') return actual.held ? 'held' : 'not held';
  return actual.value == null ? null : String(actual.value);
}

/** [{id, result, actual}]: the data a decision used, as policy_decisions.conditions records it. */
export const decisionConditions = (evaluation: RowEvaluation, compiled: CompiledRule) =>
  evaluation.conditions.map((c) => ({ id: c.id, clause: compiled.conditions[c.index].clause, result: triState(c.result), actual: rawActual(c.actual) }));

/** One enterprise's explanation of one compiled rule, read from a registry evaluation's bits. */
export function explainEnterpriseRow(registry: RegistryEvaluation, row: number): RowEvaluation {
  return explainRow(registry.evaluation, registry.engine.store, row);
}

/** Every published policy in force on `asOf` for one enterprise: qualifying first, then pending data, then the others. */
export async function enterprisePolicies(db: Executor, enterpriseId: string, asOf: string): Promise<EnterprisePolicyItem[]> {
  const [versions, records] = await Promise.all([versionsInForce(db, asOf), loadEnterpriseRecords(db, [enterpriseId])]);
  const record = records[0]?.record;
  if (!record || versions.length === 0) return [];
  const byId = new Map(versions.map((v) => [v.policy_id, v]));
  const compiled = versions.map((v) => ({ policyId: v.policy_id, compiled: compiledVersion(v, asOf) }));
  const compiledOf = new Map(compiled.map((c) => [c.policyId, c.compiled]));
  return matchEnterprise(compiled, record).map((match) => {
    const version = byId.get(match.policyId)!;
    const rule = compiledOf.get(match.policyId)!;
    return {
      policyId: match.policyId,
      version: version.version,
      title: version.content.title,
      documentNumber: version.content.documentNumber,
      mode: version.content.mode,
      benefit: version.content.benefit,
      eligible: triState(match.verdict),
      conditions: match.evaluation.conditions.map((c) => {
        const condition = rule.conditions[c.index];
        const text = describeActual(c.actual);
        return {
          id: c.id,
          label: condition.label.zh,
          labelEn: condition.label.en ?? null,
          clause: condition.clause,
          result: triState(c.result),
          met: c.met,
          actual: rawActual(c.actual),
          actualText: { zh: text.zh, 'zh-TW': zhTW(text.zh), en: text.en },
        };
      }),
      explanation: { zh: match.explanation.zh, 'zh-TW': explanationZhTW(match.explanation), en: match.explanation.en },
    };
  });
}

/** One enterprise against one published version as of a date: the verdict, each condition as an application shows it, and the data a decision records. */
export function evaluateEnterpriseOn(version: VersionRow, record: EnterpriseRecord, asOf: string) {
  const compiled = compiledVersion(version, asOf);
  const evaluation = evaluateRow(compiled, record);
  return {
    verdict: verdictOf(evaluation.verdict),
    eligible: triState(evaluation.verdict),
    conditions: evaluation.conditions.map((c) => ({ id: c.id, label: compiled.conditions[c.index].label.zh, result: triState(c.result), actual: rawActual(c.actual), met: c.met })),
    decision: decisionConditions(evaluation, compiled),
  };
}
