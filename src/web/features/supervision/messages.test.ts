// Checks that the supervision board's texts exist in zh-CN, zh-TW and en with the same keys and placeholders, and name every measure.
import { describe, expect, it } from 'vitest';
import { flattenMessages, messageProblems } from '../kpi/message-bundles.ts';
import { measureKeys } from './board.ts';
import { supervisionMessages } from './messages.ts';

describe('supervision board texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(messageProblems(supervisionMessages)).toEqual([]);
    for (const tree of Object.values(supervisionMessages)) expect(Object.keys(tree).sort()).toEqual(['care', 'supervisionPage']);
  });
  it('name and explain every measure of the board', () => {
    const flat = flattenMessages(supervisionMessages['zh-CN']);
    for (const key of measureKeys) {
      expect(flat.has(`supervisionPage.measures.${key}`), key).toBe(true);
      expect(flat.has(`supervisionPage.measureHints.${key}`), key).toBe(true);
    }
  });
});
