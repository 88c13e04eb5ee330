// Schemas of the organisation tree (regions and departments) and of user administration.
import { z } from 'zod';
import { locales, orgUnitKinds, roles } from '../roles.ts';
import { passwordPolicy } from './auth.ts';
import { pageQuery, uuid } from './common.ts';

export const orgUnitView = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  kind: z.enum(orgUnitKinds),
  name: z.string(),
  code: z.string(),
  divisionCode: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type OrgUnitView = z.infer<typeof orgUnitView>;

const unitCode = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, { error: '小写字母、数字和连字符 / lower-case letters, digits and hyphens' });
const divisionCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, { error: '6、9 或 12 位统计用区划代码 / a 6, 9 or 12 digit division code' });

export const createOrgUnitBody = z.object({
  parentId: uuid.nullable(),
  kind: z.enum(orgUnitKinds),
  name: z.string().trim().min(1).max(64),
  code: unitCode,
  divisionCode: divisionCode.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const updateOrgUnitBody = z
  .object({
    parentId: uuid.nullable().optional(),
    name: z.string().trim().min(1).max(64).optional(),
    divisionCode: divisionCode.nullable().optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: '3–32 位小写字母、数字、点、下划线或连字符 / 3–32 lower-case letters, digits, . _ -' });

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64),
  password: passwordPolicy,
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  orgUnitId: uuid.nullable().optional(),
  enterpriseId: uuid.nullable().optional(),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).nullable().optional(),
  email: z.email().nullable().optional(),
  locale: z.enum(locales).optional(),
});

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
    orgUnitId: uuid.nullable().optional(),
    enterpriseId: uuid.nullable().optional(),
    phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).nullable().optional(),
    email: z.email().nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();

export const resetPasswordBody = z.object({ password: passwordPolicy });

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
  orgUnitId: uuid.optional(),
  enterpriseId: uuid.optional(),
});

export const enterpriseSummary = z.object({ id: uuid, uscc: z.string(), name: z.string(), divisionCode: z.string().nullable() });
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;
export const listEnterprisesQuery = pageQuery.extend({ q: z.string().trim().max(64).optional() });
