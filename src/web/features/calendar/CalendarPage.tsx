// The working-day calendar page (工作日历): loaded years, a year's exceptions (休/班), overrides, the calculator.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CalendarDayView, CalendarStatus } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { weekdayOf } from '../../lib/format.ts';
import { useSession } from '../auth/use-me.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { calendarKeys, deleteCalendarDay, fetchCalendarDays, fetchCalendarStatus, publishCalendarYear } from './api.ts';
import { CalendarDayModal, type CalendarDayTarget } from './CalendarDayModal.tsx';
import { WorkingDayCalculator } from './WorkingDayCalculator.tsx';

type Column = ColumnType<CalendarDayView> & { secondary?: boolean };

/** Consecutive years folded into ranges: [2004, 2005, 2006, 2009] → ['2004–2006', '2009']. */
export function yearRanges(years: readonly number[]): string[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return ranges;
}

/** The years offered in the picker: every loaded year plus last, this and the next two years. */
export function yearChoices(status: CalendarStatus | undefined, thisYear: number): number[] {
  const years = new Set<number>([...(status?.years ?? []), thisYear - 1, thisYear, thisYear + 1, thisYear + 2]);
  return [...years].sort((a, b) => b - a);
}

export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const tc = useCareText();
  const { message } = App.useApp();
  const { locale, settings } = usePreferences();
  const me = useSession();
  const canEdit = me.abilities.includes('calendar.edit');
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const [target, setTarget] = useState<CalendarDayTarget | null>(null);

  const status = useQuery({ queryKey: calendarKeys.status, queryFn: fetchCalendarStatus });
  const thisYear = status.data?.currentYear ?? new Date().getFullYear();
  const year = Number(searchParams.get('year')) || thisYear;
  const days = useQuery({ queryKey: calendarKeys.days(year), queryFn: () => fetchCalendarDays(year) });
  const loaded = status.data?.years.includes(year) ?? true;

  const remove = useMutation({
    mutationFn: (date: string) => deleteCalendarDay(date),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      void message.success(t('calendar.deleted'));
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  const publish = useMutation({
    mutationFn: (y: number) => publishCalendarYear(y),
    onSuccess: (next, y) => {
      queryClient.setQueryData(calendarKeys.status, next);
      void message.success(t('calendar.published', { year: y }));
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  const sourceLabel = (source: string) => (i18n.exists(`calendar.sources.${source}`) ? t(`calendar.sources.${source}`) : source);

  const columns: Column[] = [
    { key: 'date', title: t('calendar.date'), dataIndex: 'date', render: (date: string) => <span style={{ whiteSpace: 'nowrap' }}>{date}</span> },
    { key: 'weekday', title: t('calendar.weekday'), secondary: true, render: (_, day) => weekdayOf(day.date, locale) },
    {
      key: 'kind',
      title: t('calendar.kind'),
      render: (_, day) => (
        <Tag color={day.kind === 'holiday' ? 'red' : 'blue'}>
          {t(`calendar.kindShort.${day.kind}`)} · {t(`calendar.kindLong.${day.kind}`)}
        </Tag>
      ),
    },
    { key: 'name', title: t('calendar.name'), dataIndex: 'name' },
    { key: 'source', title: t('calendar.source'), secondary: true, render: (_, day) => sourceLabel(day.source) },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, day) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setTarget({ mode: 'edit', day })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('calendar.deleteConfirm', { date: day.date })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(day.date)}>
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <div data-testid="page-calendar">
      <PageTitle
        title={tc('nav.calendar')}
        description={t('calendar.intro')}
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', year })} data-testid="calendar-add">
              {t('calendar.addOverride')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Space>
            <Typography.Text strong>{t('calendar.year')}</Typography.Text>
            <Select
              data-testid="calendar-year"
              value={year}
              onChange={(next: number) => setSearchParams({ year: String(next) }, { replace: true })}
              options={yearChoices(status.data, thisYear).map((y) => ({
                value: y,
                label: `${y}${status.data ? `（${status.data.years.includes(y) ? t('calendar.loaded') : t('calendar.notLoaded')}）` : ''}`,
              }))}
              style={{ minWidth: 180 }}
            />
          </Space>
          {settings.showSecondary && status.data && (
            <Flex gap={6} wrap align="center">
              <Typography.Text type="secondary">{t('calendar.yearsLoaded')}</Typography.Text>
              {yearRanges(status.data.years).map((range) => (
                <Tag key={range} color="green">
                  {range}
                </Tag>
              ))}
              {status.data.missingYears.map((y) => (
                <Tag key={y} color="orange">
                  {y} {t('calendar.notLoaded')}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
        {!loaded && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t('calendar.yearNotLoaded', { year })}
            description={t('calendar.yearNotLoadedHint')}
            action={
              canEdit ? (
                <Popconfirm title={t('calendar.publishYearConfirm', { year })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => publish.mutate(year)}>
                  <Button loading={publish.isPending} data-testid="calendar-publish-year">
                    {t('calendar.publishYear', { year })}
                  </Button>
                </Popconfirm>
              ) : undefined
            }
          />
        )}
      </Card>
      <WorkingDayCalculator />
      <Card title={t('calendar.exceptionsOf', { year })} style={{ marginTop: 16 }}>
        <ErrorAlert error={days.error} onRetry={() => void days.refetch()} />
        <Table<CalendarDayView>
          rowKey="date"
          size={settings.careMode ? 'large' : 'middle'}
          columns={visibleColumns(columns, settings)}
          dataSource={days.data?.items ?? []}
          loading={days.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: settings.careMode ? settings.tablePageSize : 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('calendar.noExceptions') }}
        />
      </Card>
      <CalendarDayModal target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
