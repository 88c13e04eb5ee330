// 绿卡 numbers: "LK" + 12 random Crockford base-32 characters (60 bits, not guessable) + a Luhn mod 32 check character; typed with or without hyphens.
import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const prefix = 'LK';
const bodyLength = 12;

/** Luhn mod N over the code points of `alphabet`: catches every single-character error and most adjacent swaps. */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const value = alphabet.indexOf(body[i]);
    if (value < 0) throw new Error(`not a card character: ${body[i]}`);
    let addend = factor * value;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return alphabet[(32 - (sum % 32)) % 32];
}

export function newCardNumber(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(bodyLength);
  let body = '';
  for (let i = 0; i < bodyLength; i++) body += alphabet[bytes[i] & 31];
  return `${prefix}${body}${checkCharacter(body)}`;
}

/** The canonical number from what a person typed (case, spaces, hyphens, Crockford's I/L → 1 and O → 0), or null when it cannot be a card number. */
export function normaliseCardNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith(prefix) || compact.length !== prefix.length + bodyLength + 1) return null;
  const rest = compact.slice(prefix.length).replace(/[IL]/g, '1').replace(/O/g, '0');
  if ([...rest].some((c) => !alphabet.includes(c))) return null;
  const body = rest.slice(0, bodyLength);
  return checkCharacter(body) === rest[bodyLength] ? `${prefix}${rest}` : null;
}

/** LK-XXXX-XXXX-XXXX-C, the way the card prints it. */
export const formatCardNumber = (number: string): string =>
  `${number.slice(0, 2)}-${number.slice(2, 6)}-${number.slice(6, 10)}-${number.slice(10, 14)}-${number.slice(14)}`;
