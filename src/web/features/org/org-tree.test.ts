// @vitest-environment jsdom
// Tests of building the organisation tree from the flat list the API returns.
import { describe, expect, it } from 'vitest';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';
import { activeOnly, buildOrgTree, descendantIds, pathTo, toTreeSelectData, type OrgTreeNode } from './org-tree.ts';

let counter = 0;
function unit(id: string, parentId: string | null, kind: OrgUnitView['kind'], extra: Partial<OrgUnitView> = {}): OrgUnitView {
  counter += 1;
  return { id, parentId, kind, name: id, code: id, divisionCode: null, sortOrder: 0, active: true, ...extra, ...(extra.sortOrder === undefined ? { sortOrder: counter } : {}) };
}

const shape = (nodes: OrgTreeNode[]): unknown => nodes.map((n) => (n.children.length ? { [n.unit.id]: shape(n.children) } : n.unit.id));

describe('buildOrgTree', () => {
  const units = [
    unit('village', 'town', 'village'),
    unit('city', null, 'city'),
    unit('zjj', 'city', 'department', { sortOrder: 2 }),
    unit('district', 'city', 'district', { sortOrder: 1 }),
    unit('town', 'district', 'township'),
    unit('town-office', 'town', 'department'),
  ];

  it('nests units under their parents, city → district → township → village, ordered by sortOrder', () => {
    expect(shape(buildOrgTree(units))).toEqual([{ city: [{ district: [{ town: ['village', 'town-office'] }] }, 'zjj'] }]);
  });

  it('records the depth of each node', () => {
    const [city] = buildOrgTree(units);
    expect(city.depth).toBe(0);
    expect(city.children[0].children[0].children[0].depth).toBe(3);
  });

  it('orders siblings with the same sortOrder by name', () => {
    const tree = buildOrgTree([unit('r', null, 'city'), unit('乙', 'r', 'department', { sortOrder: 5, name: '乙局' }), unit('甲', 'r', 'department', { sortOrder: 5, name: '甲局' })]);
    expect(tree[0].children.map((c) => c.unit.name)).toEqual(['甲局', '乙局'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('treats units whose parent is missing as roots and survives cycles', () => {
    const tree = buildOrgTree([unit('orphan', 'gone', 'department'), unit('a', 'b', 'department'), unit('b', 'a', 'department'), unit('self', 'self', 'department')]);
    const ids = tree.flatMap(function all(n): string[] {
      return [n.unit.id, ...n.children.flatMap(all)];
    });
    expect(ids.sort()).toEqual(['a', 'b', 'orphan', 'self']);
  });

  it('returns an empty tree for no units', () => {
    expect(buildOrgTree([])).toEqual([]);
  });
});

describe('tree questions', () => {
  const units = [unit('city', null, 'city'), unit('d1', 'city', 'district'), unit('t1', 'd1', 'township'), unit('d2', 'city', 'district', { active: false }), unit('t2', 'd2', 'township')];

  it('descendantIds lists everything below a unit, not the unit itself', () => {
    expect([...descendantIds(units, 'city')].sort()).toEqual(['d1', 'd2', 't1', 't2']);
    expect([...descendantIds(units, 'd1')]).toEqual(['t1']);
    expect(descendantIds(units, 't1').size).toBe(0);
  });

  it('pathTo gives the chain from the root', () => {
    expect(pathTo(units, 't1').map((u) => u.id)).toEqual(['city', 'd1', 't1']);
    expect(pathTo(units, 'nope')).toEqual([]);
  });

  it('activeOnly drops inactive units with their subtrees', () => {
    expect(shape(activeOnly(buildOrgTree(units)))).toEqual([{ city: [{ d1: ['t1'] }] }]);
  });

  it('toTreeSelectData maps to TreeSelect nodes and marks disabled ones', () => {
    const data = toTreeSelectData(buildOrgTree(units), (u) => u.id === 'd1');
    expect(data[0]).toMatchObject({ value: 'city', title: 'city' });
    expect(data[0].children?.[0]).toMatchObject({ value: 'd1', disabled: true });
    expect(data[0].children?.[0].children?.[0]).toEqual({ value: 't1', title: 't1', disabled: undefined, children: undefined });
  });
});
