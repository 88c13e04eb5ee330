// Tests of the board's rules: totals, red figures (failures always, signals above the board's rate), and the state of a supervision item.
import { describe, expect, it } from 'vitest';
import type { BoardMeasures } from '../../../shared/schemas/index.ts';
import { boardTotals, isBad, itemState, measureKeys } from './board.ts';

const row = (over: Partial<BoardMeasures>): BoardMeasures => ({ total: 10, overdue: 0, supervised: 0, returns: 0, repeatedReturns: 0, extensionRequests: 0, extensionsApproved: 0, badRatings: 0, ...over });

describe('boardTotals', () => {
  it('adds every measure over the rows', () => {
    const totals = boardTotals([row({ overdue: 2, returns: 3 }), row({ total: 5, overdue: 1, badRatings: 1 })]);
    expect(totals).toEqual({ total: 15, overdue: 3, supervised: 0, returns: 3, repeatedReturns: 0, extensionRequests: 0, extensionsApproved: 0, badRatings: 1 });
    expect(Object.keys(boardTotals([])).sort()).toEqual([...measureKeys].sort());
  });
});

describe('isBad', () => {
  const busy = row({ total: 100, supervised: 10, returns: 10, overdue: 1, extensionsApproved: 5 });
  const small = row({ total: 10, supervised: 2, returns: 0 });
  const totals = boardTotals([busy, small]);

  it('marks failures whenever they occur', () => {
    expect(isBad('overdue', busy, totals)).toBe(true);
    expect(isBad('overdue', small, totals)).toBe(false);
    expect(isBad('badRatings', row({ badRatings: 1 }), totals)).toBe(true);
    expect(isBad('repeatedReturns', row({ repeatedReturns: 1 }), totals)).toBe(true);
  });

  it('marks signals only above the board rate', () => {
    // board: 12 supervised over 110 appeals ≈ 10.9 %; busy 10 %, small 20 %
    expect(isBad('supervised', busy, totals)).toBe(false);
    expect(isBad('supervised', small, totals)).toBe(true);
    expect(isBad('returns', busy, totals)).toBe(true);
    expect(isBad('returns', small, totals)).toBe(false);
  });

  it('never marks the volume or approved extensions', () => {
    expect(isBad('total', busy, totals)).toBe(false);
    expect(isBad('extensionsApproved', busy, totals)).toBe(false);
  });
});

describe('itemState', () => {
  it('is resolved once met, escalated once escalated, else open', () => {
    expect(itemState({ resolvedAt: '2026-03-01T00:00:00Z', escalatedAt: '2026-02-01T00:00:00Z' })).toBe('resolved');
    expect(itemState({ resolvedAt: null, escalatedAt: '2026-02-01T00:00:00Z' })).toBe('escalated');
    expect(itemState({ resolvedAt: null, escalatedAt: null })).toBe('open');
  });
});
