// The unified social credit code (统一社会信用代码, GB 32100-2015) and its embedded organisation code (GB 11714): check characters and validation.
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const orgValue = (ch: string): number => (/[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);

/** The 9th character of an organisation code from its first eight (GB 11714). */
export function orgCodeCheck(body8: string): string {
  const sum = [...body8].reduce((acc, ch, i) => acc + orgValue(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The 18th character of a credit code from its first seventeen (GB 32100). */
export function usccCheck(body17: string): string {
  const sum = [...body17].reduce((acc, ch, i) => acc + USCC_CHARSET.indexOf(ch) * USCC_WEIGHTS[i], 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Builds a valid code: 2-char registration type, 6-digit division, 8-char organisation body. */
export function makeUscc(type2: string, division6: string, orgBody8: string): string {
  const body17 = `${type2}${division6}${orgBody8}${orgCodeCheck(orgBody8)}`;
  return body17 + usccCheck(body17);
}

export type UsccProblem = 'length' | 'character' | 'organisation_code_check' | 'check_character';

export function validateUscc(input: string): { ok: true; code: string } | { ok: false; problem: UsccProblem; position?: number } {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code[i])) return { ok: false, problem: 'character', position: i + 1 };
  }
  const org = code.slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(org) || orgCodeCheck(org.slice(0, 8)) !== org[8]) return { ok: false, problem: 'organisation_code_check' };
  if (usccCheck(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'check_character' };
  return { ok: true, code };
}
