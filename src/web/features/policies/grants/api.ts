// Calls of 免申即享: a policy's grants with its budget, candidates as of a date, bulk approval, exclusion, payouts, and the payout ledger (兑付台账) with its CSV export.
import { approveGrantsResult, createCandidatesResult, grantList, payoutLedger, type GrantStatus } from '../../../../shared/schemas/policies.ts';
import { api, apiUrl } from '../../../lib/api.ts';

export type LedgerGroupBy = 'policy' | 'department' | 'district' | 'month';
export interface LedgerFilters {
  groupBy: LedgerGroupBy;
  from?: string;
  to?: string;
}

export const grantKeys = {
  all: ['grants'] as const,
  ofPolicy: (policyId: string) => ['grants', 'policy', policyId] as const,
  list: (policyId: string, status: GrantStatus | undefined, page: number, pageSize: number) => ['grants', 'policy', policyId, status ?? '', page, pageSize] as const,
  ledger: (filters: LedgerFilters) => ['grants', 'ledger', filters.groupBy, filters.from ?? '', filters.to ?? ''] as const,
};

const grantsPath = (policyId: string) => `/policies/${encodeURIComponent(policyId)}/grants`;

export function fetchGrants(policyId: string, status: GrantStatus | undefined, page: number, pageSize: number) {
  return api.get(grantsPath(policyId), grantList, { status, page, pageSize });
}

export function createCandidates(policyId: string, asOf: string | undefined) {
  return api.post(`${grantsPath(policyId)}/candidates`, asOf ? { asOf } : {}, createCandidatesResult);
}

/** Approves the named candidates in rank order while the budget allows; the rest stay candidates with the reason. */
export function approveGrants(policyId: string, grantIds: string[]) {
  return api.post(`${grantsPath(policyId)}/approve`, { grantIds }, approveGrantsResult);
}

export function excludeGrant(policyId: string, grantId: string, reason: string) {
  return api.post(`${grantsPath(policyId)}/${encodeURIComponent(grantId)}/exclude`, { reason });
}

export function recordPayout(policyId: string, grantId: string, paidOn: string, reference: string) {
  return api.post(`${grantsPath(policyId)}/${encodeURIComponent(grantId)}/payout`, { paidOn, reference });
}

export function fetchLedger(filters: LedgerFilters) {
  return api.get('/policy-payouts/ledger', payoutLedger, { groupBy: filters.groupBy, from: filters.from, to: filters.to });
}

/** Every payout within the same dates, as CSV (the server sends it as an attachment). */
export const ledgerCsvUrl = (filters: Pick<LedgerFilters, 'from' | 'to'>) => apiUrl('/policy-payouts/ledger.csv', { from: filters.from, to: filters.to });
