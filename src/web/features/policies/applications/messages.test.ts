// Checks the application pages' texts: same keys and placeholders in zh-CN, zh-TW and en, a label for every status, verdict and action, and every literal key the folder asks for exists (own, policy or shared texts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN as sharedZhCN } from '../../../i18n/zh-CN.ts';
import { flattenMessages, messageProblems } from '../../kpi/message-bundles.ts';
import { policyMessages } from '../messages.ts';
import { applicationStatuses } from './api.ts';
import { applicationMessages } from './messages.ts';

const own = flattenMessages(applicationMessages['zh-CN']);
const known = new Set([...own.keys(), ...flattenMessages(policyMessages['zh-CN']).keys(), ...flattenMessages(sharedZhCN as never).keys()]);

describe('application page texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(own.size).toBeGreaterThan(100);
    expect(messageProblems(applicationMessages)).toEqual([]);
  });

  it('stay under their own top-level key; the navigation labels live with the shared ones', () => {
    for (const tree of Object.values(applicationMessages)) expect(Object.keys(tree)).toEqual(['policyApplications']);
    const shared = flattenMessages(sharedZhCN as never);
    expect(['nav.myApplications', 'nav.applicationReview'].filter((key) => !shared.has(key))).toEqual([]);
  });

  it('name every status, verdict and action', () => {
    const wanted = [
      ...applicationStatuses.map((s) => `policyApplications.statuses.${s}`),
      ...['eligible', 'pending', 'ineligible'].map((v) => `policyApplications.verdicts.${v}`),
      ...['approve', 'reject', 'withdraw'].map((a) => `policyApplications.actions.${a}`),
      ...['approve', 'reject'].flatMap((d) => [`policyApplications.${d}.title`, `policyApplications.${d}.done`]),
      ...['revenue', 'headcount', 'assets', 'tax'].map((f) => `policyApplications.enterprise.${f}`),
    ];
    expect(wanted.filter((key) => !own.has(key))).toEqual([]);
  });

  it('cover every literal key the folder asks for', () => {
    const dir = import.meta.dirname;
    const missing: string[] = [];
    let asked = 0;
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const m of text.matchAll(/\b(?:t|tc)\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        asked++;
        if (!known.has(m[1])) missing.push(`${name}: ${m[1]}`);
      }
    }
    expect(asked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
