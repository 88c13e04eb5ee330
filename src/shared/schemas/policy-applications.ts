// Schemas of policy applications (一次告知、一次申报、一次兑现; notes/applications-contract.md): the pre-filled form, the submission, the application view, the reviewer's decisions and the list.
import { z } from 'zod';
import { pageQuery, uuid } from './common.ts';
import { wan } from './enterprises.ts';
import { benefitSchema, triState } from './policies.ts';

export const applicationStatuses = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationAbilities = ['approve', 'reject', 'withdraw', 'attach'] as const;
export type ApplicationAbility = (typeof applicationAbilities)[number];
export const applicationRefusals = ['policy_expired', 'not_application_mode', 'not_eligible', 'already_applied', 'not_in_force'] as const;
export type ApplicationRefusal = (typeof applicationRefusals)[number];
/** Accepted attachment types (decided by content): images and PDF. */
export const applicationAttachmentTypes = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;

export const eligibilityCondition = z.object({ id: z.string(), label: z.string(), result: triState, actual: z.string().nullable(), met: z.boolean() });
export const applicationEligibility = z.object({ eligible: triState, conditions: z.array(eligibilityCondition) });
export type ApplicationEligibility = z.infer<typeof applicationEligibility>;

export const applicationFigures = z.object({
  year: z.number().int(),
  /** 万元 as decimal text; null when the registry has no value. */
  revenue: z.string().nullable(),
  headcount: z.number().int().nullable(),
  assets: z.string().nullable(),
  taxPaid: z.string().nullable(),
});

/** The registry's values as the form shows them (and as the application keeps them). */
export const applicationEnterprise = z.object({
  uscc: z.string(),
  name: z.string(),
  divisionCode: z.string().nullable(),
  divisionName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  size: z.string().nullable(),
  foundedOn: z.string().nullable(),
  legalRepresentative: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
  figures: z.array(applicationFigures),
});
export type ApplicationEnterprise = z.infer<typeof applicationEnterprise>;

export const applicationForm = z.object({
  policy: z.object({
    id: uuid,
    title: z.string(),
    docNumber: z.string(),
    version: z.number().int(),
    responsibleUnit: z.string().nullable(),
    contactPerson: z.string(),
    contactPhone: z.string(),
    effectiveFrom: z.string(),
    effectiveUntil: z.string().nullable(),
    benefit: benefitSchema,
    reviewWorkingDays: z.number().int(),
  }),
  enterprise: applicationEnterprise,
  eligibility: applicationEligibility,
  /** 万元 for this enterprise when computable. */
  estimatedAmount: z.string().nullable(),
  canApply: z.boolean(),
  refusal: z.object({ reason: z.enum(applicationRefusals), message: z.string() }).nullable(),
  existingApplicationId: uuid.nullable(),
});
export type ApplicationForm = z.infer<typeof applicationForm>;

const required = (max: number, min = 1) =>
  z
    .string({ error: '必填 / required' })
    .trim()
    .min(min, { error: min === 1 ? '不能为空 / must not be empty' : `至少 ${min} 个字符 / at least ${min} characters` })
    .max(max, { error: `不超过 ${max} 个字符 / at most ${max} characters` });

export const submitApplicationBody = z.strictObject({
  contactName: required(50),
  /** Mobile or landline: digits with an optional +, spaces, hyphens and parentheses. */
  contactPhone: required(20, 7).regex(/^\+?[0-9][0-9 ()-]{5,19}$/, { error: '电话号码格式不正确 / not a phone number' }),
  statement: z.string({ error: '须为文字 / must be text' }).trim().max(2000, { error: '不超过 2000 字 / at most 2000 characters' }).optional(),
  confirmed: z.literal(true, { error: '请确认申报信息真实有效 / confirm that the application is true (confirmed: true)' }),
});
export type SubmitApplicationBody = z.infer<typeof submitApplicationBody>;

export const approveApplicationBody = z
  .strictObject({
    /** 万元 > 0; defaults to the computed benefit. */
    amount: wan.optional(),
    note: z.string({ error: '须为文字 / must be text' }).trim().max(500, { error: '不超过 500 字 / at most 500 characters' }).optional(),
  })
  .optional();
export const rejectApplicationBody = z.strictObject({ reason: required(500) });

export const applicationAttachment = z.object({ id: uuid, fileName: z.string(), contentType: z.string(), size: z.number().int() });
export type ApplicationAttachment = z.infer<typeof applicationAttachment>;

export const policyApplication = z.object({
  id: uuid,
  number: z.string(),
  policyId: uuid,
  policyTitle: z.string(),
  version: z.number().int(),
  enterprise: z.object({ uscc: z.string(), name: z.string() }),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  reviewDueAt: z.string(),
  reviewWorkingDays: z.number().int(),
  /** Still submitted past reviewDueAt, or decided after it (frozen at decision). */
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: uuid, name: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  /** Approved amount, 万元. */
  amount: z.string().nullable(),
  grantId: uuid.nullable(),
  /** At submission. */
  eligibility: applicationEligibility,
  form: z.object({
    contactName: z.string(),
    contactPhone: z.string(),
    statement: z.string().nullable(),
    enterprise: applicationEnterprise,
    /** 万元: the benefit the enterprise was shown when it applied (the reviewer's starting amount); null when not computable. */
    estimatedAmount: z.string().nullable(),
  }),
  attachments: z.array(applicationAttachment),
  abilities: z.array(z.enum(applicationAbilities)),
});
export type PolicyApplication = z.infer<typeof policyApplication>;

export const listApplicationsQuery = pageQuery.extend({
  status: z.enum(applicationStatuses).optional(),
  policyId: uuid.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuery>;
export const applicationList = z.object({ total: z.number().int(), items: z.array(policyApplication) });
export type ApplicationList = z.infer<typeof applicationList>;

export const applicationAttachmentParams = z.object({ id: uuid, attachmentId: uuid });
