// Builds the organisation tree from the flat unit list (by parentId) and answers questions about it.
import type { OrgUnitView } from '../../../shared/schemas/index.ts';

export interface OrgTreeNode {
  unit: OrgUnitView;
  depth: number;
  children: OrgTreeNode[];
}

const byOrder = (a: OrgUnitView, b: OrgUnitView) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);

/**
 * Roots are units without a parent or whose parent is not in the list. Units caught in a cycle
 * (which the server forbids, but a broken list must not hang the page) are attached as roots too.
 */
export function buildOrgTree(units: readonly OrgUnitView[]): OrgTreeNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string, OrgUnitView[]>();
  for (const unit of units) {
    if (unit.parentId && ids.has(unit.parentId) && unit.parentId !== unit.id) {
      childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit]);
    }
  }
  const placed = new Set<string>();
  const grow = (unit: OrgUnitView, depth: number): OrgTreeNode => {
    placed.add(unit.id);
    const children = (childrenOf.get(unit.id) ?? []).filter((child) => !placed.has(child.id)).sort(byOrder);
    return { unit, depth, children: children.map((child) => grow(child, depth + 1)) };
  };
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId) || u.parentId === u.id).sort(byOrder);
  const tree = roots.map((root) => grow(root, 0));
  for (const unit of [...units].sort(byOrder)) {
    if (!placed.has(unit.id)) tree.push(grow(unit, 0));
  }
  return tree;
}

/** The ids of every unit below `id` (not `id` itself). */
export function descendantIds(units: readonly OrgUnitView[], id: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId) childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit.id]);
  }
  const found = new Set<string>();
  const stack = [...(childrenOf.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (found.has(next) || next === id) continue;
    found.add(next);
    stack.push(...(childrenOf.get(next) ?? []));
  }
  return found;
}

/** The chain of units from the root down to `id` (inclusive); empty when `id` is unknown. */
export function pathTo(units: readonly OrgUnitView[], id: string): OrgUnitView[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: OrgUnitView[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** Keeps only active units (and drops the subtrees under inactive ones). */
export function activeOnly(nodes: readonly OrgTreeNode[]): OrgTreeNode[] {
  return nodes.filter((n) => n.unit.active).map((n) => ({ ...n, children: activeOnly(n.children) }));
}

export interface OrgTreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeSelectNode[];
}

/** Data for antd TreeSelect; `isDisabled` greys out units that may not be chosen. */
export function toTreeSelectData(nodes: readonly OrgTreeNode[], isDisabled: (unit: OrgUnitView) => boolean = () => false): OrgTreeSelectNode[] {
  return nodes.map((node) => ({
    value: node.unit.id,
    title: node.unit.name,
    disabled: isDisabled(node.unit) || undefined,
    children: node.children.length > 0 ? toTreeSelectData(node.children, isDisabled) : undefined,
  }));
}
