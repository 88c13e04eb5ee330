// A select that searches the enterprise registry as you type (name or unified social credit code).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterpriseKeys, searchEnterprises } from './api.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  /** The label of the current value, known from the record being edited, shown before any search. */
  currentLabel?: string | null;
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function EnterpriseSelect({ value, onChange, id, currentLabel }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const { data, isFetching } = useQuery({ queryKey: enterpriseKeys.search(q), queryFn: () => searchEnterprises(q) });
  const options = (data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }));
  if (value && currentLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: currentLabel });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      allowClear
      placeholder={t('users.enterprisePlaceholder')}
      notFoundContent={isFetching ? null : t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
