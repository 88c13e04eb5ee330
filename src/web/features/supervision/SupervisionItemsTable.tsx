// The supervision items (挂号督办), newest first and paged: number, the appeal (link), department, stage, reason, registration, escalation, state.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupervisionItemView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { fetchSupervisionItems, supervisionKeys, type BoardFilters, type ItemStatus } from './api.ts';
import { itemState, type ItemState } from './board.ts';

type Column = ColumnType<SupervisionItemView> & { secondary?: boolean };
const stateColors: Record<ItemState, string> = { open: 'orange', escalated: 'red', resolved: 'green' };

export function SupervisionItemsTable({ filters }: { filters: BoardFilters }) {
  const { t } = useTranslation();
  const { locale, settings } = usePreferences();
  const [status, setStatus] = useState<ItemStatus | 'all'>('open');
  const [page, setPage] = useState(1);
  const pageSize = settings.careMode ? settings.tablePageSize : 20;
  const chosen = status === 'all' ? undefined : status;
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: supervisionKeys.items(filters, chosen, page, pageSize),
    queryFn: () => fetchSupervisionItems(filters, chosen, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: Column[] = [
    { key: 'number', title: t('supervisionPage.items.number'), render: (_, item) => <Typography.Text code>{item.number}</Typography.Text> },
    {
      key: 'appeal',
      title: t('supervisionPage.items.appeal'),
      render: (_, item) => (
        <Flex vertical>
          <Link to={`/appeals/${item.appealId}`} data-testid={`supervision-item-appeal-${item.id}`}>
            {item.appealNumber}
          </Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
            {item.title}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'department', title: t('supervisionPage.items.department'), render: (_, item) => item.departmentName ?? '—' },
    {
      key: 'clock',
      title: t('supervisionPage.items.clock'),
      render: (_, item) => (item.clock === 'manual' ? t('supervisionPage.items.manual') : t(`appeals.clocks.${item.clock}`)),
    },
    { key: 'reason', title: t('supervisionPage.items.reason'), secondary: true, render: (_, item) => t(`supervisionPage.items.reasons.${item.reason}`) },
    { key: 'registeredAt', title: t('supervisionPage.items.registeredAt'), render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.registeredAt, locale)}</span> },
    {
      key: 'escalation',
      title: t('supervisionPage.items.escalation'),
      secondary: true,
      render: (_, item) =>
        item.escalatedAt ? (
          <Typography.Text type="danger">{t('supervisionPage.items.escalatedAt', { time: formatDateTime(item.escalatedAt, locale) })}</Typography.Text>
        ) : item.escalateAt && !item.resolvedAt ? (
          <Typography.Text type="secondary">{t('supervisionPage.items.escalatesAt', { time: formatDateTime(item.escalateAt, locale) })}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'state',
      title: t('supervisionPage.items.state'),
      render: (_, item) => {
        const state = itemState(item);
        return (
          <Flex vertical>
            <span>
              <Tag color={stateColors[state]}>{t(`supervisionPage.items.states.${state}`)}</Tag>
            </span>
            {item.resolvedAt && settings.showSecondary && <Typography.Text type="secondary">{t('supervisionPage.items.resolvedAt', { time: formatDateTime(item.resolvedAt, locale) })}</Typography.Text>}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as ItemStatus | 'all');
          setPage(1);
        }}
        options={(['open', 'resolved', 'all'] as const).map((value) => ({ value, label: <span data-testid={`supervision-items-${value}`}>{t(`supervisionPage.items.filter.${value}`)}</span> }))}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<SupervisionItemView>
        data-testid="supervision-items"
        rowKey="id"
        size={settings.showSecondary ? 'small' : 'middle'}
        columns={visibleColumns(columns, settings)}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('supervisionPage.items.empty') }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('common.total', { total }), onChange: setPage }}
      />
    </>
  );
}
