// Money in rules: 万元 decimals (at most 6 places, as numeric(20,6) stores them) held as exact integers of 1e-6 万元 = 1 分 (fen).
/**
 * Why integers of fen in a JS number: 1e-6 万元 is exactly one fen, so every numeric(20,6) value is a whole number of
 * fen, and whole numbers are exact in a double up to 2^53 fen (about 90 万亿元, far beyond any enterprise figure).
 * Comparisons between whole numbers are then exact, fit in a Float64Array column (NaN = missing) and need no BigInt
 * in the hot loops. Decimals are converted from their text, digit by digit, never through float multiplication;
 * a value whose fen do not fit (|x| ≥ 2^53 fen) is refused rather than rounded.
 */
export const MAX_SAFE_FEN = Number.MAX_SAFE_INTEGER;

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;

/** '2000' | '1500.5' | 1500.5 → 150050000000 fen; null when not a decimal with at most 6 places or out of range. */
export function wanToFen(value: string | number): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const digits = (match[2] + (match[3] ?? '').padEnd(6, '0')).replace(/^0+(?=\d)/, '');
  const big = BigInt(digits);
  if (big > BigInt(MAX_SAFE_FEN)) return null;
  const fen = Number(big);
  return match[1] && fen !== 0 ? -fen : fen;
}

/** 150050000000 → '1500.5' (shortest exact decimal of the 万元 amount). */
export function fenToWan(fen: number): string {
  const negative = fen < 0;
  const text = String(Math.abs(fen)).padStart(7, '0');
  const whole = text.slice(0, -6).replace(/^0+(?=\d)/, '');
  const fraction = text.slice(-6).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The numeric(20,6) literal PostgreSQL compares exactly: 150050000000 → '1500.500000'. */
export function fenToNumericLiteral(fen: number): string {
  const negative = fen < 0;
  const text = String(Math.abs(fen)).padStart(7, '0');
  return `${negative ? '-' : ''}${text.slice(0, -6).replace(/^0+(?=\d)/, '')}.${text.slice(-6)}`;
}

/** Canonical decimal text of a 万元 input, or null: '02000.50' → '2000.5'. */
export function canonicalWan(value: string | number): string | null {
  const fen = wanToFen(value);
  return fen == null ? null : fenToWan(fen);
}
