// The filter bar of appeal lists: search, status, channel, department, overdue and supervised flags, submission dates.
import { Button, DatePicker, Flex, Input, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { appealChannels, appealStatuses, type AppealStatus } from '../../../shared/schemas/appeals.ts';
import type { AppealFilters } from './api.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import { enterpriseStatusGroups, type PresetConfig } from './list-presets.ts';
import { useAppealLabels } from './use-appeal-labels.ts';

interface Props {
  config: PresetConfig;
  value: AppealFilters;
  onChange: (changes: Partial<AppealFilters>) => void;
  onReset: () => void;
}

type Group = 'all' | 'open' | 'done';

function groupOf(status: readonly AppealStatus[] | undefined): Group {
  if (!status?.length) return 'all';
  return status.every((s) => (enterpriseStatusGroups.done as readonly string[]).includes(s)) ? 'done' : 'open';
}

export function AppealFilterBar({ config, value, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  const has = (filter: PresetConfig['filters'][number]) => config.filters.includes(filter);
  const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
  const flagOptions = [
    { value: 'true', label: t('appeals.filters.yes') },
    { value: 'false', label: t('appeals.filters.no') },
  ];

  if (config.testId === 'page-my-appeals') {
    return (
      <Segmented<Group>
        block
        data-testid="appeal-status-group"
        value={groupOf(value.status)}
        onChange={(group) => onChange({ status: group === 'all' ? undefined : [...enterpriseStatusGroups[group]] })}
        options={[
          { value: 'open', label: t('appeals.filters.open') },
          { value: 'done', label: t('appeals.filters.done') },
          { value: 'all', label: t('appeals.filters.all') },
        ]}
        style={{ marginBottom: 16 }}
      />
    );
  }

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
      {has('q') && (
        <Input.Search
          key={value.q ?? ''}
          allowClear
          defaultValue={value.q}
          placeholder={t('appeals.filters.search')}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          style={{ width: 260 }}
          data-testid="appeal-search"
        />
      )}
      {has('status') && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('appeals.fields.status')}
          value={value.status ?? []}
          onChange={(status: AppealStatus[]) => onChange({ status: status.length ? status : undefined })}
          options={appealStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
          style={{ width: 220 }}
        />
      )}
      {has('channel') && (
        <Select
          allowClear
          placeholder={t('appeals.fields.channel')}
          value={value.channel}
          onChange={(channel?: AppealFilters['channel']) => onChange({ channel })}
          options={appealChannels.map((c) => ({ value: c, label: labels.channel(c) }))}
          style={{ width: 160 }}
        />
      )}
      {has('department') && (
        <div style={{ width: 220 }}>
          <DepartmentSelect value={value.departmentId ?? null} onChange={(id) => onChange({ departmentId: (id as string | null) ?? undefined })} placeholder={t('appeals.fields.leadDepartment')} />
        </div>
      )}
      {has('overdue') && (
        <Select
          allowClear
          placeholder={t('appeals.filters.overdue')}
          value={flag(value.overdue)}
          onChange={(v?: string) => onChange({ overdue: v === undefined ? undefined : v === 'true' })}
          options={flagOptions}
          style={{ width: 130 }}
          data-testid="appeal-filter-overdue"
        />
      )}
      {has('supervised') && (
        <Select
          allowClear
          placeholder={t('appeals.filters.supervised')}
          value={flag(value.supervised)}
          onChange={(v?: string) => onChange({ supervised: v === undefined ? undefined : v === 'true' })}
          options={flagOptions}
          style={{ width: 130 }}
        />
      )}
      {has('dates') && (
        <DatePicker.RangePicker
          value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
          onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('appeals.filters.from'), t('appeals.filters.to')]}
        />
      )}
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
