// HTTP routes for user administration: list (filtered by what the caller may see), create, edit, reset password, unlock.
import type { FastifyInstance } from 'fastify';
import { createUserBody, idParams, listOf, listUsersQuery, resetPasswordBody, updateUserBody, userView } from '../../../shared/schemas/index.ts';
import { notFound } from '../../http/errors.ts';
import { authorize } from '../abilities.ts';
import { createUser, resetPassword, unlockUser, updateUser } from './manage-users.ts';
import { listUsers } from './user.repository.ts';
import { visibleUsers } from './user.access.ts';

export function userRoutes(app: FastifyInstance): void {
  const { clock, hasher } = app.deps;
  app.defineRoute({
    method: 'GET', url: '/api/v1/users', summary: '用户列表 / list users the caller may see', tags: ['users'], auth: true,
    query: listUsersQuery, response: listOf(userView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'user.read');
      return listUsers(db, await visibleUsers(db, actor), query, clock.now());
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/users', summary: '新建用户 / create a user', tags: ['users'], auth: true, idempotent: true,
    body: createUserBody, response: userView,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'user.manage');
      return createUser({ db, clock, hasher }, ctx, body);
    },
  });
  app.defineRoute({
    method: 'PATCH', url: '/api/v1/users/{id}', summary: '修改用户 / edit a user', tags: ['users'], auth: true,
    params: idParams, body: updateUserBody, response: userView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'user.manage');
      return updateUser({ db, clock, hasher }, ctx, params.id, body);
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/users/{id}/reset-password', summary: '重置密码 / reset a password (ends the user\'s sessions)', tags: ['users'], auth: true,
    params: idParams, body: resetPasswordBody, status: 204,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'user.manage');
      await resetPassword({ db, clock, hasher }, ctx, params.id, body.password);
      return undefined;
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/users/{id}/unlock', summary: '解除登录锁定 / lift a login lock', tags: ['users'], auth: true,
    params: idParams, response: userView,
    handler: async ({ actor, ctx, db, params }) => {
      authorize(actor, 'user.manage');
      return unlockUser({ db, clock, hasher }, ctx, params.id);
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/users/{id}', summary: '用户详情 / one user', tags: ['users'], auth: true,
    params: idParams, response: userView,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'user.read');
      const { items } = await listUsers(db, await visibleUsers(db, actor), { id: params.id, page: 1, pageSize: 1 }, clock.now());
      if (!items[0]) throw notFound('用户 / user');
      return items[0];
    },
  });
}
