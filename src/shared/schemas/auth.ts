// Schemas of login, the current user, password change and API tokens.
import { z } from 'zod';
import { locales, roles } from '../roles.ts';
import { uuid } from './common.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const userView = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  orgUnitId: uuid.nullable(),
  orgUnitName: z.string().nullable(),
  enterpriseId: uuid.nullable(),
  enterpriseName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  locale: z.enum(locales),
  careMode: z.boolean(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const meResponse = z.object({
  user: userView,
  abilities: z.array(z.string()),
  session: z.object({ expiresAt: z.string(), idleTimeoutMinutes: z.number() }).nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeBody = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    locale: z.enum(locales).optional(),
    careMode: z.boolean().optional(),
  })
  .strict();

export const passwordPolicy = z
  .string()
  .min(10, { error: '至少 10 个字符 / at least 10 characters' })
  .max(256);

export const changePasswordBody = z.object({ currentPassword: z.string().min(1), newPassword: passwordPolicy });

export const apiTokenView = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(64),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const createdApiToken = apiTokenView.extend({ token: z.string() });
