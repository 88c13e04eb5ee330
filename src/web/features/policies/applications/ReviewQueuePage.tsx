// 申报审核 (/policy-applications): every application for reviewers (leader and supervisor read only), nearest review deadline first, with the appeals' green / amber / red countdown and filters by status, policy and overdue kept in the URL.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Grid, Select, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { CountdownTag } from '../../appeals/CountdownTag.tsx';
import { useNow, useWorkingDays } from '../../appeals/use-clock-context.ts';
import { useSession } from '../../auth/use-me.ts';
import { usePreferences } from '../../preferences/PreferencesProvider.tsx';
import { fetchPolicies, policyKeys } from '../api.ts';
import { applicationKeys, applicationStatuses, fetchApplications, type ApplicationFilters, type ApplicationStatus, type PolicyApplication } from './api.ts';
import { reviewCountdown } from './application-rules.ts';
import { ApplicationCards } from './ApplicationCards.tsx';
import { ApplicationStatusTag } from './ApplicationStatusTag.tsx';
import './messages.ts';

export function filtersFromSearch(search: URLSearchParams): { filters: ApplicationFilters; page: number } {
  const status = search.get('status');
  return {
    filters: {
      status: applicationStatuses.includes(status as ApplicationStatus) ? (status as ApplicationStatus) : undefined,
      policyId: search.get('policyId') || undefined,
      overdue: search.get('overdue') === 'true' || undefined,
    },
    page: Math.max(1, Number(search.get('page')) || 1),
  };
}

function searchFrom(filters: ApplicationFilters, page: number): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.policyId) search.set('policyId', filters.policyId);
  if (filters.overdue) search.set('overdue', 'true');
  if (page > 1) search.set('page', String(page));
  return search;
}

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useSession();
  const { locale, settings } = usePreferences();
  const screens = Grid.useBreakpoint();
  const now = useNow();
  const isWorkingDay = useWorkingDays();
  const [search, setSearch] = useSearchParams();
  const { filters, page } = useMemo(() => filtersFromSearch(search), [search]);
  const pageSize = settings.tablePageSize;
  const { data, error, isFetching, isPending, isPlaceholderData, refetch } = useQuery({
    queryKey: applicationKeys.list(filters, page, pageSize),
    queryFn: () => fetchApplications(filters, page, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const policies = useQuery({ queryKey: policyKeys.list({ mode: 'application' }, 1, 100), queryFn: () => fetchPolicies({ mode: 'application' }, 1, 100), staleTime: 300_000 });
  const update = (changes: Partial<ApplicationFilters>, nextPage = 1) => setSearch(searchFrom({ ...filters, ...changes }, nextPage), { replace: true });
  const countdownOf = (item: PolicyApplication) => reviewCountdown(item, now, isWorkingDay);
  const items = data?.items ?? [];
  const readOnly = !me.abilities.includes('policy.review');

  const filterBar = (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="application-filters">
      <Select
        allowClear
        style={{ minWidth: 140 }}
        placeholder={t('policyApplications.queue.allStatuses')}
        value={filters.status}
        onChange={(status?: ApplicationStatus) => update({ status })}
        options={applicationStatuses.map((s) => ({ value: s, label: t(`policyApplications.statuses.${s}`) }))}
        data-testid="filter-application-status"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 200, maxWidth: '100%' }}
        placeholder={t('policyApplications.queue.allPolicies')}
        value={filters.policyId}
        loading={policies.isLoading}
        onChange={(policyId?: string) => update({ policyId })}
        options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        data-testid="filter-application-policy"
      />
      <Checkbox checked={!!filters.overdue} onChange={(e) => update({ overdue: e.target.checked || undefined })} data-testid="filter-application-overdue">
        {t('policyApplications.queue.overdueOnly')}
      </Checkbox>
      <Button onClick={() => setSearch(new URLSearchParams(), { replace: true })}>{t('policyApplications.queue.reset')}</Button>
    </Flex>
  );

  return (
    <div data-testid="page-application-review">
      <PageTitle title={t('policyApplications.queue.title')} description={t('policyApplications.queue.intro')} />
      {readOnly && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('policyApplications.queue.readOnly')} />}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card styles={{ body: { padding: screens.md ? undefined : 12 } }}>
        {filterBar}
        {screens.md ? (
          <Table<PolicyApplication>
            rowKey="id"
            dataSource={items}
            loading={isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('policyApplications.queue.empty') }}
            onRow={(item) => ({ 'data-testid': `application-tr-${item.number}` }) as never}
            columns={[
              {
                key: 'policy',
                title: t('policyApplications.fields.policy'),
                render: (_, item) => (
                  <Flex vertical gap={2} style={{ minWidth: 200, maxWidth: 360 }}>
                    <Link to={`/policy-applications/${item.id}`} data-testid={`application-row-${item.number}`}>
                      {item.policyTitle}
                    </Link>
                    <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: '0.85em' }}>{item.number}</span>
                  </Flex>
                ),
              },
              { key: 'enterprise', title: t('policyApplications.fields.enterprise'), render: (_, item) => item.enterprise.name },
              { key: 'status', title: t('policyApplications.fields.status'), render: (_, item) => <ApplicationStatusTag status={item.status} /> },
              { key: 'deadline', title: t('policyApplications.fields.deadline'), render: (_, item) => <CountdownTag countdown={countdownOf(item)} showClock={false} /> },
              { key: 'submittedAt', title: t('policyApplications.fields.submittedAt'), render: (_, item) => formatDateTime(item.submittedAt, locale) },
              { key: 'amount', title: t('policyApplications.fields.amount'), align: 'right', render: (_, item) => item.amount ?? '—' },
            ]}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('policyApplications.queue.total', { total }),
              onChange: (next) => update({}, next),
            }}
          />
        ) : (
          <ApplicationCards
            items={items}
            loading={isPending || isPlaceholderData}
            linkOf={(item) => `/policy-applications/${item.id}`}
            countdownOf={countdownOf}
            showEnterprise
            emptyText={t('policyApplications.queue.empty')}
            page={page}
            pageSize={pageSize}
            total={data?.total ?? 0}
            onPage={(next) => update({}, next)}
          />
        )}
      </Card>
    </div>
  );
}
