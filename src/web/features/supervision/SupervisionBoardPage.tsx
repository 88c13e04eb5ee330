// The supervisors' board (督办看板): period and department filters, totals, measures by department and by handler, and the supervision items.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { boardDepartmentRow, boardHandlerRow } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { todayInShanghai } from '../../lib/format.ts';
import { DepartmentSelect } from '../appeals/DepartmentSelect.tsx';
import { PeriodPicker } from '../kpi/PeriodPicker.tsx';
import { defaultPeriod } from '../kpi/period.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchBoard, supervisionKeys, type BoardFilters } from './api.ts';
import { boardTotals, careMeasures, measureKeys } from './board.ts';
import { MeasureTable, type NameColumn } from './MeasureTable.tsx';
import { SupervisionItemsTable } from './SupervisionItemsTable.tsx';
import './messages.ts';

type DepartmentRow = z.infer<typeof boardDepartmentRow>;
type HandlerRow = z.infer<typeof boardHandlerRow>;

export default function SupervisionBoardPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { settings } = usePreferences();
  const [filters, setFilters] = useState<BoardFilters>(() => defaultPeriod(todayInShanghai()));
  const [tab, setTab] = useState('byDepartment');
  const board = useQuery({ queryKey: supervisionKeys.board(filters), queryFn: () => fetchBoard(filters), placeholderData: keepPreviousData });
  const departments = board.data?.byDepartment ?? [];
  const handlers = board.data?.byHandler ?? [];
  const totals = boardTotals(departments);
  const cards = settings.showSecondary ? measureKeys.filter((key) => key !== 'extensionsApproved') : careMeasures;

  const departmentNames: NameColumn<DepartmentRow>[] = [{ key: 'name', title: t('supervisionPage.department'), render: (row) => row.name, sortText: (row) => row.name }];
  const handlerNames: NameColumn<HandlerRow>[] = [
    { key: 'name', title: t('supervisionPage.handler'), render: (row) => row.name, sortText: (row) => row.name },
    { key: 'department', title: t('supervisionPage.handlerDepartment'), render: (row) => row.departmentName ?? t('supervisionPage.noDepartment'), sortText: (row) => row.departmentName ?? '' },
  ];

  return (
    <div data-testid="page-supervision">
      <PageTitle title={tc('supervisionPage.title')} description={t('supervisionPage.intro')} />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('supervisionPage.period')}</Typography.Text>
        <PeriodPicker value={filters} onChange={(period) => setFilters({ ...filters, ...period })} testId="supervision-period" />
        <Typography.Text strong>{t('supervisionPage.department')}</Typography.Text>
        <div style={{ minWidth: 260 }}>
          <DepartmentSelect
            value={filters.departmentId ?? null}
            onChange={(value) => setFilters({ ...filters, departmentId: typeof value === 'string' ? value : undefined })}
            placeholder={t('supervisionPage.allDepartments')}
            testId="supervision-department"
          />
        </div>
      </Flex>
      <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        {cards.map((key) => (
          <Card key={key} loading={board.isLoading} data-testid={`supervision-total-${key}`} style={{ flex: settings.showSecondary ? '1 1 150px' : '1 1 240px' }}>
            <Statistic title={tc(`supervisionPage.measures.${key}`)} value={totals[key]} styles={key !== 'total' && totals[key] > 0 && careMeasures.includes(key) ? { content: { color: '#cf1322' } } : undefined} />
          </Card>
        ))}
      </Flex>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'byDepartment',
              label: <span data-testid="supervision-tab-byDepartment">{t('supervisionPage.tabs.byDepartment')}</span>,
              children: <MeasureTable rows={departments} rowKey={(row) => row.departmentId} names={departmentNames} totals={totals} loading={board.isFetching} testId="supervision-by-department" />,
            },
            {
              key: 'byHandler',
              label: <span data-testid="supervision-tab-byHandler">{t('supervisionPage.tabs.byHandler')}</span>,
              children: <MeasureTable rows={handlers} rowKey={(row) => row.handlerId} names={handlerNames} totals={boardTotals(handlers)} loading={board.isFetching} testId="supervision-by-handler" />,
            },
            {
              key: 'items',
              label: <span data-testid="supervision-tab-items">{t('supervisionPage.tabs.items')}</span>,
              children: <SupervisionItemsTable filters={filters} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
