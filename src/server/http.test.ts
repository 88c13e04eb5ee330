// HTTP conventions: health, readiness, metrics, OpenAPI, security headers, request ids, body limits and the error shape.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { QINQING_BODY_LIMIT_BYTES: '4096' } });
});

describe('HTTP platform', () => {
  it('answers health and readiness', async () => {
    expect((await t.call('GET', '/healthz')).json()).toMatchObject({ status: 'ok' });
    expect((await t.call('GET', '/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await t.call('GET', '/healthz');
    const text = (await t.call('GET', '/metrics')).body;
    expect(text).toContain('qinqing_http_request_duration_seconds_bucket');
    expect(text).toContain('qinqing_process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document with every route, and a docs page', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/login', '/api/v1/me', '/api/v1/users', '/api/v1/org-units/{id}', '/api/v1/calendar/working-days/add', '/api/v1/audit-events']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    const page = await t.call('GET', '/api/docs');
    expect(page.headers['content-type']).toContain('text/html');
    expect((await t.call('GET', '/api/docs/assets/swagger-ui-bundle.js')).statusCode).toBe(200);
  });

  it('sends security headers and echoes a request id', async () => {
    const response = await t.call('GET', '/healthz', { headers: { 'x-request-id': 'abc-12345678' } });
    expect(response.headers['x-request-id']).toBe('abc-12345678');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect((await t.call('GET', '/healthz')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an oversized body with 413 and malformed JSON with 400, in the API error shape', async () => {
    const big = await t.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'x'.repeat(10_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const malformed = await t.call('POST', '/api/v1/auth/login', { body: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body' }] });
  });

  it('answers unknown API routes and unauthenticated calls in the error shape', async () => {
    const missing = await t.call('GET', '/api/v1/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const anonymous = await t.call('GET', '/api/v1/users');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toMatchObject({ code: 'unauthenticated', requestId: expect.any(String) });
  });

  it('reports bad UUIDs in paths with the field at fault', async () => {
    const admin = await t.login('admin');
    const response = await t.call('PATCH', '/api/v1/users/not-a-uuid', { cookie: admin, body: { displayName: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('id');
  });
});
