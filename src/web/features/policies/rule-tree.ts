// Pure edits of a rule tree for the visual builder: nodes addressed by their JSON path, new conditions per attribute with unique ids, suggested labels, faults by position.
import type { Comparison, ConditionTest, RuleAttribute, RuleCondition, RuleNode } from '../../../shared/rules/rule-language.ts';
import { RULE_ATTRIBUTES, conditionsOf } from '../../../shared/rules/rule-language.ts';

/** The position of a node: keys from the root, e.g. ['items', 1, 'exception'] (joined with dots as in the server's faults). */
export type NodePath = readonly (string | number)[];

export const pathText = (path: NodePath): string => path.join('.');

export function nodeAt(root: RuleNode, path: NodePath): RuleNode | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node as RuleNode | undefined;
}

/** A copy of `root` with the node at `path` replaced by `next`. */
export function replaceAt(root: RuleNode, path: NodePath, next: RuleNode): RuleNode {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as Record<string | number, unknown>;
  copy[key] = replaceAt(copy[key] as RuleNode, rest, next);
  return copy as unknown as RuleNode;
}

/** Removes an item of an `all` / `any` (the parent keeps at least one item: the last one is not removed). */
export function removeAt(root: RuleNode, path: NodePath): RuleNode {
  const index = path[path.length - 1];
  const parentPath = path.slice(0, -2);
  const parent = nodeAt(root, parentPath);
  if (typeof index !== 'number' || path[path.length - 2] !== 'items' || !parent || (parent.type !== 'all' && parent.type !== 'any')) return root;
  if (parent.items.length <= 1) return root;
  return replaceAt(root, parentPath, { ...parent, items: parent.items.filter((_, i) => i !== index) });
}

export function canRemove(root: RuleNode, path: NodePath): boolean {
  return removeAt(root, path) !== root;
}

export function appendItem(root: RuleNode, groupPath: NodePath, item: RuleNode): RuleNode {
  const group = nodeAt(root, groupPath);
  if (!group || (group.type !== 'all' && group.type !== 'any')) return root;
  return replaceAt(root, groupPath, { ...group, items: [...group.items, item] });
}

/** 全部 ↔ 任一 for a group. */
export function setGroupType(root: RuleNode, path: NodePath, type: 'all' | 'any'): RuleNode {
  const group = nodeAt(root, path);
  if (!group || (group.type !== 'all' && group.type !== 'any')) return root;
  return replaceAt(root, path, { type, items: group.items });
}

/** Puts the node inside a new `not`, `unless` (with a new exception condition), or a group of one. */
export function wrapAt(root: RuleNode, path: NodePath, kind: 'not' | 'unless' | 'all' | 'any', exception?: RuleNode): RuleNode {
  const node = nodeAt(root, path);
  if (!node) return root;
  if (kind === 'not') return replaceAt(root, path, { type: 'not', item: node });
  if (kind === 'unless') return replaceAt(root, path, { type: 'unless', rule: node, exception: exception ?? newCondition(root, 'tag') });
  return replaceAt(root, path, { type: kind, items: [node] });
}

/** The opposite of wrapping: `not` → its item, `unless` → its rule (the exception is dropped), a group of one → that item. */
export function unwrapAt(root: RuleNode, path: NodePath): RuleNode {
  const node = nodeAt(root, path);
  if (!node) return root;
  if (node.type === 'not') return replaceAt(root, path, node.item);
  if (node.type === 'unless') return replaceAt(root, path, node.rule);
  if ((node.type === 'all' || node.type === 'any') && node.items.length === 1) return replaceAt(root, path, node.items[0]);
  return root;
}

export function canUnwrap(root: RuleNode, path: NodePath): boolean {
  return unwrapAt(root, path) !== root;
}

/** A sensible first test for each attribute; the ones that need a choice (division, industry) start empty and show their fault until chosen. */
export function defaultTest(attribute: RuleAttribute): ConditionTest {
  switch (attribute) {
    case 'division':
      return { attribute, within: [] };
    case 'industry':
      return { attribute, under: [] };
    case 'size':
      return { attribute, in: ['medium', 'small', 'micro'] };
    case 'tag':
      return { attribute, held: 'specialised' };
    case 'figure':
      return { attribute, figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '2000' } };
    case 'capital':
      return { attribute, compare: { op: 'gte', value: '100' } };
    case 'founded':
      return { attribute, op: 'ageAtLeast', years: 2 };
    case 'credit':
      return { attribute, in: ['A', 'B'] };
    case 'taxpayer':
      return { attribute, in: ['general'] };
  }
}

/** An id not yet used in the rule: the attribute's name, then name-2, name-3 … */
export function freshConditionId(root: RuleNode | null, base: string): string {
  const used = new Set(root ? conditionsOf(root).map((c) => c.id) : []);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function newCondition(root: RuleNode | null, attribute: RuleAttribute, clause = ''): RuleCondition {
  const test = defaultTest(attribute);
  return { type: 'condition', id: freshConditionId(root, attribute), label: { zh: suggestLabel(test, 'zh'), en: suggestLabel(test, 'en') }, clause, test };
}

/** A new rule: all of one condition. */
export function newRule(clause = ''): RuleNode {
  return { type: 'all', items: [newCondition(null, 'figure', clause)] };
}

const OP_SIGNS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', ne: '≠' };
const FIGURE_NAMES = {
  revenue: { zh: '营业收入', en: 'revenue', unit: { zh: '万元', en: '10k yuan' } },
  assets: { zh: '资产总额', en: 'total assets', unit: { zh: '万元', en: '10k yuan' } },
  tax: { zh: '纳税额', en: 'tax paid', unit: { zh: '万元', en: '10k yuan' } },
  headcount: { zh: '从业人员', en: 'headcount', unit: { zh: '人', en: 'persons' } },
} as const;
const SIZE_NAMES = { large: ['大型', 'large'], medium: ['中型', 'medium'], small: ['小型', 'small'], micro: ['微型', 'micro'] } as const;
const TAG_NAMES = {
  above_scale: ['规上企业', 'above designated size'],
  specialised: ['专精特新中小企业', 'specialised SME'],
  little_giant: ['专精特新“小巨人”', '"little giant"'],
  high_tech: ['高新技术企业', 'high-tech enterprise'],
  tech_sme: ['科技型中小企业', 'tech SME'],
  whitelist: ['白名单企业', 'whitelisted'],
  ipo_reserve: ['上市后备企业', 'IPO reserve'],
} as const;
const TAXPAYER_NAMES = { general: ['一般纳税人', 'general taxpayer'], small_scale: ['小规模纳税人', 'small-scale taxpayer'] } as const;

function yearText(year: { relative: number } | { absolute: number }, lang: 'zh' | 'en'): string {
  if ('absolute' in year) return lang === 'zh' ? `${year.absolute} 年` : `${year.absolute}`;
  if (year.relative === 0) return lang === 'zh' ? '本年' : 'this year';
  if (year.relative === -1) return lang === 'zh' ? '上年' : 'the previous year';
  return lang === 'zh' ? `${-year.relative} 年前` : `${-year.relative} years before`;
}

function compareText(compare: Comparison, unit: string, lang: 'zh' | 'en'): string {
  if (compare.op === 'between') return lang === 'zh' ? `在 ${compare.min}–${compare.max} ${unit}之间` : `between ${compare.min} and ${compare.max} ${unit}`;
  return `${OP_SIGNS[compare.op]} ${compare.value} ${unit}`.trimEnd();
}

/** The label a condition would have from its test alone ("上年营业收入 ≥ 2000 万元"): offered while the officer has not written their own. */
export function suggestLabel(test: ConditionTest, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const list = (items: readonly string[]) => items.join(zh ? '、' : ', ');
  switch (test.attribute) {
    case 'division':
      if (!test.within?.length) return zh ? '所在区划（待选择）' : 'division (to be chosen)';
      return zh ? `注册在区划 ${list(test.within)} 内` : `registered within ${list(test.within)}`;
    case 'industry': {
      const codes = [...(test.under ?? []), ...(test.in ?? [])];
      if (!codes.length) return zh ? '所属行业（待选择）' : 'industry (to be chosen)';
      return zh ? `所属行业：${list(codes)}` : `industry ${list(codes)}`;
    }
    case 'size':
      return zh ? `${test.in.map((s) => SIZE_NAMES[s][0]).join('、')}企业` : `${list(test.in.map((s) => SIZE_NAMES[s][1]))} enterprise`;
    case 'tag':
      return zh ? `${TAG_NAMES[test.held][0]}（有效期内）` : `${TAG_NAMES[test.held][1]} (valid)`;
    case 'figure': {
      const figure = FIGURE_NAMES[test.figure];
      const unit = figure.unit[lang];
      return zh ? `${yearText(test.year, 'zh')}${figure.zh} ${compareText(test.compare, unit, 'zh')}` : `${figure.en} of ${yearText(test.year, 'en')} ${compareText(test.compare, unit, 'en')}`;
    }
    case 'capital':
      return zh ? `注册资本 ${compareText(test.compare, '万元', 'zh')}` : `registered capital ${compareText(test.compare, '10k yuan', 'en')}`;
    case 'founded':
      if ('years' in test) return test.op === 'ageAtLeast' ? (zh ? `成立满 ${test.years} 年` : `founded at least ${test.years} years ago`) : zh ? `成立不满 ${test.years} 年` : `founded less than ${test.years} years ago`;
      if (test.op === 'before') return zh ? `${test.date} 前成立` : `founded before ${test.date}`;
      return zh ? `${test.date} 及以后成立` : `founded on or after ${test.date}`;
    case 'credit':
      return zh ? `纳税信用 ${test.in.join('、')} 级` : `tax credit rating ${list(test.in)}`;
    case 'taxpayer':
      return zh ? test.in.map((v) => TAXPAYER_NAMES[v][0]).join('或') : list(test.in.map((v) => TAXPAYER_NAMES[v][1]));
  }
}

/**
 * The condition after its test changed: a label that still is the suggestion of the old test follows the new test;
 * a label the officer wrote stays.
 */
export function withTest(condition: RuleCondition, test: ConditionTest): RuleCondition {
  const followZh = !condition.label.zh || condition.label.zh === suggestLabel(condition.test, 'zh');
  const followEn = !condition.label.en || condition.label.en === suggestLabel(condition.test, 'en');
  return {
    ...condition,
    test,
    label: { zh: followZh ? suggestLabel(test, 'zh') : condition.label.zh, en: followEn ? suggestLabel(test, 'en') : condition.label.en },
  };
}

export interface Fault {
  path: string;
  message: string;
}

/** The server names rule faults from the body ('rule.items.1.test'); the builder from the rule's root ('items.1.test'). */
export function ruleFaults(details: readonly Fault[]): Fault[] {
  return details.filter((d) => d.path === 'rule' || d.path.startsWith('rule.')).map((d) => ({ path: d.path === 'rule' ? '' : d.path.slice('rule.'.length), message: d.message }));
}

/**
 * The faults a node shows itself: at its own path or inside it, but not inside a child node (a child shows its own).
 * `childPaths` are the paths of the node's child nodes.
 */
export function faultsOfNode(faults: readonly Fault[], path: NodePath, childPaths: readonly NodePath[] = []): Fault[] {
  const own = pathText(path);
  const children = childPaths.map(pathText);
  const inside = (p: string, prefix: string) => prefix === '' || p === prefix || p.startsWith(`${prefix}.`);
  return faults.filter((f) => inside(f.path, own) && !children.some((c) => inside(f.path, c)));
}

/** The child nodes of a node with their paths. */
export function childrenOf(node: RuleNode, path: NodePath): { node: RuleNode; path: NodePath }[] {
  switch (node.type) {
    case 'all':
    case 'any':
      return node.items.map((item, i) => ({ node: item, path: [...path, 'items', i] }));
    case 'not':
      return [{ node: node.item, path: [...path, 'item'] }];
    case 'unless':
      return [
        { node: node.rule, path: [...path, 'rule'] },
        { node: node.exception, path: [...path, 'exception'] },
      ];
    default:
      return [];
  }
}

/** The rule as the JSON text view shows it. */
export const ruleText = (rule: unknown): string => JSON.stringify(rule, null, 2);

export type ParsedText = { ok: true; value: unknown } | { ok: false; message: string };

export function parseRuleText(text: string): ParsedText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether the builder can show the value: known node kinds with their children, conditions with a known attribute.
 * Looser than the schema on purpose — an empty list or a bad number is shown in the builder with its fault.
 */
export function isBuildable(value: unknown, depth = 0): value is RuleNode {
  if (!isObject(value) || depth > 20) return false;
  switch (value.type) {
    case 'condition':
      return typeof value.id === 'string' && isObject(value.label) && typeof value.clause === 'string' && isObject(value.test) && (RULE_ATTRIBUTES as readonly unknown[]).includes(value.test.attribute);
    case 'all':
    case 'any':
      return Array.isArray(value.items) && value.items.every((item) => isBuildable(item, depth + 1));
    case 'not':
      return isBuildable(value.item, depth + 1);
    case 'unless':
      return isBuildable(value.rule, depth + 1) && isBuildable(value.exception, depth + 1);
    default:
      return false;
  }
}

/**
 * A code added to a list of subtrees (division codes, industry prefixes): codes on the same branch are replaced, so
 * picking 浙江省 then 湖州市 in a cascader (each step reports a choice) leaves 湖州市 alone, and a broader pick replaces narrower ones.
 */
export function addSubtree(codes: readonly string[], code: string): string[] {
  return [...codes.filter((c) => !code.startsWith(c) && !c.startsWith(code)), code];
}
