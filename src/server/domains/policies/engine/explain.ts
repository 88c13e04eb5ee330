// Explanation texts from per-condition results (row or columnar — the same shape): "符合 5/6 项；未满足：上年营业收入 ≥ 2000 万元（贵企业 2025 年为 1500 万元）", in zh, zh-TW and en.
import { ATTRIBUTE_NAMES } from '../../../../shared/rules/rule-language.ts';
import { UNKNOWN, type CompiledRule } from './compile.ts';
import type { ActualValue, RowEvaluation } from './row-evaluator.ts';
import { zhTW } from './zh-tw.ts';

const FIGURE_NAMES: Record<string, { zh: string; en: string }> = {
  headcount: { zh: '从业人员', en: 'headcount' },
  revenue: { zh: '营业收入', en: 'revenue' },
  assets: { zh: '资产总额', en: 'total assets' },
  tax: { zh: '纳税额', en: 'tax paid' },
};
const TAG_NAMES: Record<string, { zh: string; en: string }> = {
  above_scale: { zh: '规上企业', en: 'above-scale enterprise' },
  specialised: { zh: '专精特新', en: 'specialised SME' },
  little_giant: { zh: '专精特新“小巨人”', en: '"little giant"' },
  high_tech: { zh: '高新技术企业', en: 'high-tech enterprise' },
  tech_sme: { zh: '科技型中小企业', en: 'tech SME' },
  whitelist: { zh: '白名单', en: 'financing whitelist' },
  ipo_reserve: { zh: '上市后备', en: 'IPO reserve' },
};

const SIZE_NAMES: Record<string, { zh: string; en: string }> = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
  micro: { zh: '微型', en: 'micro' },
};
const TAXPAYER_NAMES: Record<string, { zh: string; en: string }> = {
  general: { zh: '一般纳税人', en: 'general taxpayer' },
  small_scale: { zh: '小规模纳税人', en: 'small-scale taxpayer' },
};

/** What the enterprise has, as the explanation states it: "贵企业 2025 年为 1500 万元" / "2025: 15 million yuan". */
export function describeActual(actual: ActualValue): { zh: string; en: string } {
  switch (actual.attribute) {
    case 'figure': {
      const name = FIGURE_NAMES[actual.figure];
      if (actual.value == null) return { zh: `缺少贵企业 ${actual.year} 年${name.zh}`, en: `${name.en} of ${actual.year} missing` };
      const unit = actual.figure === 'headcount' ? { zh: '人', en: 'people' } : { zh: '万元', en: '× 10,000 yuan' };
      return { zh: `贵企业 ${actual.year} 年为 ${actual.value} ${unit.zh}`, en: `${actual.year}: ${actual.value} ${unit.en}` };
    }
    case 'tag': {
      const name = TAG_NAMES[actual.tag] ?? { zh: actual.tag, en: actual.tag };
      return actual.held ? { zh: `贵企业持有“${name.zh}”`, en: `holds "${name.en}"` } : { zh: `贵企业未持有“${name.zh}”`, en: `does not hold "${name.en}"` };
    }
    case 'capital':
      return actual.value == null ? { zh: '缺少注册资本', en: 'registered capital missing' } : { zh: `贵企业注册资本为 ${actual.value} 万元`, en: `registered capital ${actual.value} × 10,000 yuan` };
    case 'size':
    case 'taxpayer': {
      const name = ATTRIBUTE_NAMES[actual.attribute];
      if (actual.value == null) return { zh: `缺少${name.zh}`, en: `${name.en} missing` };
      const value = (actual.attribute === 'size' ? SIZE_NAMES : TAXPAYER_NAMES)[String(actual.value)] ?? { zh: String(actual.value), en: String(actual.value) };
      return { zh: `贵企业${name.zh}为${value.zh}`, en: `${name.en}: ${value.en}` };
    }
    default: {
      const name = ATTRIBUTE_NAMES[actual.attribute];
      return actual.value == null ? { zh: `缺少${name.zh}`, en: `${name.en} missing` } : { zh: `贵企业${name.zh}为 ${actual.value}`, en: `${name.en}: ${actual.value}` };
    }
  }
}

export interface Explanation {
  met: number;
  total: number;
  /** Conditions against eligibility: label and the enterprise's value. */
  unmet: { id: string; label: string; actual: string }[];
  /** Conditions that could not be decided (data missing). */
  pending: { id: string; label: string; actual: string }[];
  zh: string;
  en: string;
}

/** "符合 5/6 项；未满足：…；待补充：…" from the per-condition results, never re-evaluating a condition. */
export function explain(compiled: CompiledRule, evaluation: RowEvaluation, describe: (actual: ActualValue, key: string) => { zh: string; en: string } = describeActual): Explanation {
  const unmet: Explanation['unmet'] = [];
  const pending: Explanation['pending'] = [];
  const unmetEn: string[] = [];
  const pendingEn: string[] = [];
  let met = 0;
  for (const outcome of evaluation.conditions) {
    const c = compiled.conditions[outcome.index];
    const actual = describe(outcome.actual, c.key);
    if (outcome.met) met++;
    else if (outcome.result === UNKNOWN) {
      pending.push({ id: c.id, label: c.label.zh, actual: actual.zh });
      pendingEn.push(`${c.label.en ?? c.label.zh} (${actual.en})`);
    } else {
      // A condition under not / an exception fails by holding: say so.
      const label = c.wanted ? c.label.zh : `${c.exception ? '属于例外情形' : '不应满足'}：${c.label.zh}`;
      unmet.push({ id: c.id, label, actual: actual.zh });
      unmetEn.push(`${c.wanted ? '' : c.exception ? 'exception applies: ' : 'must not hold: '}${c.label.en ?? c.label.zh} (${actual.en})`);
    }
  }
  const total = evaluation.conditions.length;
  const zhParts = [`符合 ${met}/${total} 项`];
  if (unmet.length) zhParts.push(`未满足：${unmet.map((u) => `${u.label}，${u.actual}`).join('；')}`);
  if (pending.length) zhParts.push(`待补充数据：${pending.map((u) => `${u.label}，${u.actual}`).join('；')}`);
  const enParts = [`meets ${met} of ${total}`];
  if (unmetEn.length) enParts.push(`not met: ${unmetEn.join('; ')}`);
  if (pendingEn.length) enParts.push(`data pending: ${pendingEn.join('; ')}`);
  return { met, total, unmet, pending, zh: zhParts.join('；'), en: enParts.join('; ') };
}

/** The zh-TW text of an explanation, converted only for those shown: one enterprise → all policies builds hundreds. */
export const explanationZhTW = (explanation: Pick<Explanation, 'zh'>): string => zhTW(explanation.zh);
