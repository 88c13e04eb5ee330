// Enterprise size class (大型/中型/小型/微型) by 统计上大中小微型企业划分办法（2017）: the industry picks the row, the figures pick the class, and the basis says why in three languages.
import { GBT4754_SECTIONS, SIZE_TABLE, type SizeIndicator, type SizeTableRow } from './enterprise-size-table.ts';

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';

export interface SizeInput {
  industryCode: string | null;
  headcount: number | null;
  /** 营业收入, 万元 */
  revenueWan: number | null;
  /** 资产总额, 万元 */
  assetsWan: number | null;
}

export interface SizeResult {
  size: SizeClass | null;
  /** The table row in Simplified Chinese, e.g. '工业'; null when no row applies. */
  sector: string | null;
  basis: string;
  basisEn: string;
  basisTw: string;
}

const CLASS_ORDER: SizeClass[] = ['large', 'medium', 'small', 'micro'];
const CLASS_NAMES: Record<SizeClass, { zh: string; tw: string; en: string }> = {
  large: { zh: '大型', tw: '大型', en: 'large' },
  medium: { zh: '中型', tw: '中型', en: 'medium' },
  small: { zh: '小型', tw: '小型', en: 'small' },
  micro: { zh: '微型', tw: '微型', en: 'micro' },
};
const INDICATOR_NAMES: Record<SizeIndicator, { zh: string; tw: string; en: string }> = {
  headcount: { zh: '从业人员', tw: '從業人員', en: 'headcount' },
  revenue: { zh: '营业收入', tw: '營業收入', en: 'revenue' },
  assets: { zh: '资产总额', tw: '資產總額', en: 'total assets' },
};

type Lang = 'zh' | 'tw' | 'en';
const LANGS: Lang[] = ['zh', 'tw', 'en'];

/** Moves the decimal point of a number's exact decimal text, so 12000 万元 reads 1.2 亿元 without float noise. */
function shiftDecimal(value: number, places: number): string {
  const text = String(Math.abs(value));
  if (text.includes('e')) return String(value / 10 ** places);
  const [whole, fraction = ''] = text.split('.');
  const padded = whole.padStart(places + 1, '0');
  const head = padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, '');
  const tail = (padded.slice(padded.length - places) + fraction).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${head}${tail ? `.${tail}` : ''}`;
}

function formatFigure(indicator: SizeIndicator, value: number, lang: Lang): string {
  if (indicator === 'headcount') return lang === 'en' ? `${value} people` : `${value} 人`;
  if (lang === 'en') return `${shiftDecimal(value, 2)} million yuan`;
  const big = Math.abs(value) >= 10000;
  const unit = lang === 'zh' ? (big ? '亿元' : '万元') : big ? '億元' : '萬元';
  return `${big ? shiftDecimal(value, 4) : shiftDecimal(value, 0)} ${unit}`;
}

const describeFigure = (indicator: SizeIndicator, value: number, lang: Lang): string =>
  lang === 'en' ? `${INDICATOR_NAMES[indicator].en} ${formatFigure(indicator, value, lang)}` : `${INDICATOR_NAMES[indicator][lang]} ${formatFigure(indicator, value, lang)}`;

const listJoin = (parts: string[], lang: Lang): string => parts.join(lang === 'en' ? ', ' : '、');

function byLanguage(make: (lang: Lang) => string): Pick<SizeResult, 'basis' | 'basisEn' | 'basisTw'> {
  const [basis, basisTw, basisEn] = LANGS.map(make);
  return { basis, basisTw, basisEn };
}

const sectionOfDivision = (division: number): string | null => GBT4754_SECTIONS.find((s) => division >= s.from && division <= s.to)?.section ?? null;

type RowLookup = { row: SizeTableRow } | { problem: 'malformed' | 'not_covered' | 'too_coarse'; code: string };

const rowCache = new Map<string, RowLookup>();

/** Picks the table row for a GB/T 4754-2017 code ('3011', 'C3011'; a 2- or 3-digit code when it decides the row alone). */
export function sizeRowForIndustry(industryCode: string): RowLookup {
  let found = rowCache.get(industryCode);
  if (!found) {
    found = lookUpRow(industryCode);
    // Imports classify a million rows over about 1,400 classes; the bound keeps odd input from growing the cache.
    if (rowCache.size < 4096) rowCache.set(industryCode, found);
  }
  return found;
}

function lookUpRow(industryCode: string): RowLookup {
  const code = industryCode.trim().toUpperCase();
  const match = /^([A-T])?(\d{2,4})$/.exec(code);
  const section = match ? sectionOfDivision(Number(match[2].slice(0, 2))) : null;
  if (!match || !section || (match[1] && match[1] !== section)) return { problem: 'malformed', code: industryCode };
  const digits = match[2];
  const candidates = [digits.slice(0, 4), digits.slice(0, 3), digits.slice(0, 2)].filter((c, i, all) => c.length >= 2 && all.indexOf(c) === i);
  for (const candidate of [...candidates, section]) {
    const row = SIZE_TABLE.find((r) => r.scope.includes(candidate));
    if (!row) continue;
    // A code coarser than a scope entry beneath it (59 holds 591 装卸搬运, 70 holds 7010 and 702) cannot decide the row.
    const finer = SIZE_TABLE.some((r) => r.scope.some((s) => /^\d+$/.test(s) && s.length > digits.length && s.startsWith(digits)));
    return finer ? { problem: 'too_coarse', code: digits } : { row };
  }
  const finer = SIZE_TABLE.some((r) => r.scope.some((s) => /^\d+$/.test(s) && s.length > digits.length && s.startsWith(digits)));
  return finer ? { problem: 'too_coarse', code: digits } : { problem: 'not_covered', code: digits };
}

const figureOf = (input: SizeInput, indicator: SizeIndicator): number | null =>
  indicator === 'headcount' ? input.headcount : indicator === 'revenue' ? input.revenueWan : input.assetsWan;

/** The class one indicator alone reaches: the first class whose lower bound it meets. */
function classByOne(value: number, t: { large: number; medium: number; small: number }): SizeClass {
  return value >= t.large ? 'large' : value >= t.medium ? 'medium' : value >= t.small ? 'small' : 'micro';
}

const lowerBound = (t: { large: number; medium: number; small: number }, size: SizeClass): number =>
  size === 'large' ? t.large : size === 'medium' ? t.medium : t.small;

/**
 * Classifies by the official rule: 大型, 中型 and 小型 need every listed indicator at or above the class's lower bound,
 * otherwise one class down (下划一档); any indicator below the 小型 bound makes it 微型. A missing figure gives no class,
 * unless a known figure is already below the 小型 bound (then 微型 whatever the missing one is).
 */
export function classifySize(input: SizeInput): SizeResult {
  if (input.industryCode == null || input.industryCode.trim() === '') {
    return {
      size: null,
      sector: null,
      ...byLanguage((l) => ({ zh: '缺少行业代码，无法划型', tw: '缺少行業代碼，無法劃型', en: 'no industry code: size not determined' })[l]),
    };
  }
  const lookup = sizeRowForIndustry(input.industryCode);
  if ('problem' in lookup) {
    const c = lookup.code;
    const texts = {
      malformed: { zh: `行业代码“${c}”不是 GB/T 4754-2017 代码，无法划型`, tw: `行業代碼「${c}」不是 GB/T 4754-2017 代碼，無法劃型`, en: `industry code "${c}" is not a GB/T 4754-2017 code: size not determined` },
      not_covered: {
        zh: `行业 ${c} 不在《统计上大中小微型企业划分办法（2017）》适用范围内，不划型`,
        tw: `行業 ${c} 不在《統計上大中小微型企業劃分辦法（2017）》適用範圍內，不劃型`,
        en: `industry ${c} is outside the scope of the 2017 statistical size classification: no size class`,
      },
      too_coarse: {
        zh: `行业代码 ${c} 不足以确定适用的划分标准，需要小类代码`,
        tw: `行業代碼 ${c} 不足以確定適用的劃分標準，需要小類代碼`,
        en: `industry code ${c} is too coarse to choose the size thresholds: a 4-digit class is needed`,
      },
    }[lookup.problem];
    return { size: null, sector: null, ...byLanguage((l) => texts[l]) };
  }

  const { row } = lookup;
  const sectorName = (l: Lang) => row.name[l];
  const known: { indicator: SizeIndicator; value: number; reaches: SizeClass; t: (typeof row.thresholds)[number] }[] = [];
  const missing: SizeIndicator[] = [];
  const invalid: { indicator: SizeIndicator; value: number }[] = [];
  for (const t of row.thresholds) {
    const value = figureOf(input, t.indicator);
    if (value == null) missing.push(t.indicator);
    else if (!Number.isFinite(value) || value < 0) invalid.push({ indicator: t.indicator, value });
    else known.push({ indicator: t.indicator, value, reaches: classByOne(value, t), t });
  }
  const figures = (l: Lang) => known.map((k) => describeFigure(k.indicator, k.value, l));
  const belowSmall = known.filter((k) => k.reaches === 'micro');

  if (missing.length || invalid.length) {
    const lacking = (l: Lang) => {
      const parts: string[] = [];
      if (missing.length) {
        const names = listJoin(missing.map((i) => INDICATOR_NAMES[i][l]), l);
        parts.push(l === 'en' ? `${names} missing` : `缺少${names}`);
      }
      for (const bad of invalid) {
        parts.push(l === 'en' ? `${INDICATOR_NAMES[bad.indicator].en} ${bad.value} is not valid` : `${INDICATOR_NAMES[bad.indicator][l]} ${bad.value} ${l === 'zh' ? '无效' : '無效'}`);
      }
      return parts.join(l === 'en' ? '; ' : '，');
    };
    if (belowSmall.length) {
      return {
        size: 'micro',
        sector: row.name.zh,
        ...byLanguage((l) => {
          const why = belowSmall.map((k) => belowText(k.indicator, 'small', k.t, l)).join(l === 'en' ? '; ' : '；');
          return `${sectorName(l)}: ${figures(l).join(', ')} → ${CLASS_NAMES.micro[l]}${l === 'en' ? ` (${why}; ${lacking(l)})` : `（${why}；${lacking(l)}）`}`;
        }),
      };
    }
    return {
      size: null,
      sector: row.name.zh,
      ...byLanguage((l) => {
        const shown = figures(l);
        const head = `${sectorName(l)}: ${lacking(l)}`;
        const tail = l === 'en' ? ': size not determined' : l === 'zh' ? '，无法划型' : '，無法劃型';
        return shown.length ? `${head}${tail}${l === 'en' ? ` (${shown.join(', ')})` : `（${shown.join(', ')}）`}` : `${head}${tail}`;
      }),
    };
  }

  const size = known.reduce<SizeClass>((lowest, k) => (CLASS_ORDER.indexOf(k.reaches) > CLASS_ORDER.indexOf(lowest) ? k.reaches : lowest), 'large');
  // When the indicators disagree, name the ones that held the class down, against the bound of the class above.
  const limiting = size === 'large' ? [] : known.filter((k) => k.reaches === size && known.some((o) => CLASS_ORDER.indexOf(o.reaches) < CLASS_ORDER.indexOf(size)));
  return {
    size,
    sector: row.name.zh,
    ...byLanguage((l) => {
      const base = `${sectorName(l)}: ${figures(l).join(', ')} → ${CLASS_NAMES[size][l]}`;
      if (!limiting.length) return base;
      const above = CLASS_ORDER[CLASS_ORDER.indexOf(size) - 1];
      const why = limiting.map((k) => belowText(k.indicator, above, k.t, l)).join(l === 'en' ? '; ' : '；');
      const down = size === 'micro' ? '' : l === 'en' ? ': one class down' : l === 'zh' ? '，下划一档' : '，下劃一檔';
      return l === 'en' ? `${base} (${why}${down})` : `${base}（${why}${down}）`;
    }),
  };
}

/**
 * The class alone, by the same rule as classifySize but without building the basis texts: for bulk imports
 * (about 0.1 µs a call against several µs). classifySize(input).size always equals sizeClassOf(input).
 */
export function sizeClassOf(input: SizeInput): SizeClass | null {
  if (input.industryCode == null) return null;
  const lookup = sizeRowForIndustry(input.industryCode);
  if (!('row' in lookup)) return null;
  let lowest = 0;
  let undecided = false;
  for (const t of lookup.row.thresholds) {
    const value = figureOf(input, t.indicator);
    if (value == null || !Number.isFinite(value) || value < 0) undecided = true;
    else lowest = Math.max(lowest, CLASS_ORDER.indexOf(classByOne(value, t)));
  }
  if (lowest === CLASS_ORDER.indexOf('micro')) return 'micro';
  return undecided ? null : CLASS_ORDER[lowest];
}

function belowText(indicator: SizeIndicator, size: SizeClass, t: { large: number; medium: number; small: number }, l: Lang): string {
  const bound = formatFigure(indicator, lowerBound(t, size), l);
  if (l === 'en') return `${INDICATOR_NAMES[indicator].en} below the ${CLASS_NAMES[size].en} bound of ${bound}`;
  return `${INDICATOR_NAMES[indicator][l]}${l === 'zh' ? '低于' : '低於'}${CLASS_NAMES[size][l]}下限 ${bound}`;
}
