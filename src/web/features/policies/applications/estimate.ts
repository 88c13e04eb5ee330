// The approve dialog's default amount (the application view carries no estimate): the policy's benefit for the submitted registry figures, worked out as the server does (fixed, or rate × figure rounded down to the fen, capped).
import { fenToWan, wanToFen } from '../../../../shared/rules/money.ts';
import type { Benefit } from '../../../../shared/schemas/policies.ts';
import type { EnterpriseSnapshot } from './api.ts';

const FEN_PER_WAN = 1_000_000n;
const RATE_SCALE = 100_000_000n;

type Figures = EnterpriseSnapshot['figures'];

function figureFen(row: Figures[number], figure: 'revenue' | 'assets' | 'tax' | 'headcount'): bigint | null {
  if (figure === 'headcount') return row.headcount == null ? null : BigInt(row.headcount) * FEN_PER_WAN;
  const value = figure === 'tax' ? row.taxPaid : row[figure];
  const fen = value == null ? null : wanToFen(value);
  return fen == null ? null : BigInt(fen);
}

/** 万元 text, or null when the benefit has no amount or the figure it needs is missing. `asOfYear` resolves a relative year. */
export function estimateWan(benefit: Benefit, figures: Figures | undefined, asOfYear: number): string | null {
  const amount = benefit.amount;
  if (!amount) return null;
  if (amount.type === 'fixed') return amount.wan;
  const year = 'relative' in amount.year ? asOfYear + amount.year.relative : amount.year.absolute;
  const row = figures?.find((f) => f.year === year);
  const base = row ? figureFen(row, amount.figure) : null;
  const rate = wanToFen(amount.ratePercent);
  if (base === null || rate === null) return null;
  let fen = ((base < 0n ? 0n : base) * BigInt(rate)) / RATE_SCALE;
  const cap = amount.capWan != null ? wanToFen(amount.capWan) : null;
  if (cap !== null && fen > BigInt(cap)) fen = BigInt(cap);
  return fenToWan(Number(fen));
}
