// AppError: the one way use cases and routes report a failure; the HTTP error handler turns it into API.md's error shape.
import type { ErrorCode, ErrorDetail } from '../../shared/errors.ts';
import { errorStatus } from '../../shared/errors.ts';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = errorStatus[code];
  }
}

export const notFound = (what = '记录 / record') => new AppError('not_found', `${what} 不存在或无权查看 / not found`);
export const forbidden = (message = '无权执行此操作 / not allowed') => new AppError('forbidden', message);
export const conflict = (message: string, path?: string) =>
  new AppError('conflict', message, path ? [{ path, message }] : []);
export const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
