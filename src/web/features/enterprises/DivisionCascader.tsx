// A cascader of 统计用区划 (province → city → county → township → village) loaded level by level from the reference endpoint; any level may be chosen.
import { Cascader } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDivisions, type DivisionOption } from './api.ts';
import { divisionPath } from './list-filters.ts';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (d: DivisionOption): Option => ({ value: d.code, label: d.name, isLeaf: d.hasChildren === false || d.code.length >= 12 });

/** Puts `children` under the option with `code`, anywhere in the tree. */
function withChildren(options: Option[], code: string, children: Option[]): Option[] {
  return options.map((o) => (o.value === code ? { ...o, children } : code.startsWith(o.value) && o.children ? { ...o, children: withChildren(o.children, code, children) } : o));
}

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

export function DivisionCascader({ value, onChange, id, placeholder, testId, style }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [failed, setFailed] = useState(false);
  const loaded = useRef(new Set<string>());

  const load = async (parent: string) => {
    if (loaded.current.has(parent)) return;
    loaded.current.add(parent);
    try {
      const answer = await fetchDivisions(parent);
      const children = answer.items.map(toOption);
      setOptions((current) => (parent === '' ? children : withChildren(current, parent, children)));
    } catch {
      loaded.current.delete(parent);
      setFailed(true);
    }
  };

  // The root, then the levels above the current value, so the chosen path shows names instead of codes.
  useEffect(() => {
    void (async () => {
      await load('');
      for (const prefix of divisionPath(value ?? undefined).slice(0, -1)) await load(prefix);
    })();
    // loads once per value; `load` remembers what it fetched
  }, [value]);

  return (
    <Cascader
      id={id}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      options={options}
      value={value ? divisionPath(value) : undefined}
      loadData={(selected) => {
        const last = selected[selected.length - 1] as Option | undefined;
        if (last) void load(last.value);
      }}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
      changeOnSelect
      allowClear
      placeholder={failed ? t('enterprisesPage.picker.loadFailed') : (placeholder ?? t('enterprisesPage.picker.division'))}
      status={failed ? 'warning' : undefined}
    />
  );
}
