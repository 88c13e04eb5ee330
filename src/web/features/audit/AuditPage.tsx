// The audit trail page (审计日志): filters, a paged table, and each event's before/after in an expanded row.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { auditKeys, fetchAuditEvents, type AuditFilters } from './api.ts';
import { JsonBlock } from './JsonBlock.tsx';

type Column = ColumnType<AuditEventView> & { secondary?: boolean };

export default function AuditPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { locale, settings } = usePreferences();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const size = settings.careMode ? settings.tablePageSize : pageSize;
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: auditKeys.list(filters, page, size),
    queryFn: () => fetchAuditEvents(filters, page, size),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (next: AuditFilters) => {
    setFilters(next);
    setPage(1);
  };

  const columns: Column[] = [
    { key: 'at', title: t('audit.at'), render: (_, event) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, locale)}</span> },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, event) =>
        event.actorId ? (
          <Typography.Link onClick={() => applyFilters({ ...filters, actorId: event.actorId ?? undefined })} title={t('audit.filterByActor')}>
            {event.actorLabel}
          </Typography.Link>
        ) : (
          event.actorLabel
        ),
    },
    { key: 'action', title: t('audit.action'), render: (_, event) => <Typography.Text code>{event.action}</Typography.Text> },
    { key: 'entityType', title: t('audit.entityType'), dataIndex: 'entityType' },
    { key: 'entityId', title: t('audit.entityId'), secondary: true, render: (_, event) => <Typography.Text type="secondary" copyable={event.entityId ? { text: event.entityId } : false}>{event.entityId ? `${event.entityId.slice(0, 8)}…` : '—'}</Typography.Text> },
  ];

  return (
    <div data-testid="page-audit">
      <PageTitle title={tc('nav.audit')} description={t('audit.intro')} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <AuditFilterForm value={filters} onChange={applyFilters} />
        <Table<AuditEventView>
          rowKey="id"
          columns={visibleColumns(columns, settings)}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (event) => (
              <Flex vertical gap={12}>
                <Flex gap={16} wrap>
                  <JsonBlock label={t('audit.before')} value={event.before} />
                  <JsonBlock label={t('audit.after')} value={event.after} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: '0.85em', wordBreak: 'break-all' }}>
                  {t('audit.requestId')}: {event.requestId ?? '—'} · {t('audit.hash')}: {event.hash}
                </Typography.Text>
              </Flex>
            ),
          }}
          pagination={{
            current: page,
            pageSize: size,
            total: data?.total ?? 0,
            showSizeChanger: !settings.careMode,
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== size ? 1 : nextPage);
              if (!settings.careMode) setPageSize(nextSize);
            },
          }}
        />
      </Card>
    </div>
  );
}
