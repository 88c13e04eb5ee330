// Benchmark of the policy eligibility engine (issue 5) at 1,000,000 synthetic enterprises: one policy → all eligible, 300 policies → matrix, one enterprise → 300 policies; the same rule through json-rules-engine and publicodes on a sample.
import { register } from 'tsx/esm/api';
import { machine, option, summary } from './lib/harness.mjs';

register();
const { EnterpriseColumnStore } = await import('../src/server/domains/policies/engine/column-store.ts');
const { ColumnarEvaluator, eligibleRows, pendingRows, nearMisses, nearMissRowsByCondition, explainRow } = await import('../src/server/domains/policies/engine/columnar-evaluator.ts');
const { compileRule, TRUE } = await import('../src/server/domains/policies/engine/compile.ts');
const { evaluateRow } = await import('../src/server/domains/policies/engine/row-evaluator.ts');
const { explain } = await import('../src/server/domains/policies/engine/explain.ts');
const { matchEnterprise } = await import('../src/server/domains/policies/engine/match-enterprise.ts');
const { validateRule } = await import('../src/shared/rules/validate-rule.ts');
const { dayNumber, minusYears } = await import('../src/shared/rules/dates.ts');
const { Engine: JsonRulesEngine } = await import('json-rules-engine');
const { default: Publicodes } = await import('publicodes');

const ENTERPRISES = Number(option('enterprises', 1_000_000));
const POLICIES = Number(option('policies', 300));
const JRE_SAMPLE = Number(option('jre-sample', 2000));
const PUBLICODES_SAMPLE = Number(option('publicodes-sample', 500));
const ENTERPRISE_RUNS = Number(option('enterprise-runs', 1000));
const AS_OF = option('as-of', '2026-03-01');
const log = (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
const ms = (start) => Math.round((performance.now() - start) * 100) / 100;
/** CPU time of this process since `start` (process.cpuUsage()), in ms: on a shared machine, wall time also counts waiting for a core. */
const cpuMs = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (random, list) => list[Math.floor(random() * list.length)];
const weighted = (random, pairs) => {
  let r = random();
  for (const [value, p] of pairs) if ((r -= p) < 0) return value;
  return pairs.at(-1)[0];
};
const money = (random, max) => (Math.exp(random() * Math.log(max * 100)) / 100).toFixed(2);
const isoDay = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);

const COUNTIES = ['330502', '330503', '330521', '330522', '330523'];
const INDUSTRIES = ['3011', '3021', '3311', '3411', '3461', '3812', '3819', '3831', '3911', '3922', '1311', '1713', '2110', '2614', '2927', '3511', '3670', '4011', '4411', '4710', '5121', '5191', '5211', '5261', '5431', '5910', '5920', '6110', '6210', '6311', '6511', '6513', '7010', '7020', '7212', '7320', '7517', '0111', '0211', '8311'];
const TAGS = [['above_scale', 0.15], ['specialised', 0.08], ['little_giant', 0.01], ['high_tech', 0.06], ['tech_sme', 0.1], ['whitelist', 0.03], ['ipo_reserve', 0.01]];
const FIRST_DAY = dayNumber('1990-01-01');
const LAST_DAY = dayNumber('2025-12-31');

/** The synthetic enterprise of row i, the same every time (seeded by i), with about 3–7 % of each attribute missing. */
function makeRecord(i) {
  const r = mulberry32(i * 2654435761 + 1);
  const county = pick(r, COUNTIES);
  const figures = [];
  for (const year of [2023, 2024, 2025]) {
    if (r() < 0.15) continue;
    figures.push({
      year,
      headcount: r() < 0.05 ? null : Math.floor(Math.exp(r() * Math.log(3000))),
      revenueWan: r() < 0.05 ? null : money(r, 200000),
      assetsWan: r() < 0.05 ? null : money(r, 300000),
      taxWan: r() < 0.1 ? null : money(r, 5000),
    });
  }
  const tags = [];
  for (const [tag, p] of TAGS) {
    if (r() >= p) continue;
    const from = dayNumber('2019-01-01') + Math.floor(r() * 2500);
    tags.push({ tag, validFrom: isoDay(from), validUntil: r() < 0.5 ? null : isoDay(from + 1095), revokedAt: r() < 0.03 ? '2025-06-01 10:00:00+08' : null });
  }
  return {
    id: `e${i}`,
    divisionCode: r() < 0.03 ? null : r() < 0.5 ? `${county}${String(1 + Math.floor(r() * 12)).padStart(3, '0')}` : county,
    industryCode: r() < 0.02 ? null : pick(r, INDUSTRIES),
    sizeClass: weighted(r, [['micro', 0.6], ['small', 0.25], ['medium', 0.1], ['large', 0.02], [null, 0.03]]),
    foundedOn: r() < 0.02 ? null : isoDay(FIRST_DAY + Math.floor(r() * (LAST_DAY - FIRST_DAY))),
    registeredCapitalWan: r() < 0.1 ? null : money(r, 100000),
    taxpayerType: weighted(r, [['general', 0.4], ['small_scale', 0.55], [null, 0.05]]),
    creditRating: weighted(r, [['A', 0.3], ['B', 0.4], ['M', 0.15], ['C', 0.05], ['D', 0.03], [null, 0.07]]),
    figures,
    tags,
  };
}

const condition = (id, zh, test, clause = '第三条') => ({ type: 'condition', id, label: { zh }, clause, test });
const previousYear = (figure, value) => ({ attribute: 'figure', figure, year: { relative: -1 }, compare: { op: 'gte', value } });

/** The showcase policy: a 专精特新 manufacturing award with a revenue threshold and an exception (6 conditions). */
const SHOWCASE = {
  type: 'unless',
  rule: {
    type: 'all',
    items: [
      condition('revenue', '上年营业收入 ≥ 2000 万元', previousYear('revenue', '2000'), '第三条（一）'),
      condition('manufacturing', '属于制造业（C 门类）', { attribute: 'industry', under: ['C'] }, '第三条（二）'),
      condition('sme', '中小微企业', { attribute: 'size', in: ['medium', 'small', 'micro'] }, '第三条（二）'),
      condition('specialised', '专精特新中小企业（有效期内）', { attribute: 'tag', held: 'specialised' }, '第三条（三）'),
      condition('age', '成立满 2 年', { attribute: 'founded', op: 'ageAtLeast', years: 2 }, '第三条（四）'),
    ],
  },
  exception: condition('little-giant', '已认定为专精特新“小巨人”（按小巨人政策执行）', { attribute: 'tag', held: 'little_giant' }, '第五条'),
};

/** 300 policies drawn from pools of conditions, so that many conditions recur across policies (as in a real catalogue). */
function makePolicies(count) {
  const r = mulberry32(42);
  const pools = [
    () => ({ attribute: 'division', within: [pick(r, [...COUNTIES, '3305'])] }),
    () => ({ attribute: 'industry', under: pick(r, [['C'], ['38', '39'], ['I'], ['C', 'I'], ['65'], ['34']]) }),
    () => ({ attribute: 'size', in: pick(r, [['small', 'micro'], ['medium', 'small', 'micro'], ['large', 'medium']]) }),
    () => ({ attribute: 'tag', held: pick(r, TAGS)[0] }),
    () => previousYear('revenue', pick(r, ['500', '1000', '2000', '5000', '10000'])),
    () => previousYear('headcount', pick(r, [10, 20, 50, 100])),
    () => previousYear('tax', pick(r, ['10', '50', '100'])),
    () => ({ attribute: 'founded', op: 'ageAtLeast', years: pick(r, [1, 2, 3, 5]) }),
    () => ({ attribute: 'credit', in: pick(r, [['A', 'B'], ['A']]) }),
    () => ({ attribute: 'taxpayer', in: ['general'] }),
    () => ({ attribute: 'capital', compare: { op: 'gte', value: pick(r, ['100', '500', '1000']) } }),
  ];
  const policies = [{ policyId: 'p0', rule: SHOWCASE }];
  for (let p = 1; p < count; p++) {
    const chosen = new Set();
    const size = 3 + Math.floor(r() * 4);
    while (chosen.size < size) chosen.add(Math.floor(r() * pools.length));
    const items = [...chosen].map((k, i) => condition(`c${i}`, `条件 ${i}`, pools[k]()));
    let rule = { type: 'all', items };
    if (r() < 0.3) rule = { type: 'unless', rule, exception: condition('x', '纳税信用 D 级', { attribute: 'credit', in: ['D'] }, '第六条') };
    if (r() < 0.2) rule = { type: 'all', items: [...(rule.type === 'all' ? rule.items : [rule]), { type: 'any', items: [condition('a1', '高新技术企业', { attribute: 'tag', held: 'high_tech' }), condition('a2', '科技型中小企业', { attribute: 'tag', held: 'tech_sme' })] }] };
    policies.push({ policyId: `p${p}`, rule });
  }
  for (const { policyId, rule } of policies) {
    const checked = validateRule(rule);
    if (!checked.ok) throw new Error(`${policyId}: ${JSON.stringify(checked.errors)}`);
  }
  return policies;
}

const result = { machine: machine(), startedAt: new Date().toISOString(), enterprises: ENTERPRISES, policies: POLICIES, asOf: AS_OF };

log(`building the column store of ${ENTERPRISES} enterprises`);
let started = performance.now();
const store = new EnterpriseColumnStore(ENTERPRISES);
for (let i = 0; i < ENTERPRISES; i++) store.upsert(makeRecord(i), false);
result.buildStoreMs = ms(started);
result.heapUsedMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
result.externalMb = Math.round(process.memoryUsage().arrayBuffers / 2 ** 20);

const policies = makePolicies(POLICIES);
started = performance.now();
const compiled = policies.map((p) => ({ policyId: p.policyId, compiled: compileRule(p.rule, AS_OF) }));
result.compile300Ms = ms(started);

// 1. One policy → all eligible enterprises with per-condition results (cold cache), near-misses and pending.
{
  const samples = [];
  const cpuSamples = [];
  let last;
  for (let run = 0; run < 7; run++) {
    const evaluator = new ColumnarEvaluator(store);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const evaluation = evaluator.evaluate(compiled[0].compiled);
    const eligible = eligibleRows(evaluation);
    const pending = pendingRows(evaluation);
    const nearByCondition = nearMissRowsByCondition(evaluation);
    samples.push(performance.now() - t);
    cpuSamples.push(cpuMs(cpu));
    last = { evaluation, eligible, pending, nearByCondition };
  }
  last.near = nearMisses(last.evaluation);
  // Where the time goes (one more cold run): the distinct conditions over the columns, then the rest (combination, near-misses, row lists).
  const breakdownEvaluator = new ColumnarEvaluator(store);
  const cpu = process.cpuUsage();
  let b = performance.now();
  const perCondition = compiled[0].compiled.conditions.map((c) => {
    const t0 = performance.now();
    breakdownEvaluator.conditionBits(c.key, c.resolved);
    return [c.id, ms(t0)];
  });
  const conditionsMs = ms(b);
  b = performance.now();
  const again = breakdownEvaluator.evaluate(compiled[0].compiled);
  eligibleRows(again);
  pendingRows(again);
  nearMissRowsByCondition(again);
  const restMs = ms(b);
  const bothCpuMs = Math.round(cpuMs(cpu));
  for (const row of last.eligible.subarray(0, 100)) explain(compiled[0].compiled, explainRow(last.evaluation, store, row));
  const t = performance.now();
  const page = Array.from(last.eligible.subarray(0, 100), (row) => explain(compiled[0].compiled, explainRow(last.evaluation, store, row)));
  const nearRow = last.near.keys().next().value;
  result.onePolicy = {
    conditions: compiled[0].compiled.conditions.length,
    eligible: last.eligible.length,
    pendingData: last.pending.length,
    nearMisses: last.near.size,
    ms: summary(samples),
    cpuMs: summary(cpuSamples),
    target: '≤ 100 ms',
    breakdown: { conditionsMs, perCondition: Object.fromEntries(perCondition), combineNearMissesAndRowListsMs: restMs, cpuMsOfBoth: bothCpuMs },
    explanationsFirstPageOf100Ms: ms(t),
    sampleExplanation: page[0]?.zh ?? null,
    sampleNearMiss: nearRow === undefined ? null : explain(compiled[0].compiled, explainRow(last.evaluation, store, nearRow)).zh,
  };
  log(`one policy: ${JSON.stringify(result.onePolicy.ms)}`);
}

// 2. 300 policies → the full eligibility matrix (cold cache; shared conditions computed once).
{
  const samples = [];
  const cpuSamples = [];
  let stats;
  let eligibleTotal = 0;
  for (let run = 0; run < 3; run++) {
    const evaluator = new ColumnarEvaluator(store);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const matrix = compiled.map((p) => evaluator.evaluate(p.compiled, { nearMisses: false }));
    samples.push(performance.now() - t);
    cpuSamples.push(cpuMs(cpu));
    stats = evaluator.stats;
    eligibleTotal = matrix.reduce((sum, e) => sum + eligibleRows(e).length, 0);
  }
  result.matrix = { policies: POLICIES, ms: summary(samples), cpuMs: summary(cpuSamples), target: '≤ 3000 ms', distinctConditionsComputed: stats.computed, conditionsShared: stats.reused, eligiblePairs: eligibleTotal };
  log(`matrix: ${JSON.stringify(result.matrix.ms)}`);
}

// 3. One enterprise → all 300 policies with explanations (row evaluator over the compiled rules).
{
  const r = mulberry32(7);
  const samples = [];
  const cpuSamples = [];
  let eligibleCount = 0;
  // Warm-up (JIT), not counted.
  for (let run = 0; run < 200; run++) matchEnterprise(compiled, makeRecord(Math.floor(r() * ENTERPRISES)));
  for (let run = 0; run < ENTERPRISE_RUNS; run++) {
    const record = makeRecord(Math.floor(r() * ENTERPRISES));
    const cpu = process.cpuUsage();
    const t = performance.now();
    const matches = matchEnterprise(compiled, record);
    samples.push(performance.now() - t);
    cpuSamples.push(cpuMs(cpu));
    eligibleCount += matches.filter((m) => m.verdict === TRUE).length;
  }
  result.oneEnterprise = { policies: POLICIES, runs: ENTERPRISE_RUNS, ms: summary(samples), cpuMs: summary(cpuSamples), target: 'p99 ≤ 5 ms', meanEligiblePolicies: Math.round((eligibleCount / ENTERPRISE_RUNS) * 10) / 10 };
  log(`one enterprise: ${JSON.stringify(result.oneEnterprise.ms)}`);
}

// 4. The showcase rule through json-rules-engine and publicodes on a sample; same eligible set; per-enterprise ratios.
{
  const evaluation = new ColumnarEvaluator(store).evaluate(compiled[0].compiled);
  const cutoffDay = dayNumber(minusYears(AS_OF, 2));
  const r = mulberry32(99);
  const sampleRows = Array.from({ length: Math.max(JRE_SAMPLE, PUBLICODES_SAMPLE) }, () => Math.floor(r() * ENTERPRISES));
  const facts = (row) => {
    const e = makeRecord(row);
    const figures = e.figures.find((f) => f.year === 2025);
    const held = (tag) => e.tags.some((t) => t.tag === tag && t.revokedAt == null && t.validFrom <= AS_OF && (t.validUntil == null || AS_OF <= t.validUntil));
    return {
      revenue: figures?.revenueWan == null ? undefined : Number(figures.revenueWan),
      industry: e.industryCode == null ? undefined : Number(e.industryCode),
      size: e.sizeClass ?? undefined,
      specialised: held('specialised'),
      littleGiant: held('little_giant'),
      founded: e.foundedOn == null ? undefined : dayNumber(e.foundedOn),
    };
  };
  const ours = (row) => ((evaluation.truth[row >>> 5] >>> (row & 31)) & 1) === 1;

  const jre = new JsonRulesEngine([], { allowUndefinedFacts: true });
  jre.addRule({
    conditions: {
      all: [
        { fact: 'revenue', operator: 'greaterThanInclusive', value: 2000 },
        { fact: 'industry', operator: 'greaterThanInclusive', value: 1300 },
        { fact: 'industry', operator: 'lessThanInclusive', value: 4399 },
        { fact: 'size', operator: 'in', value: ['medium', 'small', 'micro'] },
        { fact: 'specialised', operator: 'equal', value: true },
        { fact: 'founded', operator: 'lessThanInclusive', value: cutoffDay },
        { not: { fact: 'littleGiant', operator: 'equal', value: true } },
      ],
    },
    event: { type: 'eligible' },
  });
  const jreFacts = sampleRows.slice(0, JRE_SAMPLE).map((row) => [row, facts(row)]);
  let mismatches = 0;
  let jreCpu = process.cpuUsage();
  let t = performance.now();
  for (const [row, f] of jreFacts) {
    const outcome = await jre.run(f);
    // Its explanation: the evaluated conditions with their results (outcome.results / failureResults).
    const eligible = outcome.events.length > 0;
    if (eligible !== ours(row)) mismatches++;
  }
  const jrePerEnterpriseMs = (performance.now() - t) / JRE_SAMPLE;
  const jreCpuPerEnterpriseMs = cpuMs(jreCpu) / JRE_SAMPLE;

  const pc = new Publicodes({
    revenu: { 'par défaut': -1 },
    industrie: { 'par défaut': -1 },
    taille: { 'par défaut': "'inconnue'" },
    specialise: { 'par défaut': 0 },
    'petit geant': { 'par défaut': 0 },
    fondation: { 'par défaut': 999999 },
    eligible: {
      'toutes ces conditions': [
        'revenu >= 2000',
        'industrie >= 1300',
        'industrie <= 4399',
        { 'une de ces conditions': ["taille = 'medium'", "taille = 'small'", "taille = 'micro'"] },
        'specialise = 1',
        `fondation <= ${cutoffDay}`,
        'petit geant = 0',
      ],
    },
  });
  const pcFacts = sampleRows.slice(0, PUBLICODES_SAMPLE).map((row) => [row, facts(row)]);
  let pcMismatches = 0;
  t = performance.now();
  for (const [row, f] of pcFacts) {
    const situation = { specialise: f.specialised ? 1 : 0, 'petit geant': f.littleGiant ? 1 : 0 };
    if (f.revenue !== undefined) situation.revenu = f.revenue;
    if (f.industry !== undefined) situation.industrie = f.industry;
    if (f.size !== undefined) situation.taille = `'${f.size}'`;
    if (f.founded !== undefined) situation.fondation = f.founded;
    pc.setSituation(situation);
    const eligible = pc.evaluate('eligible').nodeValue === true;
    if (eligible !== ours(row)) pcMismatches++;
  }
  const pcPerEnterpriseMs = (performance.now() - t) / PUBLICODES_SAMPLE;

  const columnarPerEnterpriseMs = result.onePolicy.ms.p50 / ENTERPRISES;
  const columnarCpuPerEnterpriseMs = result.onePolicy.cpuMs.p50 / ENTERPRISES;
  // The row evaluator with its explanation text, per enterprise (the fair one-at-a-time comparison).
  const rowRecords = sampleRows.slice(0, 2000).map(makeRecord);
  t = performance.now();
  for (const record of rowRecords) explain(compiled[0].compiled, evaluateRow(compiled[0].compiled, record));
  const rowPerEnterpriseMs = (performance.now() - t) / rowRecords.length;
  result.comparison = {
    rule: 'the showcase policy p0 (5 conditions + an exception)',
    sampleEligible: { ours: jreFacts.filter(([row]) => ours(row)).length, of: JRE_SAMPLE },
    jsonRulesEngine: { sample: JRE_SAMPLE, perEnterpriseUs: Math.round(jrePerEnterpriseMs * 1e5) / 100, sameEligibleSet: mismatches === 0, mismatches },
    publicodes: { sample: PUBLICODES_SAMPLE, perEnterpriseUs: Math.round(pcPerEnterpriseMs * 1e5) / 100, sameEligibleSet: pcMismatches === 0, mismatches: pcMismatches },
    columnarPerEnterpriseUs: Math.round(columnarPerEnterpriseMs * 1e6) / 1000,
    rowEvaluatorWithExplanationPerEnterpriseUs: Math.round(rowPerEnterpriseMs * 1e5) / 100,
    ratioColumnarVsJsonRulesEngine: Math.round(jrePerEnterpriseMs / columnarPerEnterpriseMs),
    ratioColumnarVsJsonRulesEngineByCpuTime: Math.round(jreCpuPerEnterpriseMs / columnarCpuPerEnterpriseMs),
    ratioColumnarVsPublicodes: Math.round(pcPerEnterpriseMs / columnarPerEnterpriseMs),
    ratioRowVsJsonRulesEngine: Math.round((jrePerEnterpriseMs / rowPerEnterpriseMs) * 10) / 10,
    target: 'columnar ≥ 1000× json-rules-engine per enterprise, explanations included',
  };
  log(`comparison: ${JSON.stringify(result.comparison)}`);
}

result.finishedAt = new Date().toISOString();
result.loadAverageAtEnd = machine().loadAverage;
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
