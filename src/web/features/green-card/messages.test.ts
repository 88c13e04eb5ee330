// Checks that the green card texts exist in zh-CN, zh-TW and en with the same keys and placeholders.
import { describe, expect, it } from 'vitest';
import { flattenMessages, messageProblems } from '../kpi/message-bundles.ts';
import { greenCardMessages } from './messages.ts';

describe('green card texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(flattenMessages(greenCardMessages['zh-CN']).size).toBeGreaterThan(25);
    expect(messageProblems(greenCardMessages)).toEqual([]);
  });
});
