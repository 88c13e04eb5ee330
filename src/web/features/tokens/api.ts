// Calls of the personal API tokens: list, create (the secret is returned once), revoke.
import { apiTokenView, createdApiToken, listOf } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export const tokenKeys = { list: ['api-tokens'] as const };

export function fetchApiTokens() {
  return api.get('/api-tokens', listOf(apiTokenView), { page: 1, pageSize: 200 });
}

export function createApiToken(body: { name: string; expiresInDays?: number }) {
  return api.create('/api-tokens', body, createdApiToken);
}

export function revokeApiToken(id: string) {
  return api.delete(`/api-tokens/${id}`);
}
