// Checks that the leader dashboard's texts exist in zh-CN, zh-TW and en with the same keys and placeholders, under their own top-level key.
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../kpi/message-bundles.ts';
import { dashboardMessages } from './messages.ts';

describe('leader dashboard texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(messageProblems(dashboardMessages)).toEqual([]);
    for (const tree of Object.values(dashboardMessages)) {
      expect(Object.keys(tree).sort()).toEqual(['care', 'leaderDashboard']);
      expect(Object.keys(tree.care)).toEqual(['leaderDashboard']);
    }
  });
});
