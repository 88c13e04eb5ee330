// Calls of user administration: list with filters, create, edit, reset password, unlock.
import type { z } from 'zod';
import { listOf, userView, type createUserBody, type updateUserBody } from '../../../shared/schemas/index.ts';
import type { Role } from '../../../shared/roles.ts';
import { api } from '../../lib/api.ts';

export interface UserListParams {
  q?: string;
  role?: Role;
  orgUnitId?: string;
  page: number;
  pageSize: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
};

export function fetchUsers(params: UserListParams) {
  return api.get('/users', listOf(userView), { ...params });
}

export type CreateUserInput = z.input<typeof createUserBody>;

export function createUser(body: CreateUserInput) {
  return api.create('/users', body, userView);
}

export type UpdateUserInput = z.input<typeof updateUserBody>;

export function updateUser(id: string, body: UpdateUserInput) {
  return api.patch(`/users/${id}`, body, userView);
}

export function resetUserPassword(id: string, password: string) {
  return api.post(`/users/${id}/reset-password`, { password });
}

export function unlockUser(id: string) {
  return api.post(`/users/${id}/unlock`, undefined, userView);
}
