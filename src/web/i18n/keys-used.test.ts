// Checks that every literal translation key the web code asks for exists, and that every appeal enum value has a label.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appealActions, appealChannels, appealStatuses, clockNames, resolutions } from '../../shared/schemas/appeals.ts';
import { zhCN } from './zh-CN.ts';

type Tree = { [key: string]: string | Tree };
const has = (key: string) => {
  let node: string | Tree | undefined = zhCN as unknown as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
};

const webRoot = path.resolve(import.meta.dirname, '..');
/** Folders whose pages register their own strings with i18next.addResourceBundle. */
const ownBundles = ['features/kpi', 'features/supervision', 'features/appeal-rules', 'features/dashboard', 'features/relations', 'features/green-card', 'features/enterprises', 'features/policies'].map((p) => path.join(webRoot, p));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return ownBundles.includes(full) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('translation keys used by the code', () => {
  it('exist in zh-CN (and so, by the parity test, in zh-TW and en)', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(webRoot)) {
      const text = readFileSync(file, 'utf8');
      const keys = [...text.matchAll(/\b(?:t|tc)\(\s*'([a-zA-Z0-9_.-]+)'/g), ...text.matchAll(/\b(?:titleKey|introKey|labelKey):\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1]);
      for (const key of keys) if (!has(key)) missing.push(`${path.relative(webRoot, file)}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('name every appeal status, channel, action, timeline step, clock and resolution, and the five ratings', () => {
    const missing = [
      ...appealStatuses.map((s) => `appeals.status.${s}`),
      ...appealChannels.map((c) => `appeals.channels.${c}`),
      ...appealActions.flatMap((a) => [`appeals.actions.${a}`, `appeals.events.${a}`, `appeals.actionHints.${a}`]),
      ...clockNames.map((c) => `appeals.clocks.${c}`),
      ...resolutions.map((r) => `appeals.resolutions.${r}`),
      ...[1, 2, 3, 4, 5].map((r) => `appeals.ratings.${r}`),
      'appeals.events.submit',
    ].filter((key) => !has(key));
    expect(missing).toEqual([]);
  });
});
