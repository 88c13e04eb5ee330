// Calls of policy applications (一次申报, notes/applications-contract.md) typed with the shared schemas: the pre-filled form, applying, attachments, the lists, one application, approve / reject / withdraw.
import {
  applicationAttachment,
  applicationForm,
  applicationList,
  applicationStatuses,
  policyApplication,
  type ApplicationAbility,
  type ApplicationEligibility,
  type ApplicationEnterprise,
  type ApplicationForm,
  type ApplicationStatus,
  type PolicyApplication,
  type SubmitApplicationBody,
} from '../../../../shared/schemas/policy-applications.ts';
import { api, apiRequest, apiUpload, apiUrl } from '../../../lib/api.ts';

export { applicationStatuses };
export type { ApplicationAbility, ApplicationForm, ApplicationStatus, PolicyApplication };
export type Eligibility = ApplicationEligibility;
export type EnterpriseSnapshot = ApplicationEnterprise;
/** A condition's label: zh text (as the server sends it), or zh / zh-TW / en. */
export type ConditionLabel = string | { zh: string; 'zh-TW'?: string; en?: string };

export interface ApplicationFilters {
  status?: ApplicationStatus;
  policyId?: string;
  overdue?: boolean;
}

export type ApplyBody = SubmitApplicationBody;

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
