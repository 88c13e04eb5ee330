// Tests of the ranking display: tiers in order, weights as percentages, medals, best and worst departments (provisional when nobody is ranked).
import { describe, expect, it } from 'vitest';
import type { RankingItem } from '../../../shared/schemas/index.ts';
import { bestAndWorst, groupByTier, medalOf, weightShares } from './ranking.ts';

const item = (id: string, over: Partial<RankingItem>): RankingItem => ({
  key: id, label: id, total: 10, signedOnTime: 0, repliedOnTime: 0, resolved: 0, followedUp: 0, satisfied: 0, signDue: 0, replyDue: 0, replied: 0, rated: 0,
  onTimeSignRate: null, onTimeReplyRate: null, resolutionRate: null, followUpRate: null, satisfactionRate: null,
  departmentId: id, tier: 'city', tierLabel: '市直部门', score: null, rank: null, ...over,
});

describe('groupByTier', () => {
  it('keeps the server order of tiers and of departments within them', () => {
    const groups = groupByTier([item('a', { tier: 'city' }), item('b', { tier: 'district' }), item('c', { tier: 'city' })]);
    expect(groups.map((g) => [g.tier, g.items.map((i) => i.key)])).toEqual([['city', ['a', 'c']], ['district', ['b']]]);
    expect(groupByTier([])).toEqual([]);
  });
});

describe('weightShares', () => {
  it('turns the weights into percentages of their sum, heaviest first', () => {
    expect(weightShares({ onTimeSign: 0.3, resolution: 0.35, satisfaction: 0.35 })).toEqual([
      { rate: 'resolutionRate', percent: 35 },
      { rate: 'satisfactionRate', percent: 35 },
      { rate: 'onTimeSignRate', percent: 30 },
    ]);
    expect(weightShares({ onTimeSign: 1, resolution: 1, satisfaction: 0 })).toEqual([
      { rate: 'onTimeSignRate', percent: 50 },
      { rate: 'resolutionRate', percent: 50 },
    ]);
  });
});

describe('medalOf', () => {
  it('gives medals to the first three ranks only', () => {
    expect([1, 2, 3, 4, null].map(medalOf)).toEqual(['gold', 'silver', 'bronze', null, null]);
  });
});

describe('bestAndWorst', () => {
  it('takes ranked departments by score, never listing one twice', () => {
    const items = [
      item('a', { score: 0.9, rank: 1 }),
      item('b', { score: 0.8, rank: 2 }),
      item('c', { score: 0.7, rank: 1, tier: 'district' }),
      item('d', { score: 0.99, rank: null, total: 2 }),
    ];
    const standing = bestAndWorst(items, 2);
    expect(standing.provisional).toBe(false);
    expect(standing.best.map((i) => i.key)).toEqual(['a', 'b']);
    expect(standing.worst.map((i) => i.key)).toEqual(['c']);
    expect(bestAndWorst(items, 1).worst.map((i) => i.key)).toEqual(['c']);
  });

  it('falls back to every scored department when none is ranked, and says so', () => {
    const standing = bestAndWorst([item('a', { score: 0.5 }), item('b', { score: null }), item('c', { score: 0.95 })], 3);
    expect(standing.provisional).toBe(true);
    expect(standing.best.map((i) => i.key)).toEqual(['c', 'a']);
    expect(standing.worst).toEqual([]);
  });
});
