// The error every API call throws, and the parser that turns an error response into it.
import type { ErrorDetail } from '../../shared/errors.ts';

/** Codes the client itself produces when there is no usable answer from the server. */
export type ClientErrorCode = 'network_error' | 'bad_response';

export class ApiError extends Error {
  readonly status: number;
  /** One of the server's error codes (src/shared/errors.ts) or a ClientErrorCode. */
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;

  constructor(init: { status: number; code: string; message: string; details?: ErrorDetail[]; requestId?: string | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const fallbackCodeByStatus: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const record = asRecord(item);
    if (!record || typeof record.message !== 'string') return [];
    const path = Array.isArray(record.path) ? record.path.join('.') : typeof record.path === 'string' ? record.path : '';
    return [{ path, message: record.message }];
  });
}

/**
 * Turns a failed response into an ApiError. `body` is the response text; it is expected to be
 * `{"error": {"code", "message", "details": [{"path", "message"}]}}` but anything else (an HTML
 * page from a proxy, an empty body) still gives a usable error named after the HTTP status.
 */
export function parseApiError(status: number, body: string): ApiError {
  let parsed: unknown = null;
  try {
    parsed = body ? JSON.parse(body) : null;
  } catch {
    parsed = null;
  }
  const error = asRecord(asRecord(parsed)?.error);
  const fallbackCode = fallbackCodeByStatus[status] ?? (status >= 500 ? 'internal_error' : 'bad_response');
  if (!error) {
    return new ApiError({ status, code: fallbackCode, message: `HTTP ${status}` });
  }
  return new ApiError({
    status,
    code: typeof error.code === 'string' && error.code ? error.code : fallbackCode,
    message: typeof error.message === 'string' && error.message ? error.message : `HTTP ${status}`,
    details: parseDetails(error.details),
    requestId: typeof error.requestId === 'string' ? error.requestId : null,
  });
}
