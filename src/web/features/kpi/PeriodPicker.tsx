// A from–to picker of business dates with quick choices (本年, 本季度 …); used by the KPI and supervision pages.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../lib/format.ts';
import { periodPresets, presetPeriod, type Period } from './period.ts';
import './messages.ts';

const format = 'YYYY-MM-DD';

export function PeriodPicker({ value, onChange, testId }: { value: Period; onChange: (period: Period) => void; testId?: string }) {
  const { t } = useTranslation();
  const today = todayInShanghai();
  const presets = periodPresets.map((preset) => {
    const period = presetPeriod(preset, today);
    return { label: t(`kpiPage.presets.${preset}`), value: [dayjs(period.from), dayjs(period.to)] as [Dayjs, Dayjs] };
  });
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      aria-label={t('kpiPage.period')}
      value={[dayjs(value.from), dayjs(value.to)]}
      allowClear={false}
      presets={presets}
      onChange={(range) => {
        if (range?.[0] && range[1]) onChange({ from: range[0].format(format), to: range[1].format(format) });
      }}
    />
  );
}
