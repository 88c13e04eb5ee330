// Schemas of the policy domain (issue 5; notes/policies-design.md, API.md "Policies"): the policy input, its views, matches and an enterprise's 政策匹配.
import { z } from 'zod';
import { businessDate, pageQuery, uuid } from './common.ts';
import { wan } from './enterprises.ts';
import { RULE_FIGURES, yearSchema, type Rule } from '../rules/rule-language.ts';
import { wanToFen } from '../rules/money.ts';

export const policyModes = ['automatic', 'application', 'information'] as const;
export type PolicyMode = (typeof policyModes)[number];
export const policyStatuses = ['draft', 'published', 'withdrawn'] as const;
export type PolicyStatus = (typeof policyStatuses)[number];
export const benefitKinds = ['subsidy', 'tax_relief', 'interest_subsidy', 'service'] as const;
export type BenefitKind = (typeof benefitKinds)[number];
/** What the caller may do with a policy (PolicyView.abilities). */
export const policyAbilities = ['policy.edit', 'policy.publish'] as const;
export type PolicyAbility = (typeof policyAbilities)[number];

const text = (max: number) =>
  z.string({ error: '必填 / required' }).trim().min(1, { error: '不能为空 / must not be empty' }).max(max, { error: `不超过 ${max} 字 / at most ${max} characters` });
const phone = z.string({ error: '必填 / required' }).trim().regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确 / not a phone number' });
/** A percentage with at most 6 decimals, as text ("1.5"). */
const percent = z
  .union([z.number(), z.string().trim()], { error: '比例须为数字 / rate must be a number' })
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => /^\d{1,3}(\.\d{1,6})?$/.test(v) && wanToFen(v) != null && Number(v) <= 100, { error: '比例须为 0–100 之间、最多 6 位小数 / rate between 0 and 100, at most 6 decimals' });

export const benefitAmountSchema = z.union([
  z.strictObject({ type: z.literal('fixed'), wan }),
  /** ratePercent of the enterprise's figure of that year, capped at capWan (万元; headcount × rate is 万元 per person). */
  z.strictObject({ type: z.literal('formula'), figure: z.enum(RULE_FIGURES), year: yearSchema, ratePercent: percent, capWan: wan.nullable().optional() }),
]);
export type BenefitAmount = z.infer<typeof benefitAmountSchema>;

export const benefitSchema = z.strictObject({
  kind: z.enum(benefitKinds, { error: `须为 ${benefitKinds.join(', ')} 之一 / unknown benefit kind` }),
  amount: benefitAmountSchema.nullable(),
});
export type Benefit = z.infer<typeof benefitSchema>;

export const interpretationSchema = z.array(z.strictObject({ heading: text(100), body: text(4000) })).max(50);
export const clausesSchema = z.array(z.strictObject({ id: text(40), text: text(4000) })).max(200);

/**
 * The rule is checked by the server's validateRule (every fault with its path, `rule.items.1.test.attribute`),
 * not by this schema, so that all faults come back at once; the type is the rule language's.
 */
const ruleInput = z.custom<Rule>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: '规则须为 JSON 对象 / rule must be a JSON object' });

export const policyInputSchema = z.strictObject({
  title: text(200),
  /** 文号, e.g. 湖政办发〔2026〕12号 */
  documentNumber: text(100),
  issuingDepartment: text(100),
  responsibleUnitId: uuid.nullable().optional(),
  contactName: text(64),
  contactPhone: phone,
  effectiveFrom: businessDate,
  effectiveUntil: businessDate.nullable().optional(),
  summary: text(4000),
  /** 一图读懂 as structured text. */
  interpretation: interpretationSchema,
  clauses: clausesSchema,
  benefit: benefitSchema,
  mode: z.enum(policyModes, { error: `须为 ${policyModes.join(', ')} 之一 / unknown mode` }),
  /** 万元 */
  budget: wan.nullable().optional(),
  rule: ruleInput,
  /** Application mode: the review deadline in working days from submission (absent → 10). */
  reviewWorkingDays: z.number({ error: '须为整数 / must be an integer' }).int({ error: '须为整数 / must be an integer' }).min(1, { error: '1–60 个工作日 / 1 to 60 working days' }).max(60, { error: '1–60 个工作日 / 1 to 60 working days' }).nullable().optional(),
});
export type PolicyInput = z.infer<typeof policyInputSchema>;
export type PolicyInputBody = z.input<typeof policyInputSchema>;

export const policyPatchSchema = policyInputSchema.partial();
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export const policyView = z.object({
  id: uuid,
  title: z.string(),
  documentNumber: z.string(),
  issuingDepartment: z.string(),
  responsibleUnitId: uuid.nullable(),
  /** The responsible unit's name (org_units), when set. */
  responsibleUnitName: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
  summary: z.string(),
  interpretation: z.array(z.object({ heading: z.string(), body: z.string() })),
  clauses: z.array(z.object({ id: z.string(), text: z.string() })),
  benefit: benefitSchema,
  mode: z.enum(policyModes),
  budget: z.string().nullable(),
  rule: z.custom<Rule>(),
  /** null: not set (applications are reviewed within 10 working days). Always sent by the server. */
  reviewWorkingDays: z.number().int().nullable().optional(),
  status: z.enum(policyStatuses),
  currentVersion: z.number().int().nullable(),
  currentHash: z.string().nullable(),
  /** The working copy differs from the current published version (or nothing is published yet). */
  draftDiffers: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.array(z.enum(policyAbilities)),
});
export type PolicyView = z.infer<typeof policyView>;

export const policyListItem = z.object({
  id: uuid,
  title: z.string(),
  documentNumber: z.string(),
  issuingDepartment: z.string(),
  mode: z.enum(policyModes),
  status: z.enum(policyStatuses),
  currentVersion: z.number().int().nullable(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
});
export type PolicyListItem = z.infer<typeof policyListItem>;

export const listPoliciesQuery = pageQuery.extend({
  status: z.enum(policyStatuses).optional(),
  mode: z.enum(policyModes).optional(),
  /** Title or document number (partial). */
  q: z.string().trim().max(100).optional(),
});
export type ListPoliciesQuery = z.infer<typeof listPoliciesQuery>;
export const policyList = z.object({ total: z.number().int(), items: z.array(policyListItem) });
export type PolicyList = z.infer<typeof policyList>;

/** Defaults to today (Asia/Shanghai). */
export const asOfQuery = z.object({ asOf: businessDate.optional() });
export const matchesQuery = pageQuery.extend({ asOf: businessDate.optional() });

export const ruleCheckBody = z.object({ rule: z.unknown(), asOf: businessDate.optional() });
export const ruleCheckResult = z.object({
  valid: z.literal(true),
  eligible: z.number().int(),
  pending: z.number().int(),
  nearMiss: z.number().int(),
  /** Enterprises evaluated (active ones in the registry). */
  total: z.number().int(),
  ms: z.number(),
});
export type RuleCheckResult = z.infer<typeof ruleCheckResult>;

const enterpriseRef = z.object({ uscc: z.string(), name: z.string() });
const enterpriseRefs = z.object({ total: z.number().int(), items: z.array(enterpriseRef) });

export const publishPreview = z.object({
  gained: enterpriseRefs,
  lost: enterpriseRefs,
  eligibleBefore: z.number().int(),
  eligibleAfter: z.number().int(),
});
export type PublishPreview = z.infer<typeof publishPreview>;

export const publishResult = z.object({ version: z.number().int(), contentHash: z.string(), publishedAt: z.string(), notified: z.number().int() });
export type PublishResult = z.infer<typeof publishResult>;

export const policyVersionList = z.object({
  items: z.array(z.object({ version: z.number().int(), contentHash: z.string(), publishedAt: z.string(), publishedBy: z.object({ id: uuid, displayName: z.string() }).nullable() })),
});
export type PolicyVersionList = z.infer<typeof policyVersionList>;

export const policyMatches = z.object({
  total: z.number().int(),
  items: z.array(enterpriseRef),
  /** Eligible pending data (unknown). */
  pending: z.number().int(),
  nearMisses: z.object({ total: z.number().int(), items: z.array(enterpriseRef.extend({ conditionId: z.string(), label: z.string() })) }),
});
export type PolicyMatches = z.infer<typeof policyMatches>;

export const localizedText = z.object({ zh: z.string(), 'zh-TW': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedText>;

export const triState = z.union([z.boolean(), z.literal('unknown')]);
export type TriState = z.infer<typeof triState>;

export const enterprisePolicyItem = z.object({
  policyId: uuid,
  version: z.number().int(),
  title: z.string(),
  documentNumber: z.string(),
  mode: z.enum(policyModes),
  benefit: benefitSchema,
  eligible: triState,
  conditions: z.array(
    z.object({
      id: z.string(),
      /** zh label with the threshold; labelEn when the rule gives one. */
      label: z.string(),
      labelEn: z.string().nullable(),
      clause: z.string(),
      result: triState,
      /** Whether this condition is no obstacle: its result is what the rule wants (an exception that does not hold is met), or its branch is already satisfied. */
      met: z.boolean(),
      /** The enterprise's raw value ('1500', '330502001', 'held'/'not held' for tags), null when missing. */
      actual: z.string().nullable(),
      /** The value as the explanation says it: "贵企业 2025 年为 1500 万元". */
      actualText: localizedText,
    }),
  ),
  explanation: localizedText,
});
export type EnterprisePolicyItem = z.infer<typeof enterprisePolicyItem>;
export const enterprisePolicies = z.object({ asOf: z.string(), items: z.array(enterprisePolicyItem) });
export type EnterprisePolicies = z.infer<typeof enterprisePolicies>;

// 免申即享: grant candidates, bulk approval within the budget, exclusions, payouts, the payout ledger (兑付台账).
export const grantStatuses = ['candidate', 'approved', 'excluded', 'paid'] as const;
export type GrantStatus = (typeof grantStatuses)[number];

export const createCandidatesBody = z.object({ asOf: businessDate.optional() }).optional();
export const createCandidatesResult = z.object({
  version: z.number().int(),
  asOf: z.string(),
  created: z.number().int(),
  /** Already a grant of this policy (told once, granted once). */
  existing: z.number().int(),
  /** Eligible, but the formula's figure is missing or the amount is 0. */
  noAmount: z.number().int(),
});
export type CreateCandidatesResult = z.infer<typeof createCandidatesResult>;

export const grantView = z.object({
  id: uuid,
  rank: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  version: z.number().int(),
  asOf: z.string(),
  /** 万元 */
  amount: z.string(),
  status: z.enum(grantStatuses),
  excludeReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  payout: z.object({ paidOn: z.string(), reference: z.string(), amount: z.string() }).nullable(),
});
export type GrantView = z.infer<typeof grantView>;

export const listGrantsQuery = pageQuery.extend({ status: z.enum(grantStatuses).optional() });
export const grantList = z.object({
  total: z.number().int(),
  items: z.array(grantView),
  /** 万元: the policy's budget (null = none), approved + paid so far, and what remains. */
  budget: z.string().nullable(),
  committed: z.string(),
  remaining: z.string().nullable(),
});
export type GrantList = z.infer<typeof grantList>;

export const approveGrantsBody = z.object({
  /** Candidates to approve; all candidates when absent. Approved in rank order. */
  grantIds: z.array(uuid).min(1).max(10000).optional(),
});
export const approveGrantsResult = z.object({
  approved: z.number().int(),
  /** Left as candidates: the first that does not fit the remaining budget and every one after it in rank order. */
  refused: z.array(z.object({ grantId: uuid, uscc: z.string(), amount: z.string(), reason: z.string() })),
  committed: z.string(),
  remaining: z.string().nullable(),
});
export type ApproveGrantsResult = z.infer<typeof approveGrantsResult>;

export const excludeGrantBody = z.object({ reason: text(500) });
export const payoutBody = z.object({ paidOn: businessDate, reference: text(100) });
export const grantParams = z.object({ id: uuid, grantId: uuid });

export const ledgerGroupings = ['policy', 'department', 'district', 'month'] as const;
export const ledgerQuery = z.object({
  groupBy: z.enum(ledgerGroupings).default('policy'),
  from: businessDate.optional(),
  to: businessDate.optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;
export const payoutLedger = z.object({
  groupBy: z.enum(ledgerGroupings),
  groups: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), total: z.string() })),
  count: z.number().int(),
  /** 万元 */
  total: z.string(),
});
export type PayoutLedger = z.infer<typeof payoutLedger>;
