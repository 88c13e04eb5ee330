// @vitest-environment jsdom
// Tests of the API client: error parsing, headers, schema checks and the 401 → login hook.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, api, buildQueryString, onUnauthenticated, parseApiError } from './api.ts';

describe('parseApiError', () => {
  it('reads code, message, details and request id of the standard error body', () => {
    const body = JSON.stringify({
      error: { code: 'validation_failed', message: 'parentId: 不能移到自己的下级', details: [{ path: 'parentId', message: '不能移到自己的下级' }], requestId: 'req-1' },
    });
    const error = parseApiError(400, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'parentId: 不能移到自己的下级', requestId: 'req-1' });
    expect(error.details).toEqual([{ path: 'parentId', message: '不能移到自己的下级' }]);
  });

  it('keeps the server message of a lockout (it says until when)', () => {
    const error = parseApiError(429, JSON.stringify({ error: { code: 'rate_limited', message: '账号已锁定至 2026-03-05 14:30 / locked until 14:30' } }));
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain('14:30');
  });

  it('joins array paths and skips malformed details', () => {
    const error = parseApiError(400, JSON.stringify({ error: { code: 'validation_failed', message: 'bad', details: [{ path: ['roles', 0], message: 'unknown role' }, { nope: true }, 'x'] } }));
    expect(error.details).toEqual([{ path: 'roles.0', message: 'unknown role' }]);
  });

  it('names the error after the HTTP status when the body is not the standard shape', () => {
    expect(parseApiError(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'internal_error', message: 'HTTP 502', details: [] });
    expect(parseApiError(401, '')).toMatchObject({ code: 'unauthenticated' });
    expect(parseApiError(404, JSON.stringify({ message: 'x' }))).toMatchObject({ code: 'not_found' });
    expect(parseApiError(409, JSON.stringify({ error: { message: 'clash' } }))).toMatchObject({ code: 'conflict', message: 'clash' });
  });
});

describe('buildQueryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQueryString({ q: '住建 局', role: undefined, page: 2, orgUnitId: '', flag: false, none: null })).toBe('?q=%E4%BD%8F%E5%BB%BA+%E5%B1%80&page=2&flag=false');
    expect(buildQueryString({})).toBe('');
  });
});

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const respond = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    onUnauthenticated(null);
  });

  it('sends JSON with same-origin credentials and parses the answer with the schema', async () => {
    fetchMock.mockResolvedValue(respond(200, { id: 'a', extra: 'ignored' }));
    const answer = await api.patch('/things/a', { name: 'x' }, z.object({ id: z.string() }));
    expect(answer).toEqual({ id: 'a' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/things/a');
    expect(init).toMatchObject({ method: 'PATCH', credentials: 'same-origin', body: '{"name":"x"}' });
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect((init?.headers as Record<string, string>)['Idempotency-Key']).toBeUndefined();
  });

  it('adds a fresh Idempotency-Key to each POST that creates something', async () => {
    fetchMock.mockImplementation(async () => respond(201, { id: 'n' }));
    await api.create('/things', { name: 'x' }, z.object({ id: z.string() }));
    await api.create('/things', { name: 'y' }, z.object({ id: z.string() }));
    const keys = fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('reuses the key when the same creation is sent again after its answer was lost', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.create('/users', { username: 'a' }, z.object({}))).rejects.toMatchObject({ code: 'network_error' });
    fetchMock.mockImplementation(async () => respond(201, {}));
    await api.create('/users', { username: 'a' }, z.object({}));
    await api.create('/users', { username: 'a' }, z.object({}));
    const keys = fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('resolves to undefined on 204 without a schema', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.delete('/things/a')).resolves.toBeUndefined();
  });

  it('throws ApiError with the server details on failure', async () => {
    fetchMock.mockResolvedValue(respond(400, { error: { code: 'validation_failed', message: 'bad', details: [{ path: 'code', message: 'lower-case' }] } }));
    await expect(api.create('/org-units', {}, z.object({}))).rejects.toMatchObject({ status: 400, code: 'validation_failed', details: [{ path: 'code', message: 'lower-case' }] });
  });

  it('reports an answer that breaks the contract as bad_response', async () => {
    fetchMock.mockResolvedValue(respond(200, { id: 42 }));
    await expect(api.get('/things/a', z.object({ id: z.string() }))).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('reports a failed connection as network_error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.get('/me', z.object({}))).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('calls the unauthenticated handler on 401, except for calls that expect it (login)', async () => {
    const handler = vi.fn();
    onUnauthenticated(handler);
    fetchMock.mockImplementation(async () => respond(401, { error: { code: 'unauthenticated', message: 'no session' } }));
    await expect(api.get('/me', z.object({}))).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);

    fetchMock.mockImplementation(async () => respond(401, { error: { code: 'invalid_credentials', message: 'wrong' } }));
    await expect(apiRequest('/auth/login', { method: 'POST', body: {}, allowUnauthenticated: true })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
