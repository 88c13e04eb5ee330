// Calls of 企业家绿卡: staff list, issue, renew, revoke; the public verification (no session needed).
import { listOf } from '../../../shared/schemas/common.ts';
import { greenCardView, publicGreenCardView } from '../../../shared/schemas/enterprise-relations.ts';
import { api, apiRequest } from '../../lib/api.ts';

export const greenCardKeys = {
  all: ['green-cards'] as const,
  list: (q: string, status: string) => ['green-cards', 'list', q, status] as const,
  verify: (number: string) => ['green-cards', 'verify', number] as const,
};

export const fetchGreenCards = (q: string, status: string) => api.get('/green-cards', listOf(greenCardView), { q, status: status || undefined, pageSize: 100 });
export const issueGreenCard = (body: { enterpriseId: string; holderName: string; holderTitle?: string; idCardTail?: string; validFrom: string; validUntil: string }) =>
  api.create('/green-cards', body, greenCardView);
export const renewGreenCard = (id: string, validUntil: string) => api.post(`/green-cards/${id}/renew`, { validUntil }, greenCardView);
export const revokeGreenCard = (id: string, reason: string) => api.post(`/green-cards/${id}/revoke`, { reason }, greenCardView);
export const verifyGreenCard = (number: string) =>
  apiRequest(`/public/green-cards/${encodeURIComponent(number)}`, { schema: publicGreenCardView, allowUnauthenticated: true });

/** LK-XXXX-XXXX-XXXX-C, as printed on the card. */
export const formatCardNumber = (number: string) => (number.length === 15 ? `${number.slice(0, 2)}-${number.slice(2, 6)}-${number.slice(6, 10)}-${number.slice(10, 14)}-${number.slice(14)}` : number);
