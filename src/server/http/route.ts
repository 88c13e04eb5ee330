// defineRoute: one zod schema per endpoint part, validated here, recorded for the OpenAPI document, handler kept thin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../domains/auth/actor.ts';
import { AppError } from './errors.ts';
import { withIdempotency } from './idempotency.ts';
import type { RequestContext } from './context.ts';
import type { Executor } from '../db/transaction.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, Auth extends boolean> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  /** false: no session needed (login, health, public pages). */
  auth: Auth;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  status?: number;
  /** POSTs that create something honour Idempotency-Key: `true` wraps the handler in its transaction; 'handler' leaves the key to the handler (it gets `idempotencyKey` and answers with `Answer`). */
  idempotent?: boolean | 'handler';
  handler: (input: {
    body: z.output<B>;
    query: z.output<Q>;
    params: z.output<P>;
    actor: Auth extends true ? Actor : Actor | null;
    ctx: RequestContext;
    /** The transaction that also holds the Idempotency-Key, or the pool. */
    db: Executor;
    request: FastifyRequest;
    reply: FastifyReply;
    /** The request's Idempotency-Key, for handlers declared `idempotent: 'handler'`. */
    idempotencyKey: string | undefined;
  }) => Promise<unknown>;
}

export interface RecordedRoute {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  auth: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  status: number;
  idempotent: boolean;
}

export const routeRegistry: RecordedRoute[] = [];

/** A handler's answer with its own status (a replayed first answer keeps the status it had). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export function zodDetails(error: z.ZodError, prefix?: string) {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || '',
    message: issue.message,
  }));
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, part: string): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const details = zodDetails(result.error);
    const first = details[0];
    throw new AppError('validation_failed', first ? `${first.path || part}: ${first.message}` : `${part} is invalid`, details);
  }
  return result.data;
}

export function defineRoute<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
  Auth extends boolean = true,
>(app: FastifyInstance, spec: RouteSpec<B, Q, P, Auth>): void {
  const status = spec.status ?? (spec.method === 'POST' && spec.idempotent ? 201 : 200);
  if (!routeRegistry.some((r) => r.method === spec.method && r.url === spec.url)) {
    routeRegistry.push({ ...spec, status, idempotent: Boolean(spec.idempotent) });
  }
  app.route({
    method: spec.method,
    url: spec.url.replace(/\{(\w+)\}/g, ':$1'),
    handler: async (request, reply) => {
      const actor = request.actor;
      if (spec.auth && !actor) throw new AppError('unauthenticated', '请先登录 / please sign in');
      const params = parsePart(spec.params, request.params, 'params');
      const query = parsePart(spec.query, request.query, 'query');
      const body = parsePart(spec.body, request.body, 'body');
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' && header.length > 0 ? header : undefined;
      const run = async (db: Executor) => {
        const result = await spec.handler({ body, query, params, actor: actor as never, ctx: request.ctx, db, request, reply, idempotencyKey: key });
        if (result instanceof Answer) return { status: result.status, body: result.body };
        return { status: result === undefined ? 204 : status, body: result };
      };
      const outcome =
        spec.idempotent === true && key
          ? await withIdempotency(request, key, run)
          : await run(request.server.deps.db);
      reply.code(outcome.status);
      return outcome.status === 204 ? reply.send() : reply.send(outcome.body);
    },
  });
}
