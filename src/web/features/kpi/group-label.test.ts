// Tests of KPI group names: months by Intl in each language, channels and the server's special keys translated, units as named.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { groupLabel, monthLabel, spansYears } from './group-label.ts';

const t = ((key: string, options?: { defaultValue?: string }) => (key === 'appeals.channels.nope' ? (options?.defaultValue ?? key) : `<${key}>`)) as unknown as TFunction;
const row = (key: string, label: string) => ({ key, label }) as KpiRow;

describe('monthLabel', () => {
  it('writes a month in the UI language, with or without the year', () => {
    expect(monthLabel('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(monthLabel('2026-03', 'zh-CN', false)).toBe('3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
    expect(monthLabel('2026-03', 'en', false)).toBe('Mar');
    expect(monthLabel('oops', 'en')).toBe('oops');
  });
  it('knows when months span years', () => {
    expect(spansYears(['2025-12', '2026-01'])).toBe(true);
    expect(spansYears(['2026-01', '2026-02'])).toBe(false);
  });
});

describe('groupLabel', () => {
  it('translates channels and the special keys, keeps unit names', () => {
    expect(groupLabel(row('hotline_12345', '12345热线'), 'channel', t, 'zh-CN')).toBe('<appeals.channels.hotline_12345>');
    expect(groupLabel(row('nope', '未知'), 'channel', t, 'zh-CN')).toBe('未知');
    expect(groupLabel(row('unassigned', '未交办'), 'department', t, 'en')).toBe('<kpiPage.unassigned>');
    expect(groupLabel(row('none', '市本级'), 'district', t, 'en')).toBe('<kpiPage.cityLevel>');
    expect(groupLabel(row('0b0c', '吴兴区'), 'district', t, 'en')).toBe('吴兴区');
    expect(groupLabel(row('2026-01', '2026年1月'), 'month', t, 'en')).toBe('Jan 2026');
  });
});
