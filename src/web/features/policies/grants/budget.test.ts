// Tests of the budget arithmetic: the summary in exact fen, and the candidates an approval would take in rank order, stopping at the first that does not fit.
import { describe, expect, it } from 'vitest';
import { budgetSummary, candidatesThatFit, sumWan } from './budget.ts';

describe('budgetSummary', () => {
  it('splits what is committed into approved and paid, exactly', () => {
    expect(budgetSummary('1000', '150.3', '50.1')).toEqual({ budget: '1000', approved: '100.2', paid: '50.1', remaining: '849.7', usedPercent: 15, paidPercent: 5 });
  });
  it('has no remaining or bar without a budget, and caps the bar at 100 %', () => {
    expect(budgetSummary(null, '80', '0')).toMatchObject({ remaining: null, usedPercent: null, approved: '80', paid: '0' });
    expect(budgetSummary('100', '120', '120')).toMatchObject({ remaining: '-20', usedPercent: 100, paidPercent: 100, approved: '0' });
  });
});

describe('candidatesThatFit', () => {
  const grants = [
    { id: 'c', rank: 3, amount: '10' },
    { id: 'a', rank: 1, amount: '50' },
    { id: 'b', rank: 2, amount: '60' },
  ];
  it('walks the selection in rank order and stops at the first that does not fit — a smaller later one does not jump the queue', () => {
    const { fit, left } = candidatesThatFit(grants, '100');
    expect(fit.map((g) => g.id)).toEqual(['a']);
    expect(left.map((g) => g.id)).toEqual(['b', 'c']);
  });
  it('takes every one when the budget allows or there is none', () => {
    expect(candidatesThatFit(grants, '120').fit.map((g) => g.id)).toEqual(['a', 'b', 'c']);
    expect(candidatesThatFit(grants, null).left).toEqual([]);
    expect(candidatesThatFit(grants, '0.000001').fit).toEqual([]);
  });
  it('adds amounts without floating-point error', () => {
    expect(sumWan(['0.1', '0.2'])).toBe('0.3');
  });
});
