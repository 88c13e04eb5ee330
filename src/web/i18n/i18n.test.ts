// @vitest-environment jsdom
// Checks that the three UI languages have the same keys, no empty texts and the same {{placeholders}}.
import { describe, expect, it } from 'vitest';
import { messagesByLocale } from './index.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();
const flat = Object.fromEntries(Object.entries(messagesByLocale).map(([locale, tree]) => [locale, flatten(tree as Tree)]));
const base = flat['zh-CN'];

describe('UI translations', () => {
  it('have the same key set in zh-CN, zh-TW and en', () => {
    const baseKeys = [...base.keys()].sort();
    expect(baseKeys.length).toBeGreaterThan(100);
    for (const locale of ['zh-TW', 'en']) expect([...flat[locale].keys()].sort()).toEqual(baseKeys);
  });

  it('have no empty values', () => {
    for (const [locale, messages] of Object.entries(flat)) {
      const empty = [...messages].filter(([, text]) => text.trim() === '').map(([key]) => `${locale}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same {{placeholders}} for each key in every language', () => {
    for (const [key, text] of base) {
      for (const locale of ['zh-TW', 'en']) expect(placeholders(flat[locale].get(key) ?? ''), `${locale}:${key}`).toEqual(placeholders(text));
    }
  });

  it('only give plain-language care variants for keys that exist outside care mode', () => {
    const orphans = [...base.keys()].filter((key) => key.startsWith('care.') && !base.has(key.slice('care.'.length)));
    expect(orphans).toEqual([]);
  });

  it('name every role, organisation kind and error code the UI can show', async () => {
    const { roles, orgUnitKinds } = await import('../../shared/roles.ts');
    for (const role of roles) expect(base.has(`roles.${role}`), role).toBe(true);
    for (const kind of orgUnitKinds) expect(base.has(`org.kinds.${kind}`), kind).toBe(true);
  });
});
