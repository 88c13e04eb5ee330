// A tree select of the active organisation units (used to pick a user's unit).
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { activeOnly, toTreeSelectData } from './org-tree.ts';
import { useOrgUnits } from './use-org-units.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  allowClear?: boolean;
}

export function OrgUnitTreeSelect({ value, onChange, id, allowClear = true }: Props) {
  const { t } = useTranslation();
  const { tree, isLoading } = useOrgUnits();
  const treeData = useMemo(() => toTreeSelectData(activeOnly(tree)), [tree]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={treeData}
      loading={isLoading}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={t('users.unitPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}
