// The stage-duration grid: the default rules and every category × urgency, showing a category's own rule or the default it falls back to.
import type { z } from 'zod';
import type { CategoryView, clockRuleView } from '../../../shared/schemas/index.ts';

type ClockRule = z.infer<typeof clockRuleView>;
export type Urgency = 'normal' | 'urgent';
export const urgencyOrder: readonly Urgency[] = ['normal', 'urgent'];
export const dayFields = ['acceptDays', 'signDays', 'replyDays', 'followUpDays'] as const;
export type DayField = (typeof dayFields)[number];
export type Durations = Record<DayField, number>;

export interface ClockRuleRow {
  key: string;
  categoryId: string | null;
  /** 0 for the default rules and top-level categories, 1 for their children … */
  depth: number;
  urgency: Urgency;
  /** The category's own rule, or null when it runs by the default of its urgency. */
  own: ClockRule | null;
  /** What an appeal of this category and urgency gets (the server: own rule, else the default). */
  durations: Durations | null;
  /** First of the two urgency rows of a category (tables merge the category cell over both). */
  first: boolean;
}

const durationsOf = (rule: ClockRule): Durations => ({ acceptDays: rule.acceptDays, signDays: rule.signDays, replyDays: rule.replyDays, followUpDays: rule.followUpDays });

/** Categories depth-first by sort order; inactive ones only when they still have rules of their own. */
export function orderedCategories(categories: readonly CategoryView[], keep: (category: CategoryView) => boolean = (c) => c.active): Array<{ category: CategoryView; depth: number }> {
  const ids = new Set(categories.map((c) => c.id));
  const byParent = new Map<string | null, CategoryView[]>();
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), category]);
  }
  const out: Array<{ category: CategoryView; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const children = (byParent.get(parent) ?? []).slice().sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    for (const category of children) {
      if (seen.has(category.id)) continue;
      seen.add(category.id);
      if (keep(category)) out.push({ category, depth });
      walk(category.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function clockRuleRows(categories: readonly CategoryView[], rules: readonly ClockRule[]): ClockRuleRow[] {
  const find = (categoryId: string | null, urgency: Urgency) => rules.find((r) => r.categoryId === categoryId && r.urgency === urgency) ?? null;
  const rowsFor = (categoryId: string | null, depth: number): ClockRuleRow[] =>
    urgencyOrder.map((urgency, index) => {
      const own = find(categoryId, urgency);
      const effective = own ?? find(null, urgency);
      return { key: `${categoryId ?? 'default'}:${urgency}`, categoryId, depth, urgency, own, durations: effective ? durationsOf(effective) : null, first: index === 0 };
    });
  const withRules = new Set(rules.map((r) => r.categoryId));
  return [
    ...rowsFor(null, 0),
    ...orderedCategories(categories, (c) => c.active || withRules.has(c.id)).flatMap(({ category, depth }) => rowsFor(category.id, depth)),
  ];
}

/** `2`, `0.5`, `10.5`: working days as typed, never `2.0`. */
export const formatDays = (days: number) => String(Math.round(days * 2) / 2);

/** A category's name in the UI language (the server gives zh-CN in `name` and the others in `names`). */
export const categoryName = (category: CategoryView, locale: string) => category.names[locale] ?? category.name;
