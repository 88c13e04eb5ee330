// Component tests' shared set-up: the browser features antd expects that jsdom lacks, and `fetch` answered by a handler each test sets, every call recorded.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';

export type ApiHandler = (request: { method: string; url: URL; body: unknown }) => { status: number; body?: unknown };
export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

const notFound: ApiHandler = () => ({ status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } });

/** antd's responsive helpers ask for media queries and resize observers, which jsdom lacks. */
export function installDomShims(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as never;
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as never;
}

/** Registers the hooks of the current test file: shims, a fresh fetch stub and localStorage per test, cleanup after. */
export function useFakeApi(): { calls: ApiCall[]; handler: ApiHandler } {
  const api = { calls: [] as ApiCall[], handler: notFound };
  beforeAll(installDomShims);
  beforeEach(() => {
    localStorage.clear();
    api.calls.length = 0;
    api.handler = notFound;
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://localhost');
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
      api.calls.push({ method, path: url.pathname + url.search, body });
      const answer = api.handler({ method, url, body });
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  return api;
}
