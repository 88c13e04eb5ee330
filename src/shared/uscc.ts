// The unified social credit code (统一社会信用代码, GB 32100-2015) and its embedded organisation code (GB 11714): check characters, validation with a precise reason, the registering division.
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
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

export type UsccValidation =
  | { ok: true; code: string }
  | { ok: false; problem: UsccProblem; position?: number; message: string };

/** Trims, folds full-width characters (NFKC, as typed with a Chinese input method) and upper-cases. */
export function normaliseUscc(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

const describeChar = (ch: string): string => (/^\s$/.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : ch);

/**
 * Checks a credit code: 18 characters, each in the GB 32100 set (digits and capital letters without I, O, S, V, Z),
 * characters 9–17 a valid organisation code (GB 11714), and character 18 the GB 32100 check character.
 * Positions are 1-based; messages are 'zh / en'.
 */
export function validateUscc(input: string): UsccValidation {
  const code = normaliseUscc(input);
  const chars = [...code];
  if (chars.length !== 18) {
    return {
      ok: false,
      problem: 'length',
      message: `统一社会信用代码应为 18 位，实为 ${chars.length} 位 / a unified social credit code has 18 characters, this one has ${chars.length}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(chars[i])) {
      const shown = describeChar(chars[i]);
      return {
        ok: false,
        problem: 'character',
        position: i + 1,
        message:
          `第 ${i + 1} 位“${shown}”不是统一社会信用代码允许的字符（GB 32100：数字和除 I、O、S、V、Z 以外的大写字母） / ` +
          `character ${i + 1} "${shown}" is not allowed in a unified social credit code (GB 32100: digits and capital letters except I, O, S, V, Z)`,
      };
    }
  }
  const org = code.slice(8, 17);
  const orgExpected = orgCodeCheck(org.slice(0, 8));
  if (orgExpected !== org[8]) {
    return {
      ok: false,
      problem: 'organisation_code_check',
      position: 17,
      message:
        `第 9–17 位的组织机构代码 ${org} 校验失败（GB 11714）：第 17 位应为“${orgExpected}”，实为“${org[8]}” / ` +
        `the organisation code ${org} in characters 9–17 fails its GB 11714 check: character 17 should be "${orgExpected}", not "${org[8]}"`,
    };
  }
  const expected = usccCheck(code.slice(0, 17));
  if (expected !== code[17]) {
    return {
      ok: false,
      problem: 'check_character',
      position: 18,
      message:
        `校验码错误（GB 32100）：第 18 位应为“${expected}”，实为“${code[17]}” / ` +
        `wrong check character (GB 32100): character 18 should be "${expected}", not "${code[17]}"`,
    };
  }
  return { ok: true, code };
}

/** The registration authority's 6-digit administrative division (characters 3–8) of a normalised code. */
export function divisionOfUscc(code: string): string {
  return normaliseUscc(code).slice(2, 8);
}
