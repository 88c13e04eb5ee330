// Calls and answer shapes of policy applications (一次申报, notes/applications-contract.md): the pre-filled form, applying, attachments, the lists, one application, approve / reject / withdraw.
import { z } from 'zod';
import { benefitSchema, triState } from '../../../../shared/schemas/policies.ts';
import { api, apiRequest, apiUpload, apiUrl } from '../../../lib/api.ts';

export const applicationStatuses = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const refusalReasons = ['policy_expired', 'not_application_mode', 'not_eligible', 'already_applied', 'not_in_force'] as const;
export const applicationAbilities = ['approve', 'reject', 'withdraw', 'attach'] as const;
export type ApplicationAbility = (typeof applicationAbilities)[number];

/** A label in zh, or zh / zh-TW / en. */
const label = z.union([z.string(), z.object({ zh: z.string(), 'zh-TW': z.string().optional(), en: z.string().optional() })]);
export type ConditionLabel = z.infer<typeof label>;
const figureValue = z.union([z.string(), z.number(), z.null()]).optional();

export const eligibilitySchema = z.object({
  eligible: triState,
  conditions: z.array(z.object({ id: z.string(), label, result: triState, actual: z.union([z.string(), z.number(), z.null()]).optional(), met: z.boolean() })),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** The registry values as the form shows them (and as the application keeps them in its snapshot). */
export const enterpriseSnapshot = z.object({
  uscc: z.string(),
  name: z.string(),
  divisionCode: z.string().nullish(),
  divisionName: z.string().nullish(),
  industryCode: z.string().nullish(),
  industryName: z.string().nullish(),
  size: z.string().nullish(),
  foundedOn: z.string().nullish(),
  legalRepresentative: z.string().nullish(),
  contactPhone: z.string().nullish(),
  figures: z.array(z.object({ year: z.number(), revenue: figureValue, headcount: figureValue, assets: figureValue, tax: figureValue, taxPaid: figureValue })).default([]),
});
export type EnterpriseSnapshot = z.infer<typeof enterpriseSnapshot>;

export const applicationForm = z.object({
  policy: z.object({
    id: z.string(),
    title: z.string(),
    docNumber: z.string().nullish(),
    version: z.number(),
    responsibleUnit: z.string().nullish(),
    contactPerson: z.string().nullish(),
    contactPhone: z.string().nullish(),
    effectiveFrom: z.string().nullish(),
    effectiveUntil: z.string().nullish(),
    benefit: benefitSchema,
    reviewWorkingDays: z.number(),
  }),
  enterprise: enterpriseSnapshot,
  eligibility: eligibilitySchema,
  estimatedAmount: z.string().nullable(),
  canApply: z.boolean(),
  refusal: z.object({ reason: z.string(), message: z.string() }).nullable(),
  existingApplicationId: z.string().nullable(),
});
export type ApplicationForm = z.infer<typeof applicationForm>;

export const applicationAttachment = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() });
export type ApplicationAttachment = z.infer<typeof applicationAttachment>;

export const policyApplication = z.object({
  id: z.string(),
  number: z.string(),
  policyId: z.string(),
  policyTitle: z.string(),
  version: z.number(),
  enterprise: z.object({ uscc: z.string(), name: z.string() }),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  reviewDueAt: z.string(),
  reviewWorkingDays: z.number(),
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  amount: z.string().nullable(),
  /** The benefit computed for the enterprise (万元), when the server gives it: the approve dialog's default. */
  estimatedAmount: z.string().nullish(),
  grantId: z.string().nullable(),
  eligibility: eligibilitySchema,
  form: z.object({ contactName: z.string(), contactPhone: z.string(), statement: z.string().nullish(), enterprise: enterpriseSnapshot.partial() }),
  attachments: z.array(applicationAttachment),
  abilities: z.array(z.string()),
});
export type PolicyApplication = z.infer<typeof policyApplication>;
export const applicationList = z.object({ total: z.number(), items: z.array(policyApplication) });

export interface ApplicationFilters {
  status?: ApplicationStatus;
  policyId?: string;
  overdue?: boolean;
}

export interface ApplyBody {
  contactName: string;
  contactPhone: string;
  statement?: string;
  confirmed: true;
}

export const applicationKeys = {
  all: ['policy-applications'] as const,
  form: (policyId: string) => ['policy-applications', 'form', policyId] as const,
  list: (filters: ApplicationFilters, page: number, pageSize: number) => ['policy-applications', 'list', filters, page, pageSize] as const,
  detail: (id: string) => ['policy-applications', 'detail', id] as const,
};

const policyPath = (policyId: string) => `/policies/${encodeURIComponent(policyId)}`;
const applicationPath = (id: string) => `/policy-applications/${encodeURIComponent(id)}`;

export function fetchApplicationForm(policyId: string) {
  return api.get(`${policyPath(policyId)}/application-form`, applicationForm);
}

/** Sent with an Idempotency-Key (api.create): a retry after a lost answer creates no second application. */
export function applyForPolicy(policyId: string, body: ApplyBody) {
  return api.create(`${policyPath(policyId)}/applications`, body, policyApplication);
}

export function uploadApplicationAttachment(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload(`${applicationPath(id)}/attachments`, form, applicationAttachment);
}

export const applicationAttachmentUrl = (id: string, attachmentId: string) => apiUrl(`${applicationPath(id)}/attachments/${encodeURIComponent(attachmentId)}`);

export function fetchApplications(filters: ApplicationFilters, page: number, pageSize: number) {
  return api.get('/policy-applications', applicationList, { status: filters.status, policyId: filters.policyId, overdue: filters.overdue ? true : undefined, page, pageSize });
}

export function fetchApplication(id: string) {
  return api.get(applicationPath(id), policyApplication);
}

export function approveApplication(id: string, body: { amount?: string; note?: string }) {
  return apiRequest(`${applicationPath(id)}/approve`, { method: 'POST', body, schema: policyApplication });
}

export function rejectApplication(id: string, body: { reason: string }) {
  return apiRequest(`${applicationPath(id)}/reject`, { method: 'POST', body, schema: policyApplication });
}

export function withdrawApplication(id: string) {
  return apiRequest(`${applicationPath(id)}/withdraw`, { method: 'POST', body: {}, schema: policyApplication });
}
