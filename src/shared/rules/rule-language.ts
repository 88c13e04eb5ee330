// The policy rule language (issue 5 §2): typed, restricted JSON — conditions over enterprise attributes combined with all / any / not / unless; shared by the server's evaluators and the web's rule builder.
import { z } from 'zod';
import { wanToFen } from './money.ts';
import { isIsoDate } from './dates.ts';

export const RULE_TAGS = ['above_scale', 'specialised', 'little_giant', 'high_tech', 'tech_sme', 'whitelist', 'ipo_reserve'] as const;
export const RULE_SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export const RULE_CREDIT_RATINGS = ['A', 'B', 'M', 'C', 'D'] as const;
export const RULE_TAXPAYER_TYPES = ['general', 'small_scale'] as const;
/** Yearly figures of enterprise_figures: headcount in persons, the others in 万元 (tax may be negative). */
export const RULE_FIGURES = ['headcount', 'revenue', 'assets', 'tax'] as const;
export const RULE_ATTRIBUTES = ['division', 'industry', 'size', 'tag', 'figure', 'capital', 'founded', 'credit', 'taxpayer'] as const;
export const NUMBER_OPS = ['gte', 'gt', 'lte', 'lt', 'eq', 'ne'] as const;
export const DATE_OPS = ['before', 'onOrAfter'] as const;
export const AGE_OPS = ['ageAtLeast', 'ageBelow'] as const;

export type RuleTag = (typeof RULE_TAGS)[number];
export type RuleSizeClass = (typeof RULE_SIZE_CLASSES)[number];
export type RuleCreditRating = (typeof RULE_CREDIT_RATINGS)[number];
export type RuleTaxpayerType = (typeof RULE_TAXPAYER_TYPES)[number];
export type RuleFigure = (typeof RULE_FIGURES)[number];
export type RuleAttribute = (typeof RULE_ATTRIBUTES)[number];
export type NumberOp = (typeof NUMBER_OPS)[number];

/** Division codes of 统计用区划代码 (province 2, city 4, county 6, township 9, village 12 digits): the subtree's prefix. */
export const DIVISION_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
/** A GB/T 4754-2017 class (4 digits). */
export const INDUSTRY_CLASS = /^\d{4}$/;
/** A prefix of classes: a section letter A–T, a division (2 digits) or a group (3 digits). */
export const INDUSTRY_PREFIX = /^([A-T]|\d{2}|\d{3})$/;

/** A 万元 amount or a headcount: a decimal with at most 6 places, as text (preferred) or a JSON number. */
const decimalSchema = z.union([z.string(), z.number()]).refine((v) => wanToFen(v) != null, { message: '须为最多 6 位小数的十进制数 / must be a decimal with at most 6 places' });

export const comparisonSchema = z.union([
  z.strictObject({ op: z.enum(NUMBER_OPS), value: decimalSchema }),
  /** Both bounds inclusive. */
  z.strictObject({ op: z.literal('between'), min: decimalSchema, max: decimalSchema }),
]);
export type Comparison = z.infer<typeof comparisonSchema>;

/** Which year's figures: relative to the as-of date's year (-1 = the previous year, 上年), or an absolute year. */
export const yearSchema = z.union([z.strictObject({ relative: z.number().int().min(-50).max(0) }), z.strictObject({ absolute: z.number().int().min(1900).max(2200) })]);
export type RuleYear = z.infer<typeof yearSchema>;

const isoDate = z.string().refine(isIsoDate, { message: '须为 YYYY-MM-DD 日期 / must be a YYYY-MM-DD date' });

export const testSchema = z.union([
  /** division_code within any of the subtrees. */
  z.strictObject({ attribute: z.literal('division'), within: z.array(z.string().regex(DIVISION_CODE)).min(1) }),
  /** industry_code one of the classes, or under one of the prefixes (at least one of the two lists). */
  z.strictObject({ attribute: z.literal('industry'), in: z.array(z.string().regex(INDUSTRY_CLASS)).optional(), under: z.array(z.string().regex(INDUSTRY_PREFIX)).optional() }),
  z.strictObject({ attribute: z.literal('size'), in: z.array(z.enum(RULE_SIZE_CLASSES)).min(1) }),
  /** The tag held on the evaluation date (valid_from ≤ D ≤ valid_until, not revoked); a tag is never unknown. */
  z.strictObject({ attribute: z.literal('tag'), held: z.enum(RULE_TAGS) }),
  z.strictObject({ attribute: z.literal('figure'), figure: z.enum(RULE_FIGURES), year: yearSchema, compare: comparisonSchema }),
  /** registered_capital_wan. */
  z.strictObject({ attribute: z.literal('capital'), compare: comparisonSchema }),
  z.strictObject({ attribute: z.literal('founded'), op: z.enum(DATE_OPS), date: isoDate }),
  /** Age in whole years on the as-of date: ageAtLeast 3 = founded on or before the as-of date 3 years earlier. */
  z.strictObject({ attribute: z.literal('founded'), op: z.enum(AGE_OPS), years: z.number().int().min(0).max(200) }),
  z.strictObject({ attribute: z.literal('credit'), in: z.array(z.enum(RULE_CREDIT_RATINGS)).min(1) }),
  z.strictObject({ attribute: z.literal('taxpayer'), in: z.array(z.enum(RULE_TAXPAYER_TYPES)).min(1) }),
]);
export type ConditionTest = z.infer<typeof testSchema>;

export const labelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1).optional() });

export const conditionSchema = z.strictObject({
  type: z.literal('condition'),
  /** Unique within the rule; explanations and near-misses name it. */
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  /** With the threshold, e.g. { zh: '上年营业收入 ≥ 2000 万元', en: 'revenue of the previous year ≥ 20 million yuan' }. */
  label: labelSchema,
  /** The clause of the policy document it comes from, e.g. '第三条（一）'. */
  clause: z.string().min(1),
  test: testSchema,
});
export type RuleCondition = z.infer<typeof conditionSchema>;

export type RuleNode =
  | RuleCondition
  | { type: 'all'; items: RuleNode[] }
  | { type: 'any'; items: RuleNode[] }
  | { type: 'not'; item: RuleNode }
  /** `rule`, except when `exception` holds: rule ∧ ¬exception, explained as an exception. */
  | { type: 'unless'; rule: RuleNode; exception: RuleNode };

export const ruleNodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.union([
    conditionSchema,
    z.strictObject({ type: z.literal('all'), items: z.array(ruleNodeSchema).min(1) }),
    z.strictObject({ type: z.literal('any'), items: z.array(ruleNodeSchema).min(1) }),
    z.strictObject({ type: z.literal('not'), item: ruleNodeSchema }),
    z.strictObject({ type: z.literal('unless'), rule: ruleNodeSchema, exception: ruleNodeSchema }),
  ]),
);

/** A policy's eligibility rule is one node (usually `all`). */
export type Rule = RuleNode;

/** The conditions of a rule in document order (depth first). */
export function conditionsOf(node: RuleNode, into: RuleCondition[] = []): RuleCondition[] {
  switch (node.type) {
    case 'condition':
      into.push(node);
      break;
    case 'all':
    case 'any':
      for (const item of node.items) conditionsOf(item, into);
      break;
    case 'not':
      conditionsOf(node.item, into);
      break;
    case 'unless':
      conditionsOf(node.rule, into);
      conditionsOf(node.exception, into);
      break;
  }
  return into;
}

export const ATTRIBUTE_NAMES: Record<RuleAttribute, { zh: string; en: string }> = {
  division: { zh: '所在区划', en: 'division' },
  industry: { zh: '所属行业', en: 'industry' },
  size: { zh: '企业规模', en: 'size class' },
  tag: { zh: '企业标签', en: 'tag' },
  figure: { zh: '年度指标', en: 'yearly figure' },
  capital: { zh: '注册资本', en: 'registered capital' },
  founded: { zh: '成立日期', en: 'founding date' },
  credit: { zh: '纳税信用等级', en: 'tax credit rating' },
  taxpayer: { zh: '纳税人类型', en: 'taxpayer type' },
};
