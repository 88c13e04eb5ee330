// Budget arithmetic of 免申即享 in exact fen: the summary (budget, approved, paid, remaining) and how many selected candidates the approval would take, walking them in rank order as the server does.
import { fenToWan, wanToFen } from '../../../../shared/rules/money.ts';

const fen = (wan: string | null | undefined): number => (wan ? (wanToFen(wan) ?? 0) : 0);

export interface BudgetSummary {
  /** 万元; null when the policy has no budget. */
  budget: string | null;
  approved: string;
  paid: string;
  remaining: string | null;
  /** Share of the budget committed (approved + paid), 0–100; null without a budget. */
  usedPercent: number | null;
  paidPercent: number | null;
}

/** `committed` is approved + paid as the grant list sends it; `paid` comes from the ledger. */
export function budgetSummary(budget: string | null, committed: string, paid: string): BudgetSummary {
  const committedFen = fen(committed);
  const paidFen = Math.min(fen(paid), committedFen);
  const budgetFen = budget === null ? null : fen(budget);
  const percent = (part: number) => (budgetFen === null ? null : budgetFen === 0 ? 100 : Math.min(100, Math.round((part / budgetFen) * 1000) / 10));
  return {
    budget,
    approved: fenToWan(committedFen - paidFen),
    paid: fenToWan(paidFen),
    remaining: budgetFen === null ? null : fenToWan(budgetFen - committedFen),
    usedPercent: percent(committedFen),
    paidPercent: percent(paidFen),
  };
}

export interface SelectedCandidate {
  id: string;
  rank: number;
  amount: string;
}

/**
 * The candidates an approval would approve: in rank order, while the remaining budget allows, stopping at the first
 * that does not fit (a smaller later one never jumps the queue). Without a budget every one fits.
 */
export function candidatesThatFit(selected: readonly SelectedCandidate[], remaining: string | null): { fit: SelectedCandidate[]; left: SelectedCandidate[] } {
  const ordered = [...selected].sort((a, b) => a.rank - b.rank);
  if (remaining === null) return { fit: ordered, left: [] };
  let room = fen(remaining);
  const fit: SelectedCandidate[] = [];
  for (const [i, grant] of ordered.entries()) {
    const amount = fen(grant.amount);
    if (amount > room) return { fit, left: ordered.slice(i) };
    room -= amount;
    fit.push(grant);
  }
  return { fit, left: [] };
}

/** Sum of 万元 amounts, exact. */
export const sumWan = (amounts: readonly string[]): string => fenToWan(amounts.reduce((total, amount) => total + fen(amount), 0));
