// Checks the policy pages' texts: same keys and placeholders in zh-CN, zh-TW and en, a label for every attribute, operator, mode, status, benefit kind, tag and figure, and every key the folder asks for exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGE_OPS, DATE_OPS, NUMBER_OPS, RULE_ATTRIBUTES, RULE_FIGURES, RULE_SIZE_CLASSES, RULE_TAGS, RULE_TAXPAYER_TYPES } from '../../../shared/rules/rule-language.ts';
import { benefitKinds, policyModes, policyStatuses } from '../../../shared/schemas/policies.ts';
import { zhCN as sharedZhCN } from '../../i18n/zh-CN.ts';
import { flattenMessages, messageProblems } from '../kpi/message-bundles.ts';
import { policyMessages } from './messages.ts';

const own = flattenMessages(policyMessages['zh-CN']);
const shared = flattenMessages(sharedZhCN as never);

describe('policy page texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(own.size).toBeGreaterThan(150);
    expect(messageProblems(policyMessages)).toEqual([]);
  });

  it('stay under their own top-level keys', () => {
    for (const tree of Object.values(policyMessages)) expect(Object.keys(tree).sort()).toEqual(['care', 'policiesPage']);
  });

  it('name every attribute, operator, figure, tag, size, taxpayer type, mode, status, benefit kind and node kind', () => {
    const wanted = [
      ...RULE_ATTRIBUTES.map((v) => `policiesPage.attributes.${v}`),
      ...[...NUMBER_OPS, 'between'].map((v) => `policiesPage.ops.${v}`),
      ...[...AGE_OPS, ...DATE_OPS].map((v) => `policiesPage.foundedOps.${v}`),
      ...RULE_FIGURES.map((v) => `policiesPage.figures.${v}`),
      ...RULE_TAGS.map((v) => `policiesPage.tags.${v}`),
      ...RULE_SIZE_CLASSES.map((v) => `policiesPage.sizes.${v}`),
      ...RULE_TAXPAYER_TYPES.map((v) => `policiesPage.taxpayerTypes.${v}`),
      ...policyModes.map((v) => `policiesPage.modes.${v}`),
      ...policyStatuses.map((v) => `policiesPage.statuses.${v}`),
      ...benefitKinds.map((v) => `policiesPage.benefitKinds.${v}`),
      ...['none', 'fixed', 'formula'].map((v) => `policiesPage.amountTypes.${v}`),
      ...['all', 'any', 'not', 'unless', 'condition'].map((v) => `policiesPage.builder.unwrap.${v}`),
      ...['all', 'any', 'not', 'unless'].map((v) => `policiesPage.outline.${v}`),
      ...['eligible', 'pending', 'ineligible'].map((v) => `policiesPage.mine.verdicts.${v}`),
      ...['gained', 'lost'].map((v) => `policiesPage.publish.${v}`),
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
