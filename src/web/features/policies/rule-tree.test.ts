// Tests of the builder's pure tree edits: paths, adding, removing, wrapping and unwrapping nodes, fresh ids, labels that follow the test, faults by node, and the structural check of the text view.
import { describe, expect, it } from 'vitest';
import type { RuleNode } from '../../../shared/rules/rule-language.ts';
import { validateRule } from '../../../shared/rules/validate-rule.ts';
import {
  addSubtree,
  appendItem,
  canRemove,
  faultsOfNode,
  freshConditionId,
  isBuildable,
  newCondition,
  newRule,
  nodeAt,
  parseRuleText,
  removeAt,
  ruleFaults,
  ruleText,
  setGroupType,
  suggestLabel,
  unwrapAt,
  withTest,
  wrapAt,
} from './rule-tree.ts';

const revenue = newCondition(null, 'figure', '第三条');
const tag = { ...newCondition(null, 'tag', '第五条'), id: 'giant', test: { attribute: 'tag' as const, held: 'little_giant' as const } };

describe('tree edits', () => {
  it('add, find and remove items by path, never emptying a group', () => {
    const root: RuleNode = { type: 'all', items: [revenue] };
    const two = appendItem(root, [], tag);
    expect(nodeAt(two, ['items', 1])).toBe(tag);
    expect(canRemove(two, ['items', 0])).toBe(true);
    const one = removeAt(two, ['items', 0]);
    expect(one).toEqual({ type: 'all', items: [tag] });
    expect(canRemove(one, ['items', 0])).toBe(false);
    expect(removeAt(one, ['items', 0])).toBe(one);
    // the original is untouched
    expect(root).toEqual({ type: 'all', items: [revenue] });
  });

  it('wraps a node in not, unless and a group, and unwraps each again', () => {
    const root: RuleNode = { type: 'all', items: [revenue, tag] };
    const negated = wrapAt(root, ['items', 1], 'not');
    expect(nodeAt(negated, ['items', 1])).toEqual({ type: 'not', item: tag });
    expect(unwrapAt(negated, ['items', 1])).toEqual(root);
    const excepted = wrapAt(root, ['items', 0], 'unless', tag);
    expect(nodeAt(excepted, ['items', 0])).toEqual({ type: 'unless', rule: revenue, exception: tag });
    expect(unwrapAt(excepted, ['items', 0])).toEqual(root);
    const grouped = wrapAt(root, [], 'any');
    expect(grouped).toEqual({ type: 'any', items: [root] });
    expect(unwrapAt(grouped, [])).toEqual(root);
    expect(unwrapAt(root, [])).toBe(root);
    expect(setGroupType(root, [], 'any')).toEqual({ type: 'any', items: [revenue, tag] });
  });

  it('gives new conditions ids not used in the rule', () => {
    const root: RuleNode = { type: 'all', items: [revenue] };
    expect(freshConditionId(root, 'figure')).toBe('figure-2');
    expect(freshConditionId(appendItem(root, [], { ...revenue, id: 'figure-2' }), 'figure')).toBe('figure-3');
    expect(newCondition(root, 'size').id).toBe('size');
  });

  it('starts a new rule that passes validation, and new conditions of every attribute that either pass or name what is missing', () => {
    expect(validateRule(newRule('第三条')).ok).toBe(true);
    for (const attribute of ['size', 'tag', 'figure', 'capital', 'founded', 'credit', 'taxpayer'] as const) {
      expect(validateRule({ type: 'all', items: [newCondition(null, attribute, '第一条')] }).ok, attribute).toBe(true);
    }
    const division = validateRule({ type: 'all', items: [newCondition(null, 'division', '第一条')] });
    expect(division.ok).toBe(false);
    if (!division.ok) expect(division.errors.map((e) => e.path)).toContain('items.0.test.within');
  });
});

describe('addSubtree', () => {
  it('replaces codes on the same branch and keeps the others', () => {
    expect(addSubtree([], '33')).toEqual(['33']);
    expect(addSubtree(['33'], '3305')).toEqual(['3305']);
    expect(addSubtree(['3305', '330502'], '33')).toEqual(['33']);
    expect(addSubtree(['330502', '330503'], '330521')).toEqual(['330502', '330503', '330521']);
    expect(addSubtree(['C', '18'], '181')).toEqual(['C', '181']);
  });
});

describe('labels', () => {
  it('suggest the threshold in Chinese and English', () => {
    expect(suggestLabel({ attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '2000' } }, 'zh')).toBe('上年营业收入 ≥ 2000 万元');
    expect(suggestLabel({ attribute: 'figure', figure: 'headcount', year: { absolute: 2025 }, compare: { op: 'between', min: '10', max: '99' } }, 'zh')).toBe('2025 年从业人员 在 10–99 人之间');
    expect(suggestLabel({ attribute: 'founded', op: 'ageAtLeast', years: 2 }, 'zh')).toBe('成立满 2 年');
    expect(suggestLabel({ attribute: 'credit', in: ['A', 'B'] }, 'en')).toBe('tax credit rating A, B');
    expect(suggestLabel({ attribute: 'division', within: [] }, 'zh')).toBe('所在区划（待选择）');
    expect(suggestLabel({ attribute: 'division', within: ['3305'] }, 'zh')).toBe('注册在区划 3305 内');
  });

  it('follow the test while they are the suggestion, and stay once the officer wrote their own', () => {
    const changed = withTest(revenue, { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '3000' } });
    expect(changed.label.zh).toBe('上年营业收入 ≥ 3000 万元');
    const own = { ...revenue, label: { zh: '上一年度营收不低于两千万元' } };
    expect(withTest(own, changed.test).label.zh).toBe('上一年度营收不低于两千万元');
  });
});

describe('faults', () => {
  it('come from the body paths of the server and land on the innermost node', () => {
    const faults = ruleFaults([
      { path: 'rule.items.1.test.compare.value', message: 'bad value' },
      { path: 'rule.items', message: 'empty' },
      { path: 'title', message: 'required' },
    ]);
    expect(faults).toEqual([
      { path: 'items.1.test.compare.value', message: 'bad value' },
      { path: 'items', message: 'empty' },
    ]);
    const childPaths = [['items', 0], ['items', 1]];
    expect(faultsOfNode(faults, [], childPaths).map((f) => f.message)).toEqual(['empty']);
    expect(faultsOfNode(faults, ['items', 1]).map((f) => f.message)).toEqual(['bad value']);
    expect(faultsOfNode(faults, ['items', 11])).toEqual([]);
  });
});

describe('text view', () => {
  it('round-trips the rule through its text', () => {
    const rule: RuleNode = { type: 'unless', rule: { type: 'all', items: [revenue] }, exception: tag };
    const parsed = parseRuleText(ruleText(rule));
    expect(parsed).toEqual({ ok: true, value: rule });
    expect(parseRuleText('{"type": "all",').ok).toBe(false);
  });

  it('lets the builder show incomplete but well-formed rules, not unknown node kinds or attributes', () => {
    expect(isBuildable({ type: 'any', items: [] })).toBe(true);
    expect(isBuildable({ type: 'all', items: [{ ...revenue, test: { attribute: 'profit' } }] })).toBe(false);
    expect(isBuildable({ type: 'xor', items: [] })).toBe(false);
    expect(isBuildable({ type: 'not', item: tag })).toBe(true);
    expect(isBuildable([revenue])).toBe(false);
  });
});
