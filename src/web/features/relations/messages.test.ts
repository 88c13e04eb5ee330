// Checks that the 包联 and enterprise-account texts exist in zh-CN, zh-TW and en with the same keys and placeholders.
import { describe, expect, it } from 'vitest';
import { flattenMessages, messageProblems } from '../kpi/message-bundles.ts';
import { relationMessages } from './messages.ts';

describe('relations texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(flattenMessages(relationMessages['zh-CN']).size).toBeGreaterThan(80);
    expect(messageProblems(relationMessages)).toEqual([]);
  });
});
