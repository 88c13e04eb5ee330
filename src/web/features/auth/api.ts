// Calls of the auth endpoints: login, logout, the current user (/me), its preferences and password.
import { z } from 'zod';
import { meResponse, userView, type MeResponse } from '../../../shared/schemas/index.ts';
import type { Locale } from '../../../shared/roles.ts';
import { api, apiRequest } from '../../lib/api.ts';

export const meQueryKey = ['me'] as const;

const loginResponse = z.object({ user: userView });

export function login(username: string, password: string) {
  return apiRequest('/auth/login', { method: 'POST', body: { username, password }, schema: loginResponse, allowUnauthenticated: true });
}

export function logout() {
  return apiRequest('/auth/logout', { method: 'POST', allowUnauthenticated: true });
}

export function fetchMe(): Promise<MeResponse> {
  return api.get('/me', meResponse);
}

export function updateMe(changes: { displayName?: string; locale?: Locale; careMode?: boolean }): Promise<MeResponse> {
  return api.patch('/me', changes, meResponse);
}

export function changePassword(currentPassword: string, newPassword: string) {
  return api.post('/me/password', { currentPassword, newPassword });
}
