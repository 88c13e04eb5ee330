// Tests of the stage-duration grid: default rows first, categories depth-first, own rules versus the default fallback, inactive categories, day formatting.
import { describe, expect, it } from 'vitest';
import type { CategoryView } from '../../../shared/schemas/index.ts';
import { categoryName, clockRuleRows, formatDays, orderedCategories } from './clock-rules.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const category = (n: number, over: Partial<CategoryView> = {}): CategoryView => ({ id: uuid(n), parentId: null, code: `c${n}`, name: `类别${n}`, names: { en: `Category ${n}` }, sortOrder: n, active: true, ...over });
const rule = (categoryId: string | null, urgency: 'normal' | 'urgent', days: number) => ({ id: `${categoryId}:${urgency}`, categoryId, urgency, acceptDays: days, signDays: days / 2, replyDays: days * 5, followUpDays: days + 1 });

describe('orderedCategories', () => {
  it('walks the tree depth-first by sort order', () => {
    const cats = [category(2), category(1), category(3, { parentId: uuid(1), sortOrder: 0 }), category(4, { parentId: uuid(1), sortOrder: -1 })];
    expect(orderedCategories(cats).map(({ category: c, depth }) => [c.code, depth])).toEqual([['c1', 0], ['c4', 1], ['c3', 1], ['c2', 0]]);
  });
  it('leaves out inactive categories but still walks their children, and survives a parent cycle', () => {
    const cats = [category(1, { active: false }), category(2, { parentId: uuid(1) }), category(5, { parentId: uuid(6) }), category(6, { parentId: uuid(5) })];
    expect(orderedCategories(cats).map(({ category: c }) => c.code)).toEqual(['c2']);
  });
});

describe('clockRuleRows', () => {
  const cats = [category(1), category(2), category(3, { active: false })];
  const rules = [rule(null, 'normal', 2), rule(null, 'urgent', 1), rule(uuid(2), 'urgent', 0.5), rule(uuid(3), 'normal', 4)];
  const rows = clockRuleRows(cats, rules);

  it('lists the default pair first, then each category with normal and urgent', () => {
    expect(rows.map((r) => r.key)).toEqual([
      'default:normal', 'default:urgent',
      `${uuid(1)}:normal`, `${uuid(1)}:urgent`,
      `${uuid(2)}:normal`, `${uuid(2)}:urgent`,
      `${uuid(3)}:normal`, `${uuid(3)}:urgent`,
    ]);
    expect(rows.map((r) => r.first)).toEqual([true, false, true, false, true, false, true, false]);
  });

  it('shows a category its own rule, else the default of the same urgency', () => {
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get(`${uuid(1)}:normal`)).toMatchObject({ own: null, durations: { acceptDays: 2, signDays: 1, replyDays: 10, followUpDays: 3 } });
    expect(byKey.get(`${uuid(2)}:urgent`)).toMatchObject({ own: { id: `${uuid(2)}:urgent` }, durations: { acceptDays: 0.5, signDays: 0.25, replyDays: 2.5, followUpDays: 1.5 } });
    expect(byKey.get(`${uuid(2)}:normal`)!.durations).toEqual({ acceptDays: 2, signDays: 1, replyDays: 10, followUpDays: 3 });
  });

  it('keeps an inactive category that still has a rule of its own', () => {
    expect(rows.some((r) => r.categoryId === uuid(3) && r.own !== null)).toBe(true);
    expect(clockRuleRows([category(9, { active: false })], rules).map((r) => r.categoryId)).toEqual([null, null]);
  });

  it('has no durations when even the default is missing', () => {
    expect(clockRuleRows([], [])[0]!.durations).toBeNull();
  });
});

describe('formatDays and categoryName', () => {
  it('writes halves without trailing zeros', () => {
    expect([0.5, 1, 2.5, 10].map(formatDays)).toEqual(['0.5', '1', '2.5', '10']);
  });
  it('names a category in the UI language, zh-CN by default', () => {
    expect(categoryName(category(1), 'en')).toBe('Category 1');
    expect(categoryName(category(1), 'zh-TW')).toBe('类别1');
  });
});
