// Schemas of the enterprise registry (API.md "Enterprises"): create/update bodies, yearly figures, tags, the list filters and the views.
import { z } from 'zod';
import { businessDate, pageQuery, uuid } from './common.ts';

export const enterpriseTags = ['above_scale', 'specialised', 'little_giant', 'high_tech', 'tech_sme', 'whitelist', 'ipo_reserve'] as const;
export type EnterpriseTag = (typeof enterpriseTags)[number];
export const sizeClasses = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClassName = (typeof sizeClasses)[number];
export const taxpayerTypes = ['general', 'small_scale'] as const;
export const creditRatings = ['A', 'B', 'M', 'C', 'D'] as const;
export const enterpriseStatuses = ['active', 'deregistered'] as const;
export const figureSources = ['manual', 'import', 'enterprise'] as const;

/** Money in 万元: a decimal (number or string) with at most 6 decimals, never negative; kept as a string so PG stores it exactly. */
export const wan = z
  .union([z.number(), z.string().trim()], { error: '金额须为数字（万元）/ amount must be a number in 万元' })
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => /^\d{1,14}(\.\d{1,6})?$/.test(v), { error: '金额须为不小于 0 的数字，单位万元，最多 6 位小数 / amount in 万元, not negative, at most 6 decimals' });
/** Tax may be negative (refunds exceed payments). */
export const signedWan = z
  .union([z.number(), z.string().trim()], { error: '金额须为数字（万元）/ amount must be a number in 万元' })
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => /^-?\d{1,14}(\.\d{1,6})?$/.test(v), { error: '金额须为数字，单位万元，最多 6 位小数 / amount in 万元, at most 6 decimals' });
export const headcount = z
  .number({ error: '从业人员须为整数 / headcount must be an integer' })
  .int({ error: '从业人员须为整数 / headcount must be an integer' })
  .min(0, { error: '从业人员不能为负数 / headcount must not be negative' })
  .max(10_000_000, { error: '从业人员人数不合理 / headcount is implausible' });
export const figureYear = z.coerce
  .number({ error: '年份须为整数 / year must be an integer' })
  .int({ error: '年份须为整数 / year must be an integer' })
  .min(1949, { error: '年份不早于 1949 / year from 1949' })
  .max(2200, { error: '年份不合理 / year is implausible' });

const text = (max: number) =>
  z.string().trim().min(1, { error: '不能为空 / must not be empty' }).max(max, { error: `不超过 ${max} 字 / at most ${max} characters` });
const optionalText = (max: number) => text(max).nullable().optional();
const phone = z.string().trim().regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确 / not a phone number' });
const email = z.email({ error: '邮箱格式不正确 / not an e-mail address' });
/** Division and industry codes are checked against the reference tables by the use case (a clear 400 naming the field). */
const code = z.string({ error: '须为代码字符串 / must be a code' }).trim().min(1, { error: '不能为空 / must not be empty' }).max(20);

export const tagInput = z.object({
  tag: z.enum(enterpriseTags, { error: `标签须为 ${enterpriseTags.join(', ')} 之一 / unknown tag` }),
  /** Defaults to today. */
  validFrom: businessDate.optional(),
  validUntil: businessDate.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type TagInput = z.infer<typeof tagInput>;

export const createEnterpriseBody = z.object({
  /** Checked with the GB 32100 rules: a wrong code answers `invalid_uscc` with the reason. */
  uscc: z.string({ error: '统一社会信用代码必填 / uscc is required' }),
  name: text(200),
  divisionCode: code,
  industryCode: code,
  foundedOn: businessDate,
  formerNames: z.array(text(200)).max(50).optional(),
  legalRepresentative: optionalText(64),
  registeredAddress: optionalText(300),
  registeredCapital: wan.nullable().optional(),
  taxpayerType: z.enum(taxpayerTypes).nullable().optional(),
  creditRating: z.enum(creditRatings).nullable().optional(),
  contactName: optionalText(64),
  contactPhone: phone.nullable().optional(),
  contactEmail: email.nullable().optional(),
  /** The year headcount/revenue/assets/tax belong to; defaults to last year. */
  figuresYear: figureYear.optional(),
  headcount: headcount.optional(),
  revenue: wan.optional(),
  assets: wan.optional(),
  tax: signedWan.optional(),
  tags: z.array(z.union([z.enum(enterpriseTags), tagInput])).max(enterpriseTags.length * 4).optional(),
});
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseBody>;

/** Contact fields: the only ones an enterprise's own users may change. */
export const enterpriseContactFields = ['contactName', 'contactPhone', 'contactEmail'] as const;

export const updateEnterpriseBody = z
  .object({
    name: text(200).optional(),
    divisionCode: code.optional(),
    industryCode: code.optional(),
    foundedOn: businessDate.optional(),
    legalRepresentative: optionalText(64),
    registeredAddress: optionalText(300),
    registeredCapital: wan.nullable().optional(),
    taxpayerType: z.enum(taxpayerTypes).nullable().optional(),
    creditRating: z.enum(creditRatings).nullable().optional(),
    status: z.enum(enterpriseStatuses).optional(),
    contactName: optionalText(64),
    contactPhone: phone.nullable().optional(),
    contactEmail: email.nullable().optional(),
  })
  .strict();
export type UpdateEnterpriseBody = z.infer<typeof updateEnterpriseBody>;

export const putFiguresBody = z
  .object({
    headcount: headcount.nullable().optional(),
    revenue: wan.nullable().optional(),
    assets: wan.nullable().optional(),
    tax: signedWan.nullable().optional(),
  })
  .strict();
export type PutFiguresBody = z.infer<typeof putFiguresBody>;

export const revokeTagBody = z.object({ note: z.string().trim().max(500).optional() }).optional();

export const usccParams = z.object({ uscc: z.string().trim().min(1).max(40) });
export const figuresParams = usccParams.extend({ year: figureYear });
export const tagParams = usccParams.extend({ tagId: uuid });

export const searchEnterprisesQuery = pageQuery.extend({
  /** Name (partial), a former name, a credit code prefix, or pinyin initials (hzzl → 湖州织里…). */
  q: z.string().trim().max(64).optional(),
  /** A division code: the enterprises of its subtree. */
  divisionCode: z.string().trim().regex(/^\d{2,12}$/, { error: '区划代码须为数字 / division code is digits' }).optional(),
  /** An industry class (3011, C3011), a division (30), or a section letter (C). */
  industryCode: z.string().trim().regex(/^[A-Ta-t]?\d{0,4}$/, { error: '行业代码格式不正确 / not an industry code' }).optional(),
  /** Held today. */
  tag: z.enum(enterpriseTags).optional(),
  size: z.enum(sizeClasses).optional(),
  status: z.enum(enterpriseStatuses).optional(),
});
export type SearchEnterprisesQuery = z.infer<typeof searchEnterprisesQuery>;

export const enterpriseListItem = z.object({
  id: uuid,
  uscc: z.string(),
  name: z.string(),
  divisionCode: z.string().nullable(),
  divisionName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  /** Masked (张*) in lists. */
  legalRepresentative: z.string().nullable(),
  foundedOn: z.string().nullable(),
  size: z.enum(sizeClasses).nullable(),
  sizeYear: z.number().nullable(),
  status: z.enum(enterpriseStatuses),
  tags: z.array(z.enum(enterpriseTags)),
});
export type EnterpriseListItem = z.infer<typeof enterpriseListItem>;

export const enterpriseFigures = z.object({
  year: z.number().int(),
  headcount: z.number().int().nullable(),
  /** 万元, decimal strings */
  revenue: z.string().nullable(),
  assets: z.string().nullable(),
  tax: z.string().nullable(),
  source: z.enum(figureSources),
  updatedAt: z.string(),
});

const userRef = z.object({ id: uuid, displayName: z.string() }).nullable();

export const enterpriseTagView = z.object({
  id: uuid,
  tag: z.enum(enterpriseTags),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  note: z.string().nullable(),
  setBy: userRef,
  setAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: userRef,
  /** Held today: valid_from ≤ today ≤ valid_until (or open) and not revoked. */
  held: z.boolean(),
});
export type EnterpriseTagView = z.infer<typeof enterpriseTagView>;

export const enterpriseAbilities = ['update', 'update-contact', 'figures', 'tag'] as const;

export const enterpriseView = z.object({
  id: uuid,
  uscc: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  legalRepresentative: z.string().nullable(),
  registeredAddress: z.string().nullable(),
  divisionCode: z.string().nullable(),
  division: z.object({ code: z.string(), name: z.string(), fullName: z.string(), level: z.string(), parents: z.array(z.object({ code: z.string(), name: z.string() })) }).nullable(),
  industryCode: z.string().nullable(),
  industry: z.object({ code: z.string(), name: z.string(), section: z.string(), sectionName: z.string(), path: z.array(z.object({ code: z.string(), name: z.string() })) }).nullable(),
  foundedOn: z.string().nullable(),
  registeredCapital: z.string().nullable(),
  taxpayerType: z.enum(taxpayerTypes).nullable(),
  creditRating: z.enum(creditRatings).nullable(),
  status: z.enum(enterpriseStatuses),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), phoneMasked: z.boolean() }),
  figures: z.array(enterpriseFigures),
  tags: z.array(enterpriseTagView),
  size: z.enum(sizeClasses).nullable(),
  sizeYear: z.number().nullable(),
  sizeSector: z.string().nullable(),
  /** "工业: 从业人员 250 人, 营业收入 1.2 亿元 → 中型" (null when no year has figures). */
  sizeBasis: z.string().nullable(),
  sizeBasisTranslations: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.array(z.enum(enterpriseAbilities)),
});
export type EnterpriseView = z.infer<typeof enterpriseView>;
