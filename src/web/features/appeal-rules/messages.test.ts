// Checks that the appeal rules page's texts exist in zh-CN, zh-TW and en with the same keys and placeholders, under their own top-level key.
import { describe, expect, it } from 'vitest';
import { flattenMessages, messageProblems } from '../kpi/message-bundles.ts';
import { appealRulesMessages } from './messages.ts';

describe('appeal rules texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(flattenMessages(appealRulesMessages['zh-CN']).size).toBeGreaterThan(30);
    expect(messageProblems(appealRulesMessages)).toEqual([]);
  });
  it('stay under their own top-level key', () => {
    for (const tree of Object.values(appealRulesMessages)) {
      expect(Object.keys(tree).sort()).toEqual(['appealRules', 'care']);
      expect(Object.keys(tree.care)).toEqual(['appealRules']);
    }
  });
});
