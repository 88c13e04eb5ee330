// @vitest-environment jsdom
// Tests of care-mode settings and of storing the language / care-mode choice.
import { describe, expect, it } from 'vitest';
import { uiSettings, visibleColumns } from './care-mode.ts';
import { defaultPreferences, preferencesStorageKey, readPreferences, writePreferences } from './preferences-storage.ts';

describe('uiSettings', () => {
  it('care mode: large print, tall controls, five rows a page, at most four nav entries, no secondary widgets', () => {
    const care = uiSettings(true);
    expect(care.careMode).toBe(true);
    expect(care.theme.token?.fontSize).toBeGreaterThanOrEqual(18);
    expect(care.theme.token?.controlHeight).toBeGreaterThanOrEqual(48);
    expect(care.theme.token?.lineHeight).toBeGreaterThan(1.6);
    expect(care.tablePageSize).toBe(5);
    expect(care.navLimit).toBeLessThanOrEqual(4);
    expect(care.showSecondary).toBe(false);
  });

  it('standard mode keeps antd sizes and shows everything', () => {
    const standard = uiSettings(false);
    expect(standard.theme.token?.fontSize).toBeUndefined();
    expect(standard.tablePageSize).toBe(20);
    expect(standard.navLimit).toBeGreaterThan(8);
    expect(standard.showSecondary).toBe(true);
  });
});

describe('visibleColumns', () => {
  const columns = [{ key: 'name' }, { key: 'lastLogin', secondary: true }, { key: 'roles', secondary: false }];
  it('drops secondary columns in care mode and strips the marker', () => {
    expect(visibleColumns(columns, { showSecondary: false })).toEqual([{ key: 'name' }, { key: 'roles' }]);
    expect(visibleColumns(columns, { showSecondary: true })).toEqual([{ key: 'name' }, { key: 'lastLogin' }, { key: 'roles' }]);
  });
});

describe('preferences storage', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
  };

  it('defaults to Simplified Chinese without care mode', () => {
    expect(readPreferences(memory())).toEqual(defaultPreferences);
    expect(defaultPreferences).toMatchObject({ locale: 'zh-CN', careMode: false });
  });

  it('round-trips a choice', () => {
    const storage = memory();
    writePreferences({ locale: 'en', careMode: true, chosenWhileSignedOut: true }, storage);
    expect(JSON.parse(storage.data.get(preferencesStorageKey)!)).toEqual({ locale: 'en', careMode: true, chosenWhileSignedOut: true });
    expect(readPreferences(storage)).toEqual({ locale: 'en', careMode: true, chosenWhileSignedOut: true });
  });

  it('ignores broken or unknown stored values', () => {
    const storage = memory();
    storage.setItem(preferencesStorageKey, '{not json');
    expect(readPreferences(storage)).toEqual(defaultPreferences);
    storage.setItem(preferencesStorageKey, JSON.stringify({ locale: 'fr', careMode: 'yes' }));
    expect(readPreferences(storage)).toEqual(defaultPreferences);
  });

  it('survives storage that throws (privacy mode)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readPreferences(broken)).toEqual(defaultPreferences);
    expect(() => writePreferences(defaultPreferences, broken)).not.toThrow();
  });
});
