// A tree select of departments (regions are shown for orientation but cannot be chosen); one or several.
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { activeOnly, toTreeSelectData } from '../org/org-tree.ts';
import { useOrgUnits } from '../org/use-org-units.ts';

interface Props {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  testId?: string;
}

export function DepartmentSelect({ id, value, onChange, multiple = false, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const { tree, isLoading } = useOrgUnits();
  const treeData = useMemo(() => toTreeSelectData(activeOnly(tree), (unit) => unit.kind !== 'department'), [tree]);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next: string | string[] | undefined) => onChange?.(next ?? (multiple ? [] : null))}
      treeData={treeData}
      loading={isLoading}
      multiple={multiple}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={placeholder ?? t('appeals.fields.departmentPlaceholder')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

/** The name of a unit by id, from the cached organisation list (staff only). */
export function useUnitName(enabled = true) {
  const { units } = useOrgUnits(enabled);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  return (id: string | null | undefined) => (id ? (byId.get(id) ?? null) : null);
}
