// Every appeal list of the app as one page with a preset: my appeals (enterprise), the ledger, triage, my work, follow-ups.
import { DownloadOutlined, PlusOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AppealListItem } from '../../../shared/schemas/appeals.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../auth/use-me.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { AppealCardList } from './AppealCardList.tsx';
import { AppealFilterBar } from './AppealFilterBar.tsx';
import { appealKeys, fetchAppeals, ledgerExportUrl, type AppealFilters } from './api.ts';
import { BulkAssignModal } from './BulkAssignModal.tsx';
import { appealCountdown, stageDaysFor } from './countdown.ts';
import { CountdownTag } from './CountdownTag.tsx';
import { useUnitName } from './DepartmentSelect.tsx';
import { ImportLedgerModal } from './ImportLedgerModal.tsx';
import { filtersFromSearch, presets, searchFromFilters, type ListPreset } from './list-presets.ts';
import { StatusTag } from './StatusTag.tsx';
import { useAppealLabels } from './use-appeal-labels.ts';
import { useClockContext } from './use-clock-context.ts';

type Column = ColumnType<AppealListItem> & { secondary?: boolean };

export default function AppealListPage({ preset }: { preset: ListPreset }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const labels = useAppealLabels();
  const { locale, settings } = usePreferences();
  const screens = Grid.useBreakpoint();
  const config = presets[preset];
  const staff = preset !== 'enterprise';
  const [search, setSearch] = useSearchParams();
  const { filters: chosen, page } = useMemo(() => filtersFromSearch(search), [search]);
  const filters: AppealFilters = useMemo(() => ({ ...chosen, ...config.fixed }), [chosen, config.fixed]);
  const pageSize = settings.tablePageSize;
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: appealKeys.list(filters, page, pageSize),
    queryFn: () => fetchAppeals(filters, page, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const clock = useClockContext({ rules: staff });
  const unitName = useUnitName(staff);
  const [selected, setSelected] = useState<AppealListItem[]>([]);
  const [bulk, setBulk] = useState<AppealListItem[] | null>(null);
  const [importing, setImporting] = useState(false);

  const update = (changes: Partial<AppealFilters>, nextPage = 1) => setSearch(searchFromFilters({ ...chosen, ...changes }, nextPage), { replace: true });
  const countdownOf = useCallback(
    (item: AppealListItem) => appealCountdown(item, clock.now, { stageDays: stageDaysFor(clock.rules, item.categoryId, item.urgency), isWorkingDay: clock.isWorkingDay }),
    [clock.now, clock.rules, clock.isWorkingDay],
  );

  const items = data?.items ?? [];
  const cards = !staff || !screens.md;

  const columns: Column[] = [
    {
      key: 'title',
      title: t('appeals.fields.title'),
      render: (_, item) => (
        <Flex vertical gap={2} style={{ minWidth: 200, maxWidth: 360 }}>
          <Link to={`/appeals/${item.id}`} data-testid={`appeal-row-${item.number}`}>
            {item.title}
          </Link>
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
              {item.number}
            </Typography.Text>
            {item.urgency === 'urgent' && <Tag color="red">{labels.urgency('urgent')}</Tag>}
            {item.supervised && <Tag color="volcano">{t('appeals.detail.supervised')}</Tag>}
            {item.returnCount > 0 && <Tag color="orange">{t('appeals.list.returned', { count: item.returnCount })}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    { key: 'enterprise', title: t('appeals.fields.enterprise'), render: (_, item) => item.enterpriseName ?? item.contactName ?? '—' },
    { key: 'status', title: t('appeals.fields.status'), render: (_, item) => <StatusTag status={item.status} /> },
    { key: 'deadline', title: t('appeals.fields.deadline'), render: (_, item) => <CountdownTag countdown={countdownOf(item)} /> },
    {
      key: 'department',
      secondary: true,
      title: preset === 'triage' ? t('appeals.fields.suggestedDepartment') : t('appeals.fields.leadDepartment'),
      render: (_, item) => (preset === 'triage' ? (unitName(item.suggestedDepartmentId) ?? '—') : (item.leadDepartmentName ?? '—')),
    },
    { key: 'channel', title: t('appeals.fields.channel'), secondary: true, render: (_, item) => labels.channel(item.channel) },
    { key: 'submittedAt', title: t('appeals.fields.submittedAt'), secondary: true, render: (_, item) => formatDateTime(item.submittedAt, locale) },
  ];

  const canBulk = config.bulkAssign && me.abilities.includes('appeal.triage');
  const extra = (
    <>
      {config.ledgerTools && me.abilities.includes('appeal.export') && (
        <Button icon={<DownloadOutlined />} href={ledgerExportUrl(filters)} data-testid="ledger-export">
          {t('appeals.list.export')}
        </Button>
      )}
      {config.ledgerTools && me.abilities.includes('appeal.import') && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('appeals.import.title')}
        </Button>
      )}
      {(preset === 'enterprise' || preset === 'ledger' || preset === 'triage') && me.abilities.includes('appeal.create') && (
        <Link to="/appeals/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="appeal-new" size={preset === 'enterprise' ? 'large' : undefined}>
            {preset === 'enterprise' ? tc('nav.submitAppeal') : t('nav.registerAppeal')}
          </Button>
        </Link>
      )}
    </>
  );

  return (
    <div data-testid={config.testId}>
      <PageTitle title={tc(config.titleKey)} description={t(config.introKey)} extra={extra} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card styles={{ body: { padding: cards ? 12 : undefined } }}>
        <AppealFilterBar config={config} value={chosen} onChange={(changes) => update(changes)} onReset={() => setSearch(new URLSearchParams(), { replace: true })} />
        {chosen.policyId && (
          <Tag closable color="blue" onClose={() => update({ policyId: undefined })} style={{ marginBottom: 12 }} data-testid="appeal-filter-policy">
            {t('appeals.policyLink.filtered')}
          </Tag>
        )}
        {canBulk && !cards && (
          <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
            <Tooltip title={t('appeals.bulk.hint')}>
              <Button icon={<SendOutlined />} disabled={selected.length === 0} onClick={() => setBulk(selected)} data-testid="bulk-assign">
                {t('appeals.bulk.button', { count: selected.length })}
              </Button>
            </Tooltip>
          </Flex>
        )}
        {cards ? (
          <AppealCardList
            items={items}
            loading={isFetching}
            countdownOf={staff ? countdownOf : () => null}
            page={page}
            pageSize={pageSize}
            total={data?.total ?? 0}
            onPage={(next) => update({}, next)}
            showEnterprise={staff}
          />
        ) : (
          <Table<AppealListItem>
            rowKey="id"
            columns={visibleColumns(columns, settings)}
            dataSource={items}
            loading={isFetching}
            scroll={{ x: 'max-content' }}
            rowSelection={
              canBulk
                ? {
                    selectedRowKeys: selected.map((s) => s.id),
                    onChange: (_, rows) => setSelected(rows),
                    getCheckboxProps: (item) => ({ disabled: !item.abilities.includes('assign'), name: item.number }),
                  }
                : undefined
            }
            locale={{ emptyText: t('appeals.list.empty') }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (next) => update({}, next),
            }}
          />
        )}
      </Card>
      <BulkAssignModal
        items={bulk}
        onClose={(assigned) => {
          setBulk(null);
          setSelected((current) => current.filter((s) => !assigned.includes(s.id)));
        }}
      />
      <ImportLedgerModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
