// Typed fetch wrapper for /api/v1: JSON in and out, zod-checked answers, ApiError on failure, 401 → login.
import type { z } from 'zod';
import { ApiError, parseApiError } from './api-error.ts';

export { ApiError, isApiError, parseApiError } from './api-error.ts';

export const apiBase = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  /** The zod schema of a successful answer; without it the call resolves to `undefined` (e.g. 204). */
  schema?: S;
  /** The request creates something: send an Idempotency-Key so that a retry creates nothing twice. */
  creates?: boolean;
  /** Do not treat a 401 as "session over" (the login call answers 401 for a wrong password). */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

type Answer<S> = S extends z.ZodType ? z.output<S> : undefined;

let unauthenticatedHandler: (() => void) | null = null;

/** The app registers here what to do when a call reveals that the session is over (go to login). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** `?a=1&b=x` from the defined, non-empty values of `query`. */
export function buildQueryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Creations whose answer never arrived (network error), by method, path and body. Sending the
 * same creation again reuses its key, so the server answers the first result instead of
 * creating a second record; any answer from the server ends the reuse.
 */
const unansweredCreations = new Map<string, string>();

export async function apiRequest<S extends z.ZodType | undefined = undefined>(path: string, options: RequestOptions<S> = {}): Promise<Answer<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const bodyText = options.body === undefined ? undefined : JSON.stringify(options.body);
  const creation = options.creates ? `${method} ${path}\n${bodyText ?? ''}` : null;
  if (creation) headers['Idempotency-Key'] = unansweredCreations.get(creation) ?? newIdempotencyKey();

  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}${buildQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: bodyText,
      signal: options.signal,
    });
  } catch (cause) {
    if (creation) unansweredCreations.set(creation, headers['Idempotency-Key']);
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network_error', message: cause instanceof Error ? cause.message : String(cause) });
  }

  if (creation) unansweredCreations.delete(creation);
  const text = await response.text();
  if (!response.ok) {
    const error = parseApiError(response.status, text);
    if (response.status === 401 && !options.allowUnauthenticated) unauthenticatedHandler?.();
    throw error;
  }
  if (!options.schema) return undefined as Answer<S>;

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError({ status: response.status, code: 'bad_response', message: `${method} ${path}: not JSON` });
  }
  const result = options.schema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : '';
    throw new ApiError({ status: response.status, code: 'bad_response', message: `${method} ${path}: unexpected answer ${where}` });
  }
  return result.data as Answer<S>;
}

/**
 * A multipart upload (attachments, ledger imports): the browser sets the boundary; answers and
 * errors are handled as in apiRequest.
 */
export async function apiUpload<S extends z.ZodType>(path: string, form: FormData, schema: S, query?: QueryParams): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}${buildQueryString(query)}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Idempotency-Key': newIdempotencyKey() },
      credentials: 'same-origin',
      body: form,
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network_error', message: cause instanceof Error ? cause.message : String(cause) });
  }
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401) unauthenticatedHandler?.();
    throw parseApiError(response.status, text);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError({ status: response.status, code: 'bad_response', message: `POST ${path}: not JSON` });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ApiError({ status: response.status, code: 'bad_response', message: `POST ${path}: unexpected answer` });
  return result.data as z.output<S>;
}

/** The URL of a download (an xlsx ledger, an attachment): opened by the browser with the session cookie. */
export function apiUrl(path: string, query?: QueryParams): string {
  return `${apiBase}${path}${buildQueryString(query)}`;
}

/** Short forms of apiRequest for the usual verbs. */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: QueryParams) => apiRequest(path, { schema, query }),
  create: <S extends z.ZodType>(path: string, body: unknown, schema: S) => apiRequest(path, { method: 'POST', body, schema, creates: true }),
  post: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    apiRequest(path, { method: 'POST', body, schema }),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) => apiRequest(path, { method: 'PATCH', body, schema }),
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S) => apiRequest(path, { method: 'PUT', body, schema }),
  delete: (path: string) => apiRequest(path, { method: 'DELETE' }),
};
