// Money in 万元 arrives as exact decimal strings; shown grouped, without trailing zeros, and never through floating point.
export function formatWan(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction.replace(/0+$/, '');
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** Whether a typed amount is a valid 万元 decimal (not negative unless allowed, at most 6 decimals): the same rule as the API. */
export function isWanInput(value: string, { signed = false } = {}): boolean {
  return (signed ? /^-?\d{1,14}(\.\d{1,6})?$/ : /^\d{1,14}(\.\d{1,6})?$/).test(value.trim());
}
