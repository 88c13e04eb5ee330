// Tests of the dispatch catalogue display: names for categories, divisions and departments, order, and the division tree without departments.
import { describe, expect, it } from 'vitest';
import type { CategoryView, OrgUnitView } from '../../../shared/schemas/index.ts';
import { buildOrgTree } from '../org/org-tree.ts';
import { divisionTree, routingRows } from './routing.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const unit = (n: number, kind: OrgUnitView['kind'], name: string, divisionCode: string | null, parent: number | null, active = true): OrgUnitView => ({
  id: uuid(n), parentId: parent === null ? null : uuid(parent), kind, name, code: `u${n}`, divisionCode, sortOrder: n, active,
});
const units = [
  unit(1, 'city', '湖州市', '330500', null),
  unit(2, 'district', '吴兴区', '330502', 1),
  unit(3, 'township', '织里镇', '330502100', 2),
  unit(4, 'department', '市住建局', null, 1),
  unit(5, 'department', '吴兴区住建局', null, 2),
  unit(6, 'district', '已撤销区', '330599', 1, false),
];
const category = (n: number, sortOrder: number): CategoryView => ({ id: uuid(100 + n), parentId: null, code: `c${n}`, name: `类别${n}`, names: { en: `Cat ${n}` }, sortOrder, active: true });
const rule = (id: string, cat: number, divisionCode: string, dept: number) => ({ id, categoryId: uuid(100 + cat), divisionCode, departmentId: uuid(dept) });

describe('routingRows', () => {
  const categories = [category(1, 1), category(2, 0)];
  const rows = routingRows([rule('a', 1, '330502', 5), rule('b', 1, '', 4), rule('c', 2, '330502100', 5), rule('d', 2, '999999', 77)], categories, units, 'en');

  it('orders by category, the whole city before narrower divisions', () => {
    expect(rows.map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('names categories in the UI language, divisions and departments from the organisation', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('a')).toMatchObject({ categoryName: 'Cat 1', divisionName: '吴兴区', departmentName: '吴兴区住建局' });
    expect(byId.get('b')).toMatchObject({ divisionCode: '', divisionName: null, departmentName: '市住建局' });
    expect(byId.get('c')!.divisionName).toBe('织里镇');
    expect(byId.get('d')).toMatchObject({ divisionName: null, departmentName: null });
  });
});

describe('divisionTree', () => {
  it('keeps active regions with a division code, nested, and drops departments', () => {
    expect(divisionTree(buildOrgTree(units))).toEqual([
      { value: '330500', title: '湖州市 330500', children: [{ value: '330502', title: '吴兴区 330502', children: [{ value: '330502100', title: '织里镇 330502100', children: undefined }] }] },
    ]);
  });
});
