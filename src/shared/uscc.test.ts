// The credit-code check characters against published codes and against every single-character corruption.
import { describe, expect, it } from 'vitest';
import { makeUscc, validateUscc } from './uscc.ts';

const published = ['914403001922038216', '91110000802100433B'];

describe('unified social credit code', () => {
  it('accepts real published codes and normalises case', () => {
    for (const code of published) expect(validateUscc(code)).toEqual({ ok: true, code });
    expect(validateUscc('91110000802100433b')).toEqual({ ok: true, code: '91110000802100433B' });
  });

  it('builds codes that validate', () => {
    expect(validateUscc(makeUscc('91', '330502', 'MA2B3C4D')).ok).toBe(true);
  });

  it('refuses every single-character corruption of a valid code', () => {
    const code = makeUscc('91', '330503', 'MA7K8L9M');
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const ch of charset) {
        if (ch === code[i]) continue;
        const corrupted = code.slice(0, i) + ch + code.slice(i + 1);
        expect(validateUscc(corrupted).ok, corrupted).toBe(false);
      }
    }
  });

  it('says what is wrong', () => {
    expect(validateUscc('9144030019220382')).toMatchObject({ ok: false, problem: 'length' });
    expect(validateUscc('91440300192203821I')).toMatchObject({ ok: false, problem: 'character', position: 18 });
  });
});
