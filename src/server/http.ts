// The Fastify app: request ids, security headers, body limits, the caller, error shape, health, metrics, OpenAPI, the web app, and every domain's routes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Deps } from './deps.ts';
import type { ErrorBody } from '../shared/errors.ts';
import { AppError } from './http/errors.ts';
import { defineRoute, routeRegistry, type RouteSpec } from './http/route.ts';
import { buildOpenApi, docsInit, docsPage } from './http/openapi.ts';
import type { RequestContext } from './http/context.ts';
import { createMetrics } from './platform/metrics.ts';
import type { Actor } from './domains/auth/actor.ts';
import { authenticate, SESSION_COOKIE } from './domains/auth/authenticate.ts';
import { authRoutes } from './domains/auth/auth.routes.ts';
import { auditRoutes } from './domains/audit/audit.routes.ts';
import { calendarRoutes } from './domains/calendar/calendar.routes.ts';
import { enterpriseRoutes } from './domains/enterprises/enterprise.routes.ts';
import { orgRoutes } from './domains/org/org.routes.ts';
import { userRoutes } from './domains/users/user.routes.ts';
import { appealRoutes } from './domains/appeals/appeal.routes.ts';
import { attachmentRoutes } from './domains/appeals/attachments/attachment.routes.ts';
import { duplicateRoutes } from './domains/appeals/duplicates/duplicate.routes.ts';
import { kpiRoutes } from './domains/appeals/kpi/kpi.routes.ts';
import { ledgerRoutes } from './domains/appeals/ledger/ledger.routes.ts';
import { supervisionRoutes } from './domains/appeals/supervision/supervision.routes.ts';
import { notificationRoutes } from './domains/notifications/notification.routes.ts';
import { enterpriseImportRoutes } from './domains/enterprises/import/import.routes.ts';
import { enterpriseExportRoutes } from './domains/enterprises/export/export.routes.ts';
import { jobStatusRoutes } from './domains/jobs-status/job-status.routes.ts';
import { relationRoutes } from './domains/enterprises/relations/relation.routes.ts';
import { greenCardRoutes } from './domains/enterprises/green-card/green-card.routes.ts';
import { enterpriseAccountRoutes } from './domains/enterprises/accounts/account.routes.ts';
import { referenceRoutes } from './domains/enterprises/reference/reference.routes.ts';
import { policyRoutes } from './domains/policies/policy.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    defineRoute<
      B extends z.ZodType = z.ZodUndefined,
      Q extends z.ZodType = z.ZodUndefined,
      P extends z.ZodType = z.ZodUndefined,
      Auth extends boolean = true,
    >(spec: RouteSpec<B, Q, P, Auth>): void;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: RequestContext;
  }
}

const require = createRequire(import.meta.url);
const version: string = require('../../package.json').version;
const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function errorReply(error: FastifyError | AppError | Error): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof AppError) {
    return { status: error.status, headers: error.headers, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, headers: {}, body: { error: { code: 'payload_too_large', message: '请求体过大 / request body too large', details: [{ path: 'body', message: 'too large' }] } } };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, headers: {}, body: { error: { code: 'unsupported_media_type', message: '只接受 application/json / only application/json is accepted', details: [{ path: 'content-type', message: 'unsupported' }] } } };
  }
  if (fe.statusCode === 400) {
    return { status: 400, headers: {}, body: { error: { code: 'validation_failed', message: `body: ${fe.message}`, details: [{ path: 'body', message: fe.message }] } } };
  }
  return { status: 500, headers: {}, body: { error: { code: 'internal_error', message: '服务器内部错误 / internal error' } } };
}

export async function buildHttpApp(deps: Deps): Promise<FastifyInstance> {
  const { config, db, log } = deps;
  const app = Fastify({
    loggerInstance: log.child({ component: 'http' }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
    },
  }) as unknown as FastifyInstance;
  const metrics = createMetrics();
  app.decorate('deps', deps);
  app.decorate('defineRoute', function (this: FastifyInstance, spec: RouteSpec<never, never, never, boolean>) {
    defineRoute(this, spec);
  } as FastifyInstance['defineRoute']);
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.session.cookieSecure,
  });

  // Uploads (attachments, ledger imports) stream through @fastify/multipart; 20 MB per file is the attachment limit.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const auth = request.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    request.ctx = { actor: null, requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
    if (!request.url.startsWith('/api/')) return;
    const found = bearer || sessionToken ? await authenticate(deps, { bearer, sessionToken }) : null;
    if (found) {
      // Cookies ride along on cross-site requests; a browser always says where a state change came from.
      const origin = request.headers.origin;
      if (!bearer && unsafeMethods.has(request.method) && origin && new URL(origin).host !== request.headers.host) {
        throw new AppError('forbidden', '跨站请求被拒绝 / cross-site request refused');
      }
      request.actor = found.actor;
      request.ctx.actor = found.actor;
    } else if (bearer) {
      throw new AppError('unauthenticated', 'API 令牌无效或已过期 / invalid or expired API token');
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body, headers } = errorReply(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request refused');
    body.error.requestId = request.id;
    reply.headers(headers).code(status).send(body);
  });

  app.get('/healthz', async () => ({ status: 'ok', version }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ error: { code: 'unavailable', message: '数据库不可用 / database unreachable' } });
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  authRoutes(app);
  orgRoutes(app);
  userRoutes(app);
  enterpriseRoutes(app);
  calendarRoutes(app);
  auditRoutes(app);
  duplicateRoutes(app);
  appealRoutes(app);
  attachmentRoutes(app);
  kpiRoutes(app);
  ledgerRoutes(app);
  supervisionRoutes(app);
  notificationRoutes(app);
  enterpriseImportRoutes(app);
  enterpriseExportRoutes(app);
  jobStatusRoutes(app);
  relationRoutes(app);
  greenCardRoutes(app);
  enterpriseAccountRoutes(app);
  referenceRoutes(app);
  policyRoutes(app);

  const openapi = buildOpenApi(routeRegistry, version);
  app.get('/api/openapi.json', async () => openapi);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage));
  app.get('/api/docs/init.js', async (_request, reply) => reply.type('application/javascript').send(docsInit));
  await app.register(fastifyStatic, {
    root: path.dirname(require.resolve('swagger-ui-dist/package.json')),
    prefix: '/api/docs/assets/',
    decorateReply: false,
  });

  const webBuilt = fs.existsSync(path.join(config.webDir, 'index.html'));
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0]);
    if (isPage && webBuilt) return reply.header('cache-control', 'no-cache').sendFile('index.html', config.webDir);
    if (isPage) return reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><p>亲清: 网页尚未构建，请运行 <code>npm run build</code> / web app not built: run <code>npm run build</code>.</p>');
    return reply.code(404).send({ error: { code: 'not_found', message: `没有这个接口 / no route ${request.method} ${request.url.split('?')[0]}`, requestId: request.id } });
  });

  return app;
}
