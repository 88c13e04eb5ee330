// @vitest-environment jsdom
// Tests of the sentence shown for a failed call.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { errorMessage } from './error-message.ts';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('errorMessage', () => {
  it('words transport and permission problems itself', () => {
    expect(errorMessage(new ApiError({ status: 0, code: 'network_error', message: 'Failed to fetch' }), t)).toBe('«errors.network_error»');
    expect(errorMessage(new ApiError({ status: 403, code: 'forbidden', message: 'no' }), t)).toBe('«errors.forbidden»');
    expect(errorMessage(new Error('boom'), t)).toBe('«errors.unknown»');
  });

  it('shows the server message of business errors, once', () => {
    const message = '2027 年节假日安排尚未发布或录入 / the 2027 holiday calendar has not been published or loaded';
    expect(errorMessage(new ApiError({ status: 409, code: 'calendar_year_missing', message, details: [{ path: 'days', message }] }), t)).toBe(message);
  });

  it('adds details the message does not already say', () => {
    const error = new ApiError({ status: 400, code: 'validation_failed', message: '请求有误', details: [{ path: 'code', message: '小写字母' }] });
    expect(errorMessage(error, t)).toBe('请求有误（code: 小写字母）');
  });
});
