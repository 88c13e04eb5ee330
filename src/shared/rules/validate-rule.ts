// Publish-time validation of a rule: every fault at once, each with the JSON path of its position and a 'zh / en' message (unknown attribute, a date compared with a number, an empty any, duplicate ids …).
import {
  AGE_OPS,
  DATE_OPS,
  DIVISION_CODE,
  INDUSTRY_CLASS,
  INDUSTRY_PREFIX,
  NUMBER_OPS,
  RULE_ATTRIBUTES,
  RULE_CREDIT_RATINGS,
  RULE_FIGURES,
  RULE_SIZE_CLASSES,
  RULE_TAGS,
  RULE_TAXPAYER_TYPES,
  ruleNodeSchema,
  type Rule,
} from './rule-language.ts';
import { wanToFen } from './money.ts';
import { isIsoDate } from './dates.ts';

export interface RuleFault {
  /** Dot-separated path from the rule's root, e.g. 'items.2.test.compare.value'; '' for the root itself. */
  path: string;
  message: string;
}

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; errors: RuleFault[] };

export interface RuleValidationOptions {
  /** Reference checks the shared module cannot do itself (the server passes findDivision / findIndustry). */
  isKnownDivision?: (code: string) => boolean;
  isKnownIndustry?: (code: string) => boolean;
  /** Refuse rules deeper than this (default 12). */
  maxDepth?: number;
}

type Path = (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const looksLikeDate = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

class Collector {
  readonly errors: RuleFault[] = [];
  readonly ids = new Map<string, string>();
  constructor(readonly options: RuleValidationOptions) {}
  fault(path: Path, zh: string, en: string): void {
    this.errors.push({ path: path.join('.'), message: `${zh} / ${en}` });
  }
  /** Refuses keys the node kind does not have (a misspelt key would otherwise be ignored silently). */
  onlyKeys(value: Record<string, unknown>, allowed: string[], path: Path): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.fault([...path, key], `未知字段“${key}”`, `unknown field "${key}"`);
  }
}

/** Validates a rule as JSON; on success `rule` is the typed rule (the input, unchanged). */
export function validateRule(input: unknown, options: RuleValidationOptions = {}): RuleValidation {
  const c = new Collector(options);
  checkNode(input, [], c, 0);
  if (c.errors.length) return { ok: false, errors: c.errors };
  // The walker above mirrors the schema with clearer messages; the schema stays the type's source of truth.
  const parsed = ruleNodeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: `规则格式错误 / invalid rule: ${i.message}` })) };
  return { ok: true, rule: parsed.data };
}

function checkNode(node: unknown, path: Path, c: Collector, depth: number): void {
  if (depth > (c.options.maxDepth ?? 12)) return c.fault(path, '规则嵌套过深', 'rule nested too deeply');
  if (!isObject(node)) return c.fault(path, '须为对象', 'must be an object');
  switch (node.type) {
    case 'all':
    case 'any': {
      c.onlyKeys(node, ['type', 'items'], path);
      if (!Array.isArray(node.items)) return c.fault([...path, 'items'], '须为数组', 'must be an array');
      if (node.items.length === 0) {
        return node.type === 'any'
          ? c.fault([...path, 'items'], '“任一”不能为空（空的任一永远不成立）', 'an empty "any" is never true')
          : c.fault([...path, 'items'], '“全部”不能为空', 'an empty "all" is not allowed');
      }
      node.items.forEach((item, i) => checkNode(item, [...path, 'items', i], c, depth + 1));
      return;
    }
    case 'not':
      c.onlyKeys(node, ['type', 'item'], path);
      return checkNode(node.item, [...path, 'item'], c, depth + 1);
    case 'unless':
      c.onlyKeys(node, ['type', 'rule', 'exception'], path);
      checkNode(node.rule, [...path, 'rule'], c, depth + 1);
      checkNode(node.exception, [...path, 'exception'], c, depth + 1);
      return;
    case 'condition':
      return checkCondition(node, path, c);
    default:
      return c.fault([...path, 'type'], `未知节点类型“${String(node.type)}”（应为 all、any、not、unless、condition）`, `unknown node type "${String(node.type)}" (all, any, not, unless, condition)`);
  }
}

function checkCondition(node: Record<string, unknown>, path: Path, c: Collector): void {
  c.onlyKeys(node, ['type', 'id', 'label', 'clause', 'test'], path);
  if (typeof node.id !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(node.id)) {
    c.fault([...path, 'id'], '条件编号须为 1–64 位字母、数字、_ . -', 'condition id must be 1–64 letters, digits, _ . -');
  } else if (c.ids.has(node.id)) {
    c.fault([...path, 'id'], `条件编号“${node.id}”重复（首次出现于 ${c.ids.get(node.id) || '根'}）`, `duplicate condition id "${node.id}" (first at ${c.ids.get(node.id) || 'root'})`);
  } else {
    c.ids.set(node.id, path.join('.'));
  }
  if (!isObject(node.label) || typeof node.label.zh !== 'string' || node.label.zh.trim() === '') {
    c.fault([...path, 'label', 'zh'], '须有中文说明（含门槛）', 'a Chinese label (with the threshold) is required');
  } else {
    c.onlyKeys(node.label, ['zh', 'en'], [...path, 'label']);
    if (node.label.en !== undefined && (typeof node.label.en !== 'string' || node.label.en.trim() === '')) c.fault([...path, 'label', 'en'], '英文说明须为非空文本', 'the English label must be non-empty text');
  }
  if (typeof node.clause !== 'string' || node.clause.trim() === '') c.fault([...path, 'clause'], '须注明出自哪一条款', 'the clause it comes from is required');
  if (!isObject(node.test)) return c.fault([...path, 'test'], '须为对象', 'must be an object');
  checkTest(node.test, [...path, 'test'], c);
}

function checkEnumList(value: unknown, allowed: readonly string[], path: Path, c: Collector, what: { zh: string; en: string }): void {
  if (!Array.isArray(value) || value.length === 0) return c.fault(path, `须为非空的${what.zh}列表`, `must be a non-empty list of ${what.en}`);
  value.forEach((v, i) => {
    if (typeof v !== 'string' || !allowed.includes(v)) c.fault([...path, i], `未知${what.zh}“${String(v)}”（可选：${allowed.join('、')}）`, `unknown ${what.en} "${String(v)}" (one of ${allowed.join(', ')})`);
  });
}

function checkTest(test: Record<string, unknown>, path: Path, c: Collector): void {
  const attribute = test.attribute;
  if (typeof attribute !== 'string' || !(RULE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    return c.fault([...path, 'attribute'], `未知属性“${String(attribute)}”（可选：${RULE_ATTRIBUTES.join('、')}）`, `unknown attribute "${String(attribute)}" (one of ${RULE_ATTRIBUTES.join(', ')})`);
  }
  switch (attribute) {
    case 'division': {
      c.onlyKeys(test, ['attribute', 'within'], path);
      if (!Array.isArray(test.within) || test.within.length === 0) return c.fault([...path, 'within'], '须为非空的区划代码列表', 'must be a non-empty list of division codes');
      test.within.forEach((code, i) => {
        if (typeof code !== 'string' || !DIVISION_CODE.test(code)) c.fault([...path, 'within', i], `区划代码须为 2、4、6、9 或 12 位数字：${String(code)}`, `a division code has 2, 4, 6, 9 or 12 digits: ${String(code)}`);
        else if (c.options.isKnownDivision && !c.options.isKnownDivision(code)) c.fault([...path, 'within', i], `未知区划代码 ${code}`, `unknown division code ${code}`);
      });
      return;
    }
    case 'industry': {
      c.onlyKeys(test, ['attribute', 'in', 'under'], path);
      if (test.in === undefined && test.under === undefined) return c.fault(path, '须给出行业小类（in）或行业前缀（under）', 'give industry classes (in) or prefixes (under)');
      for (const key of ['in', 'under'] as const) {
        const list = test[key];
        if (list === undefined) continue;
        if (!Array.isArray(list) || list.length === 0) {
          c.fault([...path, key], '须为非空列表', 'must be a non-empty list');
          continue;
        }
        const pattern = key === 'in' ? INDUSTRY_CLASS : INDUSTRY_PREFIX;
        list.forEach((code, i) => {
          if (typeof code !== 'string' || !pattern.test(code)) {
            c.fault([...path, key, i], key === 'in' ? `行业小类须为 4 位数字：${String(code)}` : `行业前缀须为门类字母或 2、3 位数字：${String(code)}`, key === 'in' ? `an industry class has 4 digits: ${String(code)}` : `an industry prefix is a section letter or 2 or 3 digits: ${String(code)}`);
          } else if (c.options.isKnownIndustry && !c.options.isKnownIndustry(code)) {
            c.fault([...path, key, i], `未知行业代码 ${code}`, `unknown industry code ${code}`);
          }
        });
      }
      return;
    }
    case 'size':
      c.onlyKeys(test, ['attribute', 'in'], path);
      return checkEnumList(test.in, RULE_SIZE_CLASSES, [...path, 'in'], c, { zh: '规模', en: 'size classes' });
    case 'credit':
      c.onlyKeys(test, ['attribute', 'in'], path);
      return checkEnumList(test.in, RULE_CREDIT_RATINGS, [...path, 'in'], c, { zh: '信用等级', en: 'credit ratings' });
    case 'taxpayer':
      c.onlyKeys(test, ['attribute', 'in'], path);
      return checkEnumList(test.in, RULE_TAXPAYER_TYPES, [...path, 'in'], c, { zh: '纳税人类型', en: 'taxpayer types' });
    case 'tag':
      c.onlyKeys(test, ['attribute', 'held'], path);
      if (typeof test.held !== 'string' || !(RULE_TAGS as readonly string[]).includes(test.held)) c.fault([...path, 'held'], `未知标签“${String(test.held)}”（可选：${RULE_TAGS.join('、')}）`, `unknown tag "${String(test.held)}" (one of ${RULE_TAGS.join(', ')})`);
      return;
    case 'figure': {
      c.onlyKeys(test, ['attribute', 'figure', 'year', 'compare'], path);
      if (typeof test.figure !== 'string' || !(RULE_FIGURES as readonly string[]).includes(test.figure)) c.fault([...path, 'figure'], `未知年度指标“${String(test.figure)}”（可选：${RULE_FIGURES.join('、')}）`, `unknown yearly figure "${String(test.figure)}" (one of ${RULE_FIGURES.join(', ')})`);
      checkYear(test.year, [...path, 'year'], c);
      return checkComparison(test.compare, [...path, 'compare'], c, test.figure === 'headcount');
    }
    case 'capital':
      c.onlyKeys(test, ['attribute', 'compare'], path);
      return checkComparison(test.compare, [...path, 'compare'], c, false);
    case 'founded': {
      const op = test.op;
      if ((DATE_OPS as readonly unknown[]).includes(op)) {
        c.onlyKeys(test, ['attribute', 'op', 'date'], path);
        if (typeof test.date === 'number') return c.fault([...path, 'date'], '日期不能与数字比较：成立日期须与 YYYY-MM-DD 日期比较（按年限请用 ageAtLeast / ageBelow）', 'a date cannot be compared with a number: compare the founding date with a YYYY-MM-DD date (or use ageAtLeast / ageBelow for years)');
        if (typeof test.date !== 'string' || !isIsoDate(test.date)) c.fault([...path, 'date'], '须为有效的 YYYY-MM-DD 日期', 'must be a valid YYYY-MM-DD date');
        return;
      }
      if ((AGE_OPS as readonly unknown[]).includes(op)) {
        c.onlyKeys(test, ['attribute', 'op', 'years'], path);
        if (typeof test.years !== 'number' || !Number.isInteger(test.years) || test.years < 0 || test.years > 200) c.fault([...path, 'years'], '年限须为 0–200 的整数', 'years must be a whole number from 0 to 200');
        return;
      }
      if ((NUMBER_OPS as readonly unknown[]).includes(op) || op === 'between') {
        return c.fault([...path, 'op'], `日期不能与数字比较：成立日期可用 before、onOrAfter（日期）或 ageAtLeast、ageBelow（年限），不能用 ${String(op)}`, `a date cannot be compared with a number: the founding date takes before, onOrAfter (a date) or ageAtLeast, ageBelow (years), not ${String(op)}`);
      }
      return c.fault([...path, 'op'], `未知比较方式“${String(op)}”（可选：before、onOrAfter、ageAtLeast、ageBelow）`, `unknown comparison "${String(op)}" (before, onOrAfter, ageAtLeast, ageBelow)`);
    }
  }
}

function checkYear(year: unknown, path: Path, c: Collector): void {
  if (!isObject(year)) return c.fault(path, '须为 {relative: -1}（上年）或 {absolute: 2025}', 'must be {relative: -1} (previous year) or {absolute: 2025}');
  if ('relative' in year) {
    c.onlyKeys(year, ['relative'], path);
    if (typeof year.relative !== 'number' || !Number.isInteger(year.relative) || year.relative > 0 || year.relative < -50) c.fault([...path, 'relative'], '相对年份须为 -50 到 0 的整数（-1 为上年）', 'a relative year is a whole number from -50 to 0 (-1 = previous year)');
  } else if ('absolute' in year) {
    c.onlyKeys(year, ['absolute'], path);
    if (typeof year.absolute !== 'number' || !Number.isInteger(year.absolute) || year.absolute < 1900 || year.absolute > 2200) c.fault([...path, 'absolute'], '年份须为 1900–2200 的整数', 'a year is a whole number from 1900 to 2200');
  } else {
    c.fault(path, '须为 {relative: -1}（上年）或 {absolute: 2025}', 'must be {relative: -1} (previous year) or {absolute: 2025}');
  }
}

function checkDecimal(value: unknown, path: Path, c: Collector, wholeNumber: boolean): number | null {
  if (looksLikeDate(value)) {
    c.fault(path, '数字不能与日期比较：年度指标和金额须与数值比较', 'a number cannot be compared with a date: figures and amounts compare with numbers');
    return null;
  }
  if ((typeof value !== 'string' && typeof value !== 'number') || wanToFen(value) == null) {
    c.fault(path, '须为最多 6 位小数的十进制数（金额单位：万元）', 'must be a decimal with at most 6 places (money in 万元)');
    return null;
  }
  const fen = wanToFen(value)!;
  if (wholeNumber && fen % 1_000_000 !== 0) {
    c.fault(path, '从业人员须为整数', 'headcount must be a whole number');
    return null;
  }
  return fen;
}

function checkComparison(compare: unknown, path: Path, c: Collector, wholeNumber: boolean): void {
  if (!isObject(compare)) return c.fault(path, '须为 {op, value} 或 {op: "between", min, max}', 'must be {op, value} or {op: "between", min, max}');
  const op = compare.op;
  if (op === 'between') {
    c.onlyKeys(compare, ['op', 'min', 'max'], path);
    const min = checkDecimal(compare.min, [...path, 'min'], c, wholeNumber);
    const max = checkDecimal(compare.max, [...path, 'max'], c, wholeNumber);
    if (min != null && max != null && min > max) c.fault([...path, 'max'], '区间上限不能小于下限', 'the upper bound is below the lower bound');
    return;
  }
  if ((NUMBER_OPS as readonly unknown[]).includes(op)) {
    c.onlyKeys(compare, ['op', 'value'], path);
    checkDecimal(compare.value, [...path, 'value'], c, wholeNumber);
    return;
  }
  if ((DATE_OPS as readonly unknown[]).includes(op) || (AGE_OPS as readonly unknown[]).includes(op)) {
    return c.fault([...path, 'op'], `数字不能与日期比较：${String(op)} 只用于成立日期`, `a number cannot be compared with a date: ${String(op)} is for the founding date only`);
  }
  c.fault([...path, 'op'], `未知比较方式“${String(op)}”（可选：${[...NUMBER_OPS, 'between'].join('、')}）`, `unknown comparison "${String(op)}" (one of ${[...NUMBER_OPS, 'between'].join(', ')})`);
}
