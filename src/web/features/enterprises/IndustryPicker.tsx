// A searchable tree of GB/T 4754-2017 industries (section → division → group → class), by name or code.
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { enterpriseKeys, fetchIndustries, type IndustryNode } from './api.ts';

interface TreeOption {
  value: string;
  title: string;
  selectable: boolean;
  children?: TreeOption[];
}

/** Tree-select data: titles carry the code so that typing "3011" or "水泥" both find the class; `classesOnly` lets only 4-digit classes be chosen. */
export function industryTreeData(nodes: readonly IndustryNode[], classesOnly: boolean): TreeOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: `${node.code} ${node.name}`,
    selectable: !classesOnly || /^\d{4}$/.test(node.code),
    children: node.children?.length ? industryTreeData(node.children, classesOnly) : undefined,
  }));
}

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  /** The create form needs a 4-digit class; filters accept any level. */
  classesOnly?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

export function IndustryPicker({ value, onChange, id, classesOnly = false, testId, style }: Props) {
  const { t } = useTranslation();
  const { data, isLoading, isError } = useQuery({ queryKey: enterpriseKeys.industries, queryFn: fetchIndustries, staleTime: Number.POSITIVE_INFINITY });
  const treeData = useMemo(() => industryTreeData(data?.items ?? [], classesOnly), [data, classesOnly]);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      placeholder={isError ? t('enterprisesPage.picker.loadFailed') : t('enterprisesPage.picker.industry')}
      status={isError ? 'warning' : undefined}
    />
  );
}
