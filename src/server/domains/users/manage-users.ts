// Administrators create and edit users: roles must match membership (staff → unit, enterprise user → enterprise), every change audited.
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../../db/transaction.ts';
import type { Role } from '../../../shared/roles.ts';
import type { z } from 'zod';
import type { createUserBody, updateUserBody, UserView } from '../../../shared/schemas/index.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { clearLoginFailures, revokeUserSessions } from '../auth/session.repository.ts';
import { findUserView } from './user.repository.ts';

type UseCaseDeps = Pick<Deps, 'clock' | 'hasher'> & { db: Executor };

interface Membership {
  roles: readonly Role[];
  orgUnitId: string | null;
  enterpriseId: string | null;
}

async function checkMembership(db: Executor, m: Membership): Promise<void> {
  const isEnterprise = m.roles.includes('enterprise');
  if (isEnterprise && m.roles.length > 1) throw invalid('roles', '企业用户不能兼任工作人员角色 / an enterprise user cannot also hold staff roles');
  if (isEnterprise) {
    if (!m.enterpriseId) throw invalid('enterpriseId', '企业用户必须属于一家企业 / an enterprise user must belong to an enterprise');
    const found = await db.selectFrom('enterprises').select('id').where('id', '=', m.enterpriseId).executeTakeFirst();
    if (!found) throw invalid('enterpriseId', '企业不存在 / enterprise does not exist');
    if (m.orgUnitId) throw invalid('orgUnitId', '企业用户不属于政府单位 / an enterprise user does not belong to a government unit');
    return;
  }
  if (m.enterpriseId) throw invalid('enterpriseId', '工作人员不属于企业 / staff do not belong to an enterprise');
  if (!m.orgUnitId) throw invalid('orgUnitId', '工作人员必须属于一个单位 / staff must belong to a unit');
  const unit = await db.selectFrom('org_units').select(['id', 'active']).where('id', '=', m.orgUnitId).executeTakeFirst();
  if (!unit) throw invalid('orgUnitId', '单位不存在 / unit does not exist');
  if (!unit.active) throw invalid('orgUnitId', '单位已停用 / unit is deactivated');
}

/** The create body as validated (types follow the shared schema), plus the demo flag only the demo loader sets. */
export type CreateUserInput = z.output<typeof createUserBody> & { isDemo?: boolean };

export async function createUser(deps: UseCaseDeps, ctx: RequestContext, input: CreateUserInput): Promise<UserView> {
  const now = deps.clock.now();
  const roles = [...new Set(input.roles)];
  const membership = { roles, orgUnitId: input.orgUnitId ?? null, enterpriseId: input.enterpriseId ?? null };
  const passwordHash = await deps.hasher.hash(input.password);
  try {
    return await inTransaction(deps.db, async (trx) => {
      await checkMembership(trx, membership);
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username.toLowerCase(),
          display_name: input.displayName,
          password_hash: passwordHash,
          roles,
          org_unit_id: membership.orgUnitId,
          enterprise_id: membership.enterpriseId,
          phone: input.phone ?? null,
          email: input.email ?? null,
          locale: input.locale ?? 'zh-CN',
          is_demo: input.isDemo ?? false,
          created_at: now,
          updated_at: now,
          password_changed_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const view = (await findUserView(trx, row.id))!;
      await recordAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, after: view }, now);
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_key')) throw conflict(`用户名 ${input.username} 已存在 / username already taken`, 'username');
    throw error;
  }
}

export type UpdateUserInput = z.output<typeof updateUserBody>;

export async function updateUser(deps: UseCaseDeps, ctx: RequestContext, id: string, input: UpdateUserInput): Promise<UserView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const before = await findUserView(trx, id);
    if (!before) throw notFound('用户 / user');
    const roles = input.roles ? [...new Set(input.roles)] : before.roles;
    if (id === ctx.actor?.userId) {
      if (!roles.includes('admin') && before.roles.includes('admin')) throw invalid('roles', '不能移除自己的管理员角色 / you cannot remove your own administrator role');
      if (input.status === 'disabled') throw invalid('status', '不能停用自己的账号 / you cannot disable your own account');
    }
    await checkMembership(trx, {
      roles,
      orgUnitId: input.orgUnitId !== undefined ? input.orgUnitId : before.orgUnitId,
      enterpriseId: input.enterpriseId !== undefined ? input.enterpriseId : before.enterpriseId,
    });
    await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.roles !== undefined && { roles }),
        ...(input.orgUnitId !== undefined && { org_unit_id: input.orgUnitId }),
        ...(input.enterpriseId !== undefined && { enterprise_id: input.enterpriseId }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.status !== undefined && { status: input.status }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (input.status === 'disabled') await revokeUserSessions(trx, id, now);
    const after = (await findUserView(trx, id))!;
    await recordAudit(trx, ctx, { action: 'user.update', entityType: 'user', entityId: id, before, after }, now);
    return after;
  });
}

export async function resetPassword(deps: UseCaseDeps, ctx: RequestContext, id: string, password: string): Promise<void> {
  const now = deps.clock.now();
  const passwordHash = await deps.hasher.hash(password);
  await inTransaction(deps.db, async (trx) => {
    const user = await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', id).returning(['id', 'username']).executeTakeFirst();
    if (!user) throw notFound('用户 / user');
    await revokeUserSessions(trx, id, now);
    await clearLoginFailures(trx, user.username);
    // The digest never enters the trail; only the fact that it changed.
    await recordAudit(trx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, after: { passwordChangedAt: now.toISOString() } }, now);
  });
}

export async function changeOwnPassword(deps: UseCaseDeps, ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  const userId = ctx.actor!.userId;
  const row = await deps.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await deps.hasher.verify(row.password_hash, currentPassword))) throw invalid('currentPassword', '当前密码不正确 / current password is wrong');
  if (currentPassword === newPassword) throw invalid('newPassword', '新密码不能与当前密码相同 / the new password must differ');
  const now = deps.clock.now();
  const passwordHash = await deps.hasher.hash(newPassword);
  await inTransaction(deps.db, async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', userId).execute();
    // Other sessions end; the one in use stays.
    await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('id', '!=', ctx.actor!.sessionId ?? '').where('revoked_at', 'is', null).execute();
    await recordAudit(trx, ctx, { action: 'user.change_password', entityType: 'user', entityId: userId, after: { passwordChangedAt: now.toISOString() } }, now);
  });
}

export async function unlockUser(deps: UseCaseDeps, ctx: RequestContext, id: string): Promise<UserView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const before = await findUserView(trx, id, now);
    if (!before) throw notFound('用户 / user');
    await clearLoginFailures(trx, before.username);
    const after = (await findUserView(trx, id, now))!;
    await recordAudit(trx, ctx, { action: 'user.unlock', entityType: 'user', entityId: id, before: { lockedUntil: before.lockedUntil }, after: { lockedUntil: null } }, now);
    return after;
  });
}

export async function updateOwnPreferences(
  deps: Pick<Deps, 'clock'> & { db: Executor },
  ctx: RequestContext,
  input: { displayName?: string; locale?: 'zh-CN' | 'zh-TW' | 'en'; careMode?: boolean },
): Promise<UserView> {
  const now = deps.clock.now();
  const userId = ctx.actor!.userId;
  return inTransaction(deps.db, async (trx) => {
    const before = (await findUserView(trx, userId))!;
    await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.careMode !== undefined && { care_mode: input.careMode }),
        updated_at: now,
      })
      .where('id', '=', userId)
      .execute();
    const after = (await findUserView(trx, userId))!;
    await recordAudit(trx, ctx, { action: 'user.update_preferences', entityType: 'user', entityId: userId, before: { displayName: before.displayName, locale: before.locale, careMode: before.careMode }, after: { displayName: after.displayName, locale: after.locale, careMode: after.careMode } }, now);
    return after;
  });
}
