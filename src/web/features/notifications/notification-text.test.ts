// Tests of notification wording and links.
import { describe, expect, it } from 'vitest';
import { kindKey, notificationTitle, safeLink } from './notification-text.ts';

const t = (key: string, options?: Record<string, unknown>) => `${key}|${JSON.stringify(options)}`;
const format = { clock: (c: string) => `<${c}>`, time: (iso: string) => iso.slice(0, 10) };

describe('notificationTitle', () => {
  it('uses the translation of a known kind with the data, clock names and times formatted', () => {
    const exists = (key: string) => key === 'notifications.kinds.appeal_clock_warning';
    expect(kindKey('appeal.clock_warning')).toBe('notifications.kinds.appeal_clock_warning');
    const text = notificationTitle({ kind: 'appeal.clock_warning', title: '诉求 SQ1 签收时限将于…到期', data: { number: 'SQ1', clock: 'sign', dueAt: '2026-11-25T15:59:59Z' } }, t, exists, format);
    expect(text.split('|')[0]).toBe('notifications.kinds.appeal_clock_warning');
    expect(JSON.parse(text.split('|')[1]!)).toMatchObject({ number: 'SQ1', clock: '<sign>', due: '2026-11-25' });
  });

  it('falls back to the server title for unknown kinds', () => {
    expect(notificationTitle({ kind: 'new.kind', title: '新消息', data: {} }, t, () => false, format)).toBe('新消息');
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
