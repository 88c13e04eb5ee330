// One data row of an enterprise import checked field by field: every problem named with its row and column; money kept as exact decimal strings in 万元.
import type { EnterpriseImportError, ImportField } from '../../../../shared/schemas/enterprise-import.ts';
import { enterpriseTags, type EnterpriseTag } from '../../../../shared/schemas/enterprises.ts';
import { divisionOfUscc, validateUscc } from '../../../../shared/uscc.ts';
import { findDivision } from '../reference/divisions.ts';
import { normaliseIndustryCode } from '../reference/industries.ts';
import type { ColumnPlan } from './import-columns.ts';

export type CellValue = string | number | boolean | Date | null;

/** A row that passed every check; undefined/null fields leave the stored value as it is. */
export interface CheckedRow {
  row: number;
  uscc: string;
  name: string | null;
  formerNames: string[] | null;
  divisionCode: string | null;
  /** The registration authority's county from the code (characters 3–8), used when a new enterprise's file row names no division. */
  divisionFromCode: string | null;
  industryCode: string | null;
  foundedOn: string | null;
  legalRepresentative: string | null;
  registeredAddress: string | null;
  registeredCapital: string | null;
  taxpayerType: 'general' | 'small_scale' | null;
  creditRating: 'A' | 'B' | 'M' | 'C' | 'D' | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  year: number;
  headcount: number | null;
  revenue: string | null;
  assets: string | null;
  tax: string | null;
  tags: EnterpriseTag[];
}

export interface RowRules {
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  currentYear: number;
  /** The figures' year when the row has none. */
  defaultYear: number;
}

const MAX_TEXT = { name: 200, legalRepresentative: 64, registeredAddress: 300, contactName: 64 } as const;

const tagNames: Record<string, EnterpriseTag> = {
  规上企业: 'above_scale', 规上: 'above_scale', 规模以上企业: 'above_scale', 规模以上: 'above_scale',
  专精特新: 'specialised', 专精特新企业: 'specialised', 专精特新中小企业: 'specialised', 省级专精特新: 'specialised',
  专精特新小巨人: 'little_giant', '专精特新"小巨人"': 'little_giant', 小巨人: 'little_giant', '专精特新“小巨人”': 'little_giant',
  高新技术企业: 'high_tech', 高新企业: 'high_tech', 高企: 'high_tech', 国家高新技术企业: 'high_tech',
  科技型中小企业: 'tech_sme', 科小: 'tech_sme',
  白名单: 'whitelist', 融资白名单: 'whitelist', 白名单企业: 'whitelist',
  上市后备: 'ipo_reserve', 上市后备企业: 'ipo_reserve', 拟上市: 'ipo_reserve',
};
for (const tag of enterpriseTags) tagNames[tag] = tag;

const taxpayerNames: Record<string, 'general' | 'small_scale'> = {
  一般纳税人: 'general', 一般: 'general', general: 'general',
  小规模纳税人: 'small_scale', 小规模: 'small_scale', small_scale: 'small_scale', 'small-scale': 'small_scale', small: 'small_scale',
};

export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** Moves the decimal point of a plain decimal string `shift` places (to the right when positive), dropping needless zeros. */
export function shiftDecimal(decimal: string, shift: number): string {
  const negative = decimal.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  let digits = intPart + fracPart;
  let point = intPart.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  const out = frac ? `${whole}.${frac}` : whole;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/** A cell as an exact decimal in 万元 (after the header's unit), or why not. Spreadsheet numbers are rounded to what the unit can hold. */
export function parseMoney(value: CellValue, shift: number, allowNegative: boolean): { ok: true; value: string } | { ok: false; message: string } {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: '不是数字 / not a number' };
    text = value.toFixed(Math.min(20, Math.max(0, 6 + shift)));
  } else {
    text = String(value).normalize('NFKC').trim().replace(/[,，\s]/g, '');
    let unitShift = 0;
    const unit = /(万元|万|元|亿元|亿)(人民币)?$/.exec(text);
    if (unit) {
      unitShift = unit[1] === '万元' || unit[1] === '万' ? 0 : unit[1] === '元' ? -4 : 4;
      text = text.slice(0, unit.index);
      // A unit written in the cell wins over the header's.
      shift = unitShift;
    }
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `“${String(value)}”不是数字 / not a number` };
  }
  const decimal = shiftDecimal(text, shift);
  if (decimal.startsWith('-') && !allowNegative) return { ok: false, message: `不能为负数（${decimal}）/ must not be negative` };
  const [whole, frac = ''] = decimal.replace('-', '').split('.');
  if (whole!.length > 14) return { ok: false, message: `数值过大（${decimal} 万元）/ too large` };
  if (frac.length > 6) return { ok: false, message: `最多 6 位小数（万元）/ at most 6 decimals in 万元: ${decimal}` };
  return { ok: true, value: decimal };
}

/** YYYY-MM-DD from 2015-03-02, 2015/3/2, 2015.3.2, 2015年3月2日, 20150302, an Excel date or an Excel serial number. */
export function parseDate(value: CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 80_000) return null;
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  const text = String(value).normalize('NFKC').trim();
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[ T].*)?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1800 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Division and industry answers repeat thousands of times in a file; one lookup each per import. */
export class ReferenceCache {
  private divisions = new Map<string, string | null>();
  private industries = new Map<string, string | null>();

  /** null when fine, else the reason. */
  divisionProblem(code: string): string | null {
    let problem = this.divisions.get(code);
    if (problem === undefined) {
      const division = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(code) ? findDivision(code) : null;
      problem = !division
        ? `没有这个统计用区划代码 ${code} / unknown division code`
        : division.level === 'province' || division.level === 'city'
          ? `区划须到县级或以下（${division.fullName} 是${division.level === 'province' ? '省' : '市'}级）/ the division must be a county or below`
          : null;
      this.divisions.set(code, problem);
    }
    return problem;
  }

  industry(code: string): string | null {
    let normal = this.industries.get(code);
    if (normal === undefined) {
      normal = normaliseIndustryCode(code);
      this.industries.set(code, normal);
    }
    return normal;
  }
}

type Cells = Partial<Record<ImportField, CellValue>>;

/** The row's cells keyed by field (the unit shifts stay per column in the plan). */
export function cellsOf(values: ReadonlyArray<CellValue | undefined>, plan: ColumnPlan): { cells: Cells; shifts: Partial<Record<ImportField, number>> } {
  const cells: Cells = {};
  const shifts: Partial<Record<ImportField, number>> = {};
  for (let col = 0; col < plan.fields.length; col++) {
    const field = plan.fields[col];
    if (!field) continue;
    const value = values[col];
    if (value === null || value === undefined || value === '') continue;
    cells[field] = value;
    if (plan.shifts[col]) shifts[field] = plan.shifts[col];
  }
  return { cells, shifts };
}

/** Checks one row; returns the row or every problem it has (each with its column's header as written). */
export function checkRow(
  rowNumber: number,
  values: ReadonlyArray<CellValue | undefined>,
  plan: ColumnPlan,
  rules: RowRules,
  refs: ReferenceCache,
): { ok: true; row: CheckedRow } | { ok: false; errors: EnterpriseImportError[] } {
  const { cells, shifts } = cellsOf(values, plan);
  const errors: EnterpriseImportError[] = [];
  const fail = (field: ImportField, message: string) => errors.push({ row: rowNumber, column: plan.headers[field] ?? field, message });

  let uscc = '';
  const codeText = cellText(cells.uscc);
  if (!codeText) fail('uscc', '统一社会信用代码为空 / the credit code is empty');
  else {
    const checked = validateUscc(codeText);
    if (checked.ok) uscc = checked.code;
    else fail('uscc', `统一社会信用代码无效：${checked.message}`);
  }

  const text = (field: ImportField, max?: number): string | null => {
    const t = cellText(cells[field]);
    if (t !== null && max !== undefined && t.length > max) {
      fail(field, `不超过 ${max} 字 / at most ${max} characters`);
      return null;
    }
    return t;
  };
  const name = text('name', MAX_TEXT.name);
  const formerText = text('formerNames');
  const formerNames = formerText ? [...new Set(formerText.split(/[;；|、\n]+/).map((n) => n.trim()).filter((n) => n && n !== name))] : null;

  let divisionCode: string | null = null;
  const divisionText = cellText(cells.divisionCode);
  if (divisionText) {
    const code = divisionText.replace(/\s/g, '');
    // 12-digit statistical codes padded with zeros name the level above (330502000000 is the county 330502).
    const trimmed = /^\d{12}$/.test(code) ? code.replace(/(000)?000$/, '') : code;
    const problem = refs.divisionProblem(trimmed);
    if (problem) fail('divisionCode', problem);
    else divisionCode = trimmed;
  }
  let divisionFromCode: string | null = null;
  if (uscc && !divisionCode) {
    const county = divisionOfUscc(uscc);
    divisionFromCode = refs.divisionProblem(county) === null ? county : null;
  }

  let industryCode: string | null = null;
  const industryText = cellText(cells.industryCode);
  if (industryText) {
    industryCode = refs.industry(industryText.toUpperCase().replace(/\s/g, ''));
    if (!industryCode) fail('industryCode', `没有这个国民经济行业小类 ${industryText}（GB/T 4754-2017，4 位，如 3011 或 C3011）/ unknown industry class`);
  }

  let foundedOn: string | null = null;
  if (cells.foundedOn !== undefined) {
    foundedOn = parseDate(cells.foundedOn);
    if (!foundedOn) fail('foundedOn', `“${cellText(cells.foundedOn)}”不是日期（如 2015-03-02）/ not a date`);
    else if (foundedOn > rules.today) {
      fail('foundedOn', `成立日期 ${foundedOn} 晚于今天（${rules.today}）/ the founding date is in the future`);
      foundedOn = null;
    }
  }

  let year = rules.defaultYear;
  if (cells.year !== undefined) {
    const y = Number(cellText(cells.year)?.replace(/年(度)?$/, ''));
    if (!Number.isInteger(y) || y < 1949) fail('year', `“${cellText(cells.year)}”不是年份 / not a year`);
    else if (y > rules.currentYear) fail('year', `不能导入未来年份（${y}）的数据 / no figures for a future year`);
    else year = y;
  }

  let headcount: number | null = null;
  if (cells.headcount !== undefined) {
    const raw = cells.headcount;
    const digits = typeof raw === 'number' ? String(raw) : String(raw).normalize('NFKC').replace(/[,，\s]/g, '').replace(/人$/, '');
    const t = Number(digits);
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(digits)) fail('headcount', `“${cellText(raw)}”不是人数 / not a number of persons`);
    else if (t < 0) fail('headcount', `从业人员不能为负数（${t}）/ headcount must not be negative`);
    else if (!Number.isInteger(t)) fail('headcount', `从业人员须为整数（${t}）/ headcount must be a whole number`);
    else if (t > 10_000_000) fail('headcount', `从业人员人数不合理（${t}）/ headcount is implausible`);
    else headcount = t;
  }

  const money = (field: 'revenue' | 'assets' | 'tax' | 'registeredCapital'): string | null => {
    const raw = cells[field];
    if (raw === undefined || raw === null) return null;
    const parsed = parseMoney(raw, shifts[field] ?? 0, field === 'tax');
    if (!parsed.ok) {
      fail(field, parsed.message);
      return null;
    }
    return parsed.value;
  };
  const revenue = money('revenue');
  const assets = money('assets');
  const tax = money('tax');
  const registeredCapital = money('registeredCapital');

  let taxpayerType: CheckedRow['taxpayerType'] = null;
  const taxpayerText = cellText(cells.taxpayerType);
  if (taxpayerText) {
    taxpayerType = taxpayerNames[taxpayerText.toLowerCase()] ?? null;
    if (!taxpayerType) fail('taxpayerType', `“${taxpayerText}”应为 一般纳税人 或 小规模纳税人 / general or small-scale taxpayer`);
  }
  let creditRating: CheckedRow['creditRating'] = null;
  const ratingText = cellText(cells.creditRating)?.toUpperCase().replace(/级$/, '');
  if (ratingText) {
    if (['A', 'B', 'M', 'C', 'D'].includes(ratingText)) creditRating = ratingText as CheckedRow['creditRating'];
    else fail('creditRating', `纳税信用等级应为 A、B、M、C、D 之一 / tax credit rating A, B, M, C or D`);
  }

  const legalRepresentative = text('legalRepresentative', MAX_TEXT.legalRepresentative);
  const registeredAddress = text('registeredAddress', MAX_TEXT.registeredAddress);
  const contactName = text('contactName', MAX_TEXT.contactName);
  const contactPhone = text('contactPhone');
  if (contactPhone && !/^[0-9+\- ]{5,20}$/.test(contactPhone)) fail('contactPhone', `“${contactPhone}”不是电话号码 / not a phone number`);
  const contactEmail = text('contactEmail');
  if (contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) fail('contactEmail', `“${contactEmail}”不是邮箱地址 / not an e-mail address`);

  const tags: EnterpriseTag[] = [];
  const tagText = cellText(cells.tags);
  if (tagText) {
    for (const part of tagText.normalize('NFKC').split(/[;；,，、|/\s]+/).filter(Boolean)) {
      const tag = tagNames[part] ?? tagNames[part.replace(/["“”]/g, '')];
      if (!tag) fail('tags', `不认识的标签“${part}”（可用：规上企业、专精特新、专精特新“小巨人”、高新技术企业、科技型中小企业、白名单、上市后备）/ unknown tag`);
      else if (!tags.includes(tag)) tags.push(tag);
    }
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    row: {
      row: rowNumber, uscc, name, formerNames, divisionCode, divisionFromCode, industryCode, foundedOn,
      legalRepresentative, registeredAddress, registeredCapital, taxpayerType, creditRating, contactName, contactPhone, contactEmail,
      year, headcount, revenue, assets, tax, tags,
    },
  };
}
