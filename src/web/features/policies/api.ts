// Calls of the policy domain: list, one policy, create and edit, the editor's live rule check, publish preview and publish, versions, matches, and an enterprise's 政策匹配.
import {
  enterprisePolicies,
  policyList,
  policyMatches,
  policyVersionList,
  policyView,
  publishPreview,
  publishResult,
  ruleCheckResult,
  type PolicyInputBody,
  type PolicyMode,
  type PolicyStatus,
} from '../../../shared/schemas/policies.ts';
import { api, apiRequest } from '../../lib/api.ts';

export interface PolicyFilters {
  q?: string;
  status?: PolicyStatus;
  mode?: PolicyMode;
}

export const policyKeys = {
  all: ['policies'] as const,
  list: (filters: PolicyFilters, page: number, pageSize: number) => ['policies', 'list', filters, page, pageSize] as const,
  detail: (id: string) => ['policies', 'detail', id] as const,
  versions: (id: string) => ['policies', 'versions', id] as const,
  matches: (id: string, asOf: string | undefined, page: number) => ['policies', 'matches', id, asOf ?? '', page] as const,
  preview: (id: string) => ['policies', 'preview', id] as const,
  ruleCheck: (ruleText: string) => ['policies', 'rule-check', ruleText] as const,
  ofEnterprise: (uscc: string, asOf?: string) => ['policies', 'enterprise', uscc, asOf ?? ''] as const,
};

export function fetchPolicies(filters: PolicyFilters, page: number, pageSize: number) {
  return api.get('/policies', policyList, { q: filters.q?.trim() || undefined, status: filters.status, mode: filters.mode, page, pageSize });
}

export function fetchPolicy(id: string) {
  return api.get(`/policies/${encodeURIComponent(id)}`, policyView);
}

export function createPolicy(body: PolicyInputBody) {
  return api.create('/policies', body, policyView);
}

export function updatePolicy(id: string, body: Partial<PolicyInputBody>) {
  return api.patch(`/policies/${encodeURIComponent(id)}`, body, policyView);
}

/** The editor's live count; never writes. A rule with faults answers 400 with them. */
export function checkRule(rule: unknown, signal?: AbortSignal, asOf?: string) {
  return apiRequest('/policies/rule-check', { method: 'POST', body: { rule, asOf }, schema: ruleCheckResult, signal });
}

export function fetchPublishPreview(id: string) {
  return api.get(`/policies/${encodeURIComponent(id)}/publish-preview`, publishPreview);
}

export function publishPolicy(id: string) {
  return api.post(`/policies/${encodeURIComponent(id)}/publish`, {}, publishResult);
}

export function fetchVersions(id: string) {
  return api.get(`/policies/${encodeURIComponent(id)}/versions`, policyVersionList);
}

export function fetchMatches(id: string, asOf: string | undefined, page: number, pageSize: number) {
  return api.get(`/policies/${encodeURIComponent(id)}/matches`, policyMatches, { asOf, page, pageSize });
}

export function fetchEnterprisePolicies(uscc: string, asOf?: string) {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}/policies`, enterprisePolicies, { asOf });
}

/** 废止: the policy stops being in force today; the reason is required. */
export function withdrawPolicy(id: string, reason: string) {
  return apiRequest(`/policies/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: { reason }, schema: policyView });
}
