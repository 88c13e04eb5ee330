// The amount of a benefit for one enterprise, in integer fen: fixed, or a rate of a yearly figure capped — BigInt arithmetic, never floats.
import { wanToFen } from '../../../shared/rules/money.ts';
import { yearOf } from '../../../shared/rules/dates.ts';
import type { Benefit } from '../../../shared/schemas/policies.ts';
import type { EnterpriseRecord } from './engine/enterprise-record.ts';

/** One 万元 is 1,000,000 fen-units of 1e-6 万元; a headcount formula applies the rate to headcount × 1 万元. */
const FEN_PER_WAN = 1_000_000n;
/** ratePercent is held in millionths (6 decimals); percent → fraction is another 100. */
const RATE_SCALE = 100_000_000n;

/**
 * Fen of the benefit for `record` as of `asOf`; null when it has no amount (a service, a figure missing).
 * Formula amounts are rounded down to the fen, then capped.
 */
export function benefitFen(benefit: Benefit, record: EnterpriseRecord, asOf: string): bigint | null {
  const amount = benefit.amount;
  if (amount === null) return null;
  if (amount.type === 'fixed') return BigInt(wanToFen(amount.wan)!);
  const year = 'relative' in amount.year ? yearOf(asOf) + amount.year.relative : amount.year.absolute;
  const figures = record.figures.find((f) => f.year === year);
  if (!figures) return null;
  let base: bigint;
  if (amount.figure === 'headcount') {
    if (figures.headcount == null) return null;
    base = BigInt(figures.headcount) * FEN_PER_WAN;
  } else {
    const text = amount.figure === 'revenue' ? figures.revenueWan : amount.figure === 'assets' ? figures.assetsWan : figures.taxWan;
    if (text == null) return null;
    base = BigInt(wanToFen(text)!);
  }
  if (base < 0n) base = 0n;
  let fen = (base * BigInt(wanToFen(amount.ratePercent)!)) / RATE_SCALE;
  if (amount.capWan != null) {
    const cap = BigInt(wanToFen(amount.capWan)!);
    if (fen > cap) fen = cap;
  }
  return fen;
}

/** 万元 text of a fen amount held as BigInt (budget sums may pass 2^53 fen). */
export function fenText(fen: bigint): string {
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(7, '0');
  const whole = digits.slice(0, -6).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(-6).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const wanFen = (wan: string): bigint => BigInt(wanToFen(wan)!);
