// The credit-code checks against codes computed here by the standards' own algorithms, published codes, and every single-character corruption.
import { describe, expect, it } from 'vitest';
import { divisionOfUscc, makeUscc, validateUscc } from './uscc.ts';
import { makeRealisticUscc, USCC_TYPE_PREFIXES } from './uscc-generate.ts';

// GB 32100-2015 §4–5, written out here independently of the module: 31 characters, weight of position i is 3^i mod 31,
// check = 31 − (Σ value·weight mod 31), 31 read as 0.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const standardCheck = (body17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c];
};
// GB 11714-1997: letters A–Z count 10–35, weights 3 7 9 10 5 8 4 2, check = 11 − (Σ mod 11), 10 → X, 11 → 0.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const standardOrgCheck = (body8: string): string => {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    sum += (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 'A'.charCodeAt(0) + 10) * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
};
const standardCode = (type2: string, division6: string, body8: string): string => {
  const body17 = type2 + division6 + body8 + standardOrgCheck(body8);
  return body17 + standardCheck(body17);
};

// A small deterministic generator (mulberry32) so failures reproduce.
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const computed = [
  standardCode('91', '330502', 'MA2B3C4D'),
  standardCode('91', '330503', 'MA7K8L9M'),
  standardCode('92', '330521', 'MA28XY7Q'),
  standardCode('93', '330522', '30912345'),
  standardCode('12', '330500', '47100128'),
  standardCode('52', '330523', 'MJ0H1N2P'),
  standardCode('91', '110108', '00000000'),
  standardCode('91', '440300', 'YYYYYYYY'),
];

// Codes published by real registrants (enterprises 91…, a public institution 12…).
const published = [
  '914403001922038216',
  '91110000802100433B',
  '91330100716105852F',
  '9144030071526726XG',
  '91110000710926094P',
  '91110108551385082Q',
  '91520000214434146R',
  '911100001000079554',
  '12100000400000624D',
];

describe('unified social credit code', () => {
  it('the test’s weights are the published GB 32100 weights', () => {
    expect(WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('accepts real published codes and normalises case, spaces and full-width input', () => {
    for (const code of published) expect(validateUscc(code)).toEqual({ ok: true, code });
    expect(validateUscc('91110000802100433b')).toEqual({ ok: true, code: '91110000802100433B' });
    expect(validateUscc('  9144030071526726xg ')).toEqual({ ok: true, code: '9144030071526726XG' });
    expect(validateUscc('９１３３０１００７１６１０５８５２Ｆ')).toEqual({ ok: true, code: '91330100716105852F' });
  });

  it('accepts codes computed by the standards’ algorithms, and the module builds the same codes', () => {
    for (const code of computed) expect(validateUscc(code), code).toEqual({ ok: true, code });
    expect(makeUscc('91', '330502', 'MA2B3C4D')).toBe(computed[0]);
    expect(makeUscc('52', '330523', 'MJ0H1N2P')).toBe(computed[5]);
  });

  it('GB 32100 detects every single substitution: weights are units mod 31, so no change of one character keeps the sum', () => {
    // 31 is prime and every weight is in 1..30, so w·d ≢ 0 (mod 31) for every difference d in 1..30.
    for (const w of WEIGHTS) {
      for (let d = 1; d < 31; d++) expect((w * d) % 31, `weight ${w}, difference ${d}`).not.toBe(0);
    }
  });

  it('refuses every single-character corruption of valid codes, and says which check caught it', () => {
    const codes = [...computed, ...published];
    let corruptions = 0;
    for (const code of codes) {
      for (let i = 0; i < 18; i++) {
        for (const ch of CHARSET) {
          if (ch === code[i]) continue;
          const corrupted = code.slice(0, i) + ch + code.slice(i + 1);
          const result = validateUscc(corrupted);
          corruptions++;
          expect(result.ok, corrupted).toBe(false);
          if (result.ok) continue;
          // Which check fails is predictable from the standards: the organisation check first, when its part changed.
          const orgBroken = standardOrgCheck(corrupted.slice(8, 16)) !== corrupted[16];
          expect(result.problem, corrupted).toBe(orgBroken ? 'organisation_code_check' : 'check_character');
          expect(result.position).toBe(orgBroken ? 17 : 18);
        }
      }
    }
    expect(corruptions).toBe(codes.length * 18 * 30);
  });

  it('says what is wrong, precisely and in both languages', () => {
    const short = validateUscc('9144030019220382');
    expect(short).toMatchObject({ ok: false, problem: 'length' });
    if (!short.ok) expect(short.message).toBe('统一社会信用代码应为 18 位，实为 16 位 / a unified social credit code has 18 characters, this one has 16');

    const letterI = validateUscc('91440300192203821I');
    expect(letterI).toMatchObject({ ok: false, problem: 'character', position: 18 });
    if (!letterI.ok) expect(letterI.message).toContain('第 18 位“I”');

    const letterO = validateUscc('914403O01922038216');
    expect(letterO).toMatchObject({ ok: false, problem: 'character', position: 7 });
    if (!letterO.ok) expect(letterO.message).toMatch(/character 7 "O" is not allowed/);

    const org = validateUscc('914403001922038316'); // position 16 changed: 1 → 3
    expect(org).toMatchObject({ ok: false, problem: 'organisation_code_check', position: 17 });
    if (!org.ok) expect(org.message).toContain(`第 17 位应为“${standardOrgCheck('19220383')}”，实为“1”`);

    const last = validateUscc('914403001922038217');
    expect(last).toMatchObject({ ok: false, problem: 'check_character', position: 18 });
    if (!last.ok) expect(last.message).toBe('校验码错误（GB 32100）：第 18 位应为“6”，实为“7” / wrong check character (GB 32100): character 18 should be "6", not "7"');

    expect(validateUscc('')).toMatchObject({ ok: false, problem: 'length' });
    expect(validateUscc('91330100716105852F1')).toMatchObject({ ok: false, problem: 'length' });
  });

  it('reads the registration authority’s division from characters 3–8', () => {
    expect(divisionOfUscc('91330100716105852F')).toBe('330100');
    expect(divisionOfUscc(computed[0])).toBe('330502');
    expect(divisionOfUscc(' 9144030071526726xg')).toBe('440300');
  });
});

describe('realistic generated codes', () => {
  it('are valid by the standards’ algorithms, carry the division, and use real type prefixes in realistic shares', () => {
    const random = seeded(42);
    const counts = new Map<string, number>();
    const n = 20_000;
    for (let k = 0; k < n; k++) {
      const division = ['330502', '330503', '330521'][k % 3];
      const code = makeRealisticUscc(random, division);
      expect(code.slice(0, 17) + standardCheck(code.slice(0, 17))).toBe(code);
      expect(standardOrgCheck(code.slice(8, 16))).toBe(code[16]);
      expect(validateUscc(code).ok).toBe(true);
      expect(divisionOfUscc(code)).toBe(division);
      counts.set(code.slice(0, 2), (counts.get(code.slice(0, 2)) ?? 0) + 1);
    }
    const known = new Set(USCC_TYPE_PREFIXES.map((t) => t.prefix));
    for (const prefix of counts.keys()) expect(known.has(prefix as never), prefix).toBe(true);
    expect(counts.get('91')! / n).toBeGreaterThan(0.75);
    for (const prefix of ['92', '93', '12', '52']) expect(counts.get(prefix) ?? 0, prefix).toBeGreaterThan(n * 0.005);
  });

  it('are deterministic for a seeded random and mostly distinct', () => {
    const a = Array.from({ length: 1000 }, ((r) => () => makeRealisticUscc(r, '330502'))(seeded(7)));
    const b = Array.from({ length: 1000 }, ((r) => () => makeRealisticUscc(r, '330502'))(seeded(7)));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(995);
  });

  it('refuses a division that is not six digits', () => {
    expect(() => makeRealisticUscc(Math.random, '3305')).toThrow();
  });
});
