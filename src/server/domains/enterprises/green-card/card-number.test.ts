// Card numbers: well-formed and random, every single-character corruption and most adjacent swaps are caught, typing variants are accepted.
import { describe, expect, it } from 'vitest';
import { formatCardNumber, newCardNumber, normaliseCardNumber } from './card-number.ts';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('green card numbers', () => {
  it('are 15 characters, distinct, and verify', () => {
    const numbers = new Set(Array.from({ length: 500 }, () => newCardNumber()));
    expect(numbers.size).toBe(500);
    for (const n of numbers) {
      expect(n).toMatch(/^LK[0-9A-HJKMNP-TV-Z]{13}$/);
      expect(normaliseCardNumber(n)).toBe(n);
    }
  });

  it('refuse every single-character corruption', () => {
    for (let k = 0; k < 20; k++) {
      const n = newCardNumber();
      for (let i = 2; i < n.length; i++) {
        for (const c of alphabet) {
          if (c === n[i]) continue;
          expect(normaliseCardNumber(n.slice(0, i) + c + n.slice(i + 1))).toBeNull();
        }
      }
    }
  });

  it('refuse most adjacent transpositions', () => {
    let swaps = 0;
    let caught = 0;
    for (let k = 0; k < 200; k++) {
      const n = newCardNumber();
      for (let i = 2; i < n.length - 1; i++) {
        if (n[i] === n[i + 1]) continue;
        swaps++;
        if (normaliseCardNumber(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2)) === null) caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.9);
  });

  it('accept lower case, hyphens, spaces and the printed form', () => {
    const n = newCardNumber();
    expect(normaliseCardNumber(formatCardNumber(n).toLowerCase())).toBe(n);
    expect(normaliseCardNumber(` ${n.slice(0, 6)} ${n.slice(6)} `)).toBe(n);
    expect(normaliseCardNumber('LK123')).toBeNull();
    expect(normaliseCardNumber('XX' + n.slice(2))).toBeNull();
  });
});
