// 企业库 for staff: search (name, code, pinyin initials) with debounce, filters in the URL, a paginated table that keeps the previous page while loading, export and import.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Dropdown, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { enterpriseTags, sizeClasses, type EnterpriseListItem } from '../../../shared/schemas/enterprises.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useSession } from '../auth/use-me.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { enterpriseKeys, exportUrl, fetchEnterprises, type EnterpriseFilters } from './api.ts';
import { DivisionCascader } from './DivisionCascader.tsx';
import { IndustryPicker } from './IndustryPicker.tsx';
import { filtersFromSearch, searchFromFilters } from './list-filters.ts';
import { RegistryTag, SizeTag } from './SizeTag.tsx';
import './messages.ts';

type Column = ColumnType<EnterpriseListItem> & { secondary?: boolean };

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const { settings } = usePreferences();
  const [search, setSearch] = useSearchParams();
  const { filters, page } = useMemo(() => filtersFromSearch(search), [search]);
  const pageSize = settings.tablePageSize;
  const [typed, setTyped] = useState(filters.q ?? '');
  const debouncedQ = useDebounced(typed, 300);

  const update = (changes: Partial<EnterpriseFilters>, nextPage = 1) => setSearch(searchFromFilters({ ...filters, ...changes }, nextPage), { replace: true });
  useEffect(() => {
    if ((debouncedQ.trim() || undefined) !== filters.q) update({ q: debouncedQ });
    // only the typed text drives this
  }, [debouncedQ]);

  const { data, isFetching, error, refetch } = useQuery({
    queryKey: enterpriseKeys.list(filters, page, pageSize),
    queryFn: () => fetchEnterprises(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: Column[] = [
    {
      key: 'name',
      title: t('enterprisesPage.columns.name'),
      render: (_, item) => (
        <Flex vertical gap={2} style={{ minWidth: 220, maxWidth: 380 }}>
          <Link to={`/enterprises/${item.uscc}`} data-testid={`enterprise-row-${item.uscc}`}>
            {item.name}
          </Link>
          <Typography.Text type="secondary" copyable={{ text: item.uscc }} style={{ fontSize: '0.85em', fontFamily: 'monospace' }}>
            {item.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'size', title: t('enterprisesPage.columns.size'), render: (_, item) => <SizeTag size={item.size} year={item.sizeYear} /> },
    { key: 'division', title: t('enterprisesPage.columns.division'), render: (_, item) => item.divisionName ?? item.divisionCode ?? '—' },
    {
      key: 'industry',
      title: t('enterprisesPage.columns.industry'),
      secondary: true,
      render: (_, item) => (item.industryCode ? <span title={item.industryCode}>{item.industryName ?? item.industryCode}</span> : '—'),
    },
    {
      key: 'tags',
      title: t('enterprisesPage.columns.tags'),
      render: (_, item) => (item.tags.length ? <Flex gap={4} wrap>{item.tags.map((tag) => <RegistryTag key={tag} tag={tag} />)}</Flex> : null),
    },
    { key: 'legal', title: t('enterprisesPage.columns.legalRepresentative'), secondary: true, render: (_, item) => item.legalRepresentative ?? '—' },
    { key: 'founded', title: t('enterprisesPage.columns.foundedOn'), secondary: true, render: (_, item) => item.foundedOn ?? '—' },
    {
      key: 'status',
      title: t('enterprisesPage.columns.status'),
      secondary: true,
      render: (_, item) => (item.status === 'active' ? t('enterprisesPage.statuses.active') : <Typography.Text type="danger">{t('enterprisesPage.statuses.deregistered')}</Typography.Text>),
    },
  ];

  const extra = (
    <>
      {me.abilities.includes('enterprise.export') && (
        <Dropdown
          menu={{
            items: [
              { key: 'xlsx', label: <a href={exportUrl(filters, 'xlsx')} data-testid="enterprise-export-xlsx">{t('enterprisesPage.exportXlsx')}</a> },
              { key: 'csv', label: <a href={exportUrl(filters, 'csv')} data-testid="enterprise-export-csv">{t('enterprisesPage.exportCsv')}</a> },
            ],
          }}
        >
          <Button icon={<DownloadOutlined />} data-testid="enterprise-export">
            {t('enterprisesPage.export')}
          </Button>
        </Dropdown>
      )}
      {me.abilities.includes('enterprise.import') && (
        <Link to="/enterprises/import">
          <Button icon={<UploadOutlined />} data-testid="enterprise-import">
            {t('enterprisesPage.importButton')}
          </Button>
        </Link>
      )}
      {me.abilities.includes('enterprise.create') && (
        <Link to="/enterprises/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="enterprise-new">
            {t('enterprisesPage.create')}
          </Button>
        </Link>
      )}
    </>
  );

  const filterWidth = { width: '100%', maxWidth: 260 };
  return (
    <div data-testid="page-enterprises">
      <PageTitle title={tc('enterprisesPage.title')} description={t('enterprisesPage.intro')} extra={extra} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onSearch={(value) => update({ q: value })}
            placeholder={t('enterprisesPage.searchPlaceholder')}
            style={{ width: '100%', maxWidth: 360 }}
            data-testid="enterprise-search"
            loading={isFetching && !!typed}
          />
          <div style={filterWidth}>
            <DivisionCascader value={filters.divisionCode} onChange={(divisionCode) => update({ divisionCode })} placeholder={t('enterprisesPage.filters.division')} testId="filter-division" />
          </div>
          <div style={filterWidth}>
            <IndustryPicker value={filters.industryCode} onChange={(industryCode) => update({ industryCode })} testId="filter-industry" />
          </div>
          <Select
            allowClear
            style={{ width: 180 }}
            value={filters.tag}
            onChange={(tag) => update({ tag })}
            placeholder={t('enterprisesPage.filters.tag')}
            options={enterpriseTags.map((tag) => ({ value: tag, label: t(`enterprisesPage.tags.${tag}`) }))}
            data-testid="filter-tag"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            value={filters.size}
            onChange={(size) => update({ size })}
            placeholder={t('enterprisesPage.filters.size')}
            options={sizeClasses.map((size) => ({ value: size, label: t(`enterprisesPage.sizes.${size}`) }))}
            data-testid="filter-size"
          />
          <Button
            onClick={() => {
              setTyped('');
              setSearch(new URLSearchParams(), { replace: true });
            }}
          >
            {t('enterprisesPage.filters.reset')}
          </Button>
        </Flex>
        <Table<EnterpriseListItem>
          rowKey="id"
          columns={visibleColumns(columns, settings)}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('enterprisesPage.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => (data?.totalExact === false ? t('enterprisesPage.totalAtLeast', { total }) : t('enterprisesPage.total', { total })),
            onChange: (next) => update({}, next),
          }}
        />
      </Card>
    </div>
  );
}
