// Realistic, valid unified social credit codes for demo and benchmark data: registration authority and type prefixes in real-world proportions, organisation bodies in the formats issued before and after 2015.
import { makeUscc, USCC_CHARSET } from './uscc.ts';

/** Character 1 is the registration authority, character 2 the kind of entity (GB 32100, 表 1). */
export const USCC_TYPE_PREFIXES = [
  { prefix: '91', weight: 800, label: '企业 / enterprise', newBody: 'MA' },
  { prefix: '92', weight: 100, label: '个体工商户 / individual business', newBody: 'MA' },
  { prefix: '93', weight: 30, label: '农民专业合作社 / farmers’ cooperative', newBody: 'MA' },
  { prefix: '12', weight: 25, label: '事业单位 / public institution', newBody: 'MB' },
  { prefix: '52', weight: 20, label: '民办非企业单位 / private non-enterprise unit', newBody: 'MJ' },
  { prefix: '51', weight: 10, label: '社会团体 / social association', newBody: 'MJ' },
  { prefix: '53', weight: 5, label: '基金会 / foundation', newBody: 'MJ' },
] as const;

const TOTAL_WEIGHT = USCC_TYPE_PREFIXES.reduce((sum, t) => sum + t.weight, 0);
const DIGITS = '0123456789';

const pick = (random: () => number, alphabet: string): string => alphabet[Math.floor(random() * alphabet.length) % alphabet.length];

/**
 * A valid code registered in `division6`. Most bodies follow the post-2015 form (a two-letter issuer mark such as
 * "MA" and six characters of the GB 32100 set); the rest are the older eight-digit organisation codes.
 * Codes are random, not unique: callers that need uniqueness keep a set.
 */
export function makeRealisticUscc(random: () => number, division6: string): string {
  if (!/^\d{6}$/.test(division6)) throw new Error(`division must be 6 digits: ${division6}`);
  let roll = random() * TOTAL_WEIGHT;
  let type: (typeof USCC_TYPE_PREFIXES)[number] = USCC_TYPE_PREFIXES[0];
  for (const candidate of USCC_TYPE_PREFIXES) {
    roll -= candidate.weight;
    if (roll < 0) {
      type = candidate;
      break;
    }
  }
  let body: string;
  if (random() < 0.65) {
    body = type.newBody;
    for (let i = 0; i < 6; i++) body += pick(random, USCC_CHARSET);
  } else {
    body = pick(random, '3456789');
    for (let i = 0; i < 7; i++) body += pick(random, DIGITS);
  }
  return makeUscc(type.prefix, division6, body);
}
