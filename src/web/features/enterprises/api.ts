// Calls of the enterprise registry used by other pages so far: search by name or credit code.
import { enterpriseSummary, listOf } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export const enterpriseKeys = { search: (q: string) => ['enterprises', 'search', q] as const };

export function searchEnterprises(q: string, pageSize = 20) {
  return api.get('/enterprises', listOf(enterpriseSummary), { q: q.trim() || undefined, page: 1, pageSize });
}
