// The dispatch catalogue as shown: rows with category, division and department names, and the tree of divisions to choose from.
import type { z } from 'zod';
import type { CategoryView, OrgUnitView, routingRuleView } from '../../../shared/schemas/index.ts';
import type { OrgTreeNode } from '../org/org-tree.ts';
import { categoryName, orderedCategories } from './clock-rules.ts';

type RoutingRule = z.infer<typeof routingRuleView>;

export interface RoutingRow {
  id: string;
  categoryId: string;
  categoryName: string;
  divisionCode: string;
  /** The region's name, null for '' (the whole city) or a code no unit carries. */
  divisionName: string | null;
  departmentId: string;
  departmentName: string | null;
}

/** Rows by category order, then the wider division before the narrower (codes sort that way: 330500 < 330502 < 330502001). */
export function routingRows(rules: readonly RoutingRule[], categories: readonly CategoryView[], units: readonly OrgUnitView[], locale: string): RoutingRow[] {
  const order = new Map(orderedCategories(categories, () => true).map(({ category }, index) => [category.id, index]));
  const byId = new Map(categories.map((c) => [c.id, c]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const regionByCode = new Map(units.filter((u) => u.kind !== 'department' && u.divisionCode).map((u) => [u.divisionCode!, u]));
  return rules
    .map((rule) => {
      const category = byId.get(rule.categoryId);
      return {
        id: rule.id,
        categoryId: rule.categoryId,
        categoryName: category ? categoryName(category, locale) : rule.categoryId,
        divisionCode: rule.divisionCode,
        divisionName: rule.divisionCode ? (regionByCode.get(rule.divisionCode)?.name ?? null) : null,
        departmentId: rule.departmentId,
        departmentName: unitById.get(rule.departmentId)?.name ?? null,
      };
    })
    .sort((a, b) => (order.get(a.categoryId) ?? Infinity) - (order.get(b.categoryId) ?? Infinity) || a.divisionCode.localeCompare(b.divisionCode));
}

export interface DivisionNode {
  value: string;
  title: string;
  children?: DivisionNode[];
}

/** The regions (city, districts, townships, villages) that carry a division code, as a tree select of codes. */
export function divisionTree(nodes: readonly OrgTreeNode[]): DivisionNode[] {
  return nodes.flatMap((node): DivisionNode[] => {
    if (node.unit.kind === 'department' || !node.unit.active) return [];
    const children = divisionTree(node.children);
    if (!node.unit.divisionCode) return children;
    return [{ value: node.unit.divisionCode, title: `${node.unit.name} ${node.unit.divisionCode}`, children: children.length > 0 ? children : undefined }];
  });
}
