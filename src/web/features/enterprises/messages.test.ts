// Checks the registry pages' texts: same keys and placeholders in zh-CN, zh-TW and en, a label for every tag, size, status and import field, and every key the folder asks for exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enterpriseStatuses, enterpriseTags, figureSources, sizeClasses, taxpayerTypes } from '../../../shared/schemas/enterprises.ts';
import { zhCN as sharedZhCN } from '../../i18n/zh-CN.ts';
import { flattenMessages, messageProblems } from '../kpi/message-bundles.ts';
import { importFields } from './import-mapping.ts';
import { enterpriseMessages } from './messages.ts';

const own = flattenMessages(enterpriseMessages['zh-CN']);
const shared = flattenMessages(sharedZhCN as never);

describe('registry page texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(own.size).toBeGreaterThan(150);
    expect(messageProblems(enterpriseMessages)).toEqual([]);
  });

  it('stay under their own top-level keys', () => {
    for (const tree of Object.values(enterpriseMessages)) expect(Object.keys(tree).sort()).toEqual(['care', 'enterprisesPage']);
    for (const tree of Object.values(enterpriseMessages)) expect(Object.keys(tree.care)).toEqual(['enterprisesPage']);
  });

  it('name every tag, size class, status, taxpayer type, figure source and import field', () => {
    const wanted = [
      ...enterpriseTags.map((v) => `enterprisesPage.tags.${v}`),
      ...[...sizeClasses, 'none'].map((v) => `enterprisesPage.sizes.${v}`),
      ...enterpriseStatuses.map((v) => `enterprisesPage.statuses.${v}`),
      ...taxpayerTypes.map((v) => `enterprisesPage.taxpayerTypes.${v}`),
      ...figureSources.map((v) => `enterprisesPage.detail.sources.${v}`),
      ...importFields.map((v) => `enterprisesPage.import.fields.${v}`),
      ...['length', 'character', 'organisation_code_check', 'check_character'].map((v) => `enterprisesPage.form.usccProblems.${v}`),
    ];
    expect(wanted.filter((key) => !own.has(key))).toEqual([]);
  });

  it('cover every literal key the folder asks for (own texts or the shared files)', () => {
    const dir = import.meta.dirname;
    const missing: string[] = [];
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const m of text.matchAll(/\b(?:t|tc)\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!own.has(m[1]) && !shared.has(m[1])) missing.push(`${name}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
