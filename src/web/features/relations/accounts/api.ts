// Calls of enterprise accounts: the public claim and its status, requests to verify, members and invitations, the caller's own account.
import { listOf } from '../../../../shared/schemas/common.ts';
import {
  accountRequestStatusView,
  accountRequestView,
  claimAccountResponse,
  memberView,
  myAccountView,
  type ClaimAccountBody,
} from '../../../../shared/schemas/enterprise-relations.ts';
import { api, apiRequest } from '../../../lib/api.ts';

export const accountKeys = {
  all: ['enterprise-accounts'] as const,
  requests: (status: string) => ['enterprise-accounts', 'requests', status] as const,
  members: (enterpriseId: string | null) => ['enterprise-accounts', 'members', enterpriseId] as const,
  me: ['enterprise-accounts', 'me'] as const,
};

export const claimAccount = (body: ClaimAccountBody) =>
  apiRequest('/public/enterprise-accounts/claims', { method: 'POST', body, schema: claimAccountResponse, creates: true, allowUnauthenticated: true });
export const claimStatus = (id: string, token: string) =>
  apiRequest(`/public/enterprise-accounts/claims/${id}/status`, { method: 'POST', body: { token }, schema: accountRequestStatusView, allowUnauthenticated: true });
export const fetchAccountRequests = (status: string) => api.get('/enterprise-accounts/requests', listOf(accountRequestView), { status: status || undefined, pageSize: 100 });
export const approveRequest = (id: string) => api.post(`/enterprise-accounts/requests/${id}/approve`, undefined, accountRequestView);
export const rejectRequest = (id: string, reason: string) => api.post(`/enterprise-accounts/requests/${id}/reject`, { reason }, accountRequestView);
export const fetchMembers = (enterpriseId: string | null) => api.get('/enterprise-accounts/members', listOf(memberView), { enterpriseId, pageSize: 100 });
export const inviteMember = (body: { enterpriseId?: string; username: string; displayName: string; password: string; phone?: string }) =>
  api.create('/enterprise-accounts/members', body, memberView);
export const fetchMyAccount = () => api.get('/enterprise-accounts/me', myAccountView);
