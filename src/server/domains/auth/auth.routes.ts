// HTTP routes for login, logout, the current user and the caller's API tokens.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  apiTokenView,
  changePasswordBody,
  createApiTokenBody,
  createdApiToken,
  idParams,
  listOf,
  loginBody,
  meResponse,
  updateMeBody,
  userView,
} from '../../../shared/schemas/index.ts';
import type { Config } from '../../env.ts';
import { abilitiesOf, authorize } from '../abilities.ts';
import { changeOwnPassword, updateOwnPreferences } from '../users/manage-users.ts';
import { findUserView } from '../users/user.repository.ts';
import type { Actor } from './actor.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { login, logout } from './login.ts';

const setSessionCookie = (reply: FastifyReply, config: Config, token: string, expiresAt: Date) =>
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.session.cookieSecure,
    path: '/',
    expires: expiresAt,
  });

export function authRoutes(app: FastifyInstance): void {
  const { config, clock, hasher } = app.deps;

  const me = async (actor: Actor, db = app.deps.db) => ({
    user: (await findUserView(db, actor.userId))!,
    abilities: abilitiesOf(actor),
    session: actor.sessionId
      ? { expiresAt: (await db.selectFrom('sessions').select('expires_at').where('id', '=', actor.sessionId).executeTakeFirstOrThrow()).expires_at.toISOString(), idleTimeoutMinutes: config.session.idleMinutes }
      : null,
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/auth/login', summary: '登录 / log in (sets the session cookie)', tags: ['auth'], auth: false,
    body: loginBody, response: z.object({ user: userView }),
    handler: async ({ body, ctx, db, reply }) => {
      const result = await login({ db: db as never, clock, hasher, config }, ctx, body);
      setSessionCookie(reply, config, result.token, result.expiresAt);
      return { user: result.user };
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/auth/logout', summary: '退出登录 / log out', tags: ['auth'], auth: false, status: 204,
    handler: async ({ ctx, db, reply }) => {
      await logout({ db: db as never, clock }, ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/me', summary: '当前用户、角色与可执行操作 / the current user, roles and abilities', tags: ['auth'], auth: true,
    response: meResponse,
    handler: async ({ actor }) => me(actor),
  });
  app.defineRoute({
    method: 'PATCH', url: '/api/v1/me', summary: '修改个人偏好（语言、关爱模式） / update own preferences', tags: ['auth'], auth: true,
    body: updateMeBody, response: meResponse,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'me.update');
      await updateOwnPreferences({ db, clock }, ctx, body);
      return me(actor);
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/me/password', summary: '修改本人密码 / change own password', tags: ['auth'], auth: true, status: 204,
    body: changePasswordBody,
    handler: async ({ ctx, db, body }) => {
      await changeOwnPassword({ db, clock, hasher }, ctx, body.currentPassword, body.newPassword);
      return undefined;
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/api-tokens', summary: '本人的 API 令牌 / own API tokens', tags: ['auth'], auth: true,
    response: listOf(apiTokenView),
    handler: async ({ actor, db }) => {
      authorize(actor, 'token.manage');
      return listApiTokens(db, actor.userId);
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/api-tokens', summary: '新建 API 令牌（只显示一次） / create an API token (shown once)', tags: ['auth'], auth: true, idempotent: true,
    body: createApiTokenBody, response: createdApiToken,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'token.manage');
      return createApiToken({ db, clock }, ctx, body);
    },
  });
  app.defineRoute({
    method: 'DELETE', url: '/api/v1/api-tokens/{id}', summary: '吊销 API 令牌 / revoke an API token', tags: ['auth'], auth: true, status: 204,
    params: idParams,
    handler: async ({ actor, ctx, db, params }) => {
      authorize(actor, 'token.manage');
      await revokeApiToken({ db, clock }, ctx, params.id);
      return undefined;
    },
  });
}
