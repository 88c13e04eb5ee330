// @vitest-environment jsdom
// Tests of date formatting in Asia/Shanghai business time.
import { describe, expect, it } from 'vitest';
import { formatDateTime, humanizeTimestamps, todayInShanghai, weekdayOf } from './format.ts';

describe('formatDateTime', () => {
  it('shows instants in Asia/Shanghai whatever the browser zone', () => {
    expect(formatDateTime('2026-11-23T18:36:11.182Z', 'zh-CN')).toBe('2026-11-24 02:36');
    expect(formatDateTime('2026-01-01T00:00:00+08:00', 'en')).toBe('2026-01-01 00:00');
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('humanizeTimestamps', () => {
  it('rewrites ISO timestamps inside a server message', () => {
    expect(humanizeTimestamps('账号已锁定（至 2026-11-23T18:36:11.182Z） / locked until 2026-11-23T18:36:11.182Z', 'zh-CN')).toBe(
      '账号已锁定（至 2026-11-24 02:36） / locked until 2026-11-24 02:36',
    );
    expect(humanizeTimestamps('no time here', 'en')).toBe('no time here');
  });
});

describe('business dates', () => {
  it('names the weekday and today in Shanghai', () => {
    expect(weekdayOf('2026-10-01', 'zh-CN')).toBe('周四');
    expect(todayInShanghai(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
