// Tests of notification wording and links.
import { describe, expect, it } from 'vitest';
import { kindKey, notificationTitle, safeLink } from './notification-text.ts';

const t = (key: string, options?: Record<string, unknown>) => `${key}|${JSON.stringify(options)}`;

describe('notificationTitle', () => {
  it('uses the translation of a known kind with the data', () => {
    const exists = (key: string) => key === 'notifications.kinds.appeal_assigned';
    expect(kindKey('appeal.assigned')).toBe('notifications.kinds.appeal_assigned');
    expect(notificationTitle({ kind: 'appeal.assigned', title: '诉求 SQ1 已交办', data: { number: 'SQ1', title: '停电' } }, t, exists)).toBe(
      'notifications.kinds.appeal_assigned|{"number":"SQ1","title":"停电","clock":"","department":""}',
    );
  });

  it('falls back to the server title for unknown kinds', () => {
    expect(notificationTitle({ kind: 'new.kind', title: '新消息', data: null }, t, () => false)).toBe('新消息');
  });
});

describe('safeLink', () => {
  it('follows only links inside the app', () => {
    expect(safeLink('/appeals/1')).toBe('/appeals/1');
    expect(safeLink('//evil.example')).toBeNull();
    expect(safeLink('https://evil.example')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
