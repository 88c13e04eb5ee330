// 政策库 for staff: published policies (and drafts for policy officers), searchable by title or 文号, filtered by status and mode; a new policy for those who write them.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { policyModes, policyStatuses, type PolicyListItem, type PolicyMode, type PolicyStatus } from '../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchPolicies, policyKeys, type PolicyFilters } from './api.ts';
import { periodText } from './policy-format.ts';
import { useDebounced } from './use-rule-check.ts';
import './messages.ts';

const statusColor: Record<PolicyStatus, string> = { draft: 'default', published: 'green', withdrawn: 'red' };
const modeColor: Record<PolicyMode, string> = { automatic: 'gold', application: 'blue', information: 'default' };

export default function PolicyListPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const { settings } = usePreferences();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [status, setStatus] = useState<PolicyStatus | undefined>();
  const [mode, setMode] = useState<PolicyMode | undefined>();
  const [page, setPage] = useState(1);
  const filters: PolicyFilters = { q, status, mode };
  const pageSize = settings.tablePageSize;
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: policyKeys.list(filters, page, pageSize),
    queryFn: () => fetchPolicies(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const canEdit = me.abilities.includes('policy.edit');
  return (
    <div data-testid="page-policies">
      <PageTitle
        title={tc('policiesPage.title')}
        description={t('policiesPage.intro')}
        extra={
          canEdit && (
            <Link to="/policies/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="policy-new">
                {t('policiesPage.create')}
              </Button>
            </Link>
          )
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setPage(1);
            }}
            placeholder={t('policiesPage.searchPlaceholder')}
            style={{ width: '100%', maxWidth: 360 }}
            data-testid="policy-search"
          />
          {canEdit && (
            <Select
              allowClear
              style={{ width: 140 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              placeholder={t('policiesPage.filters.status')}
              options={policyStatuses.map((s) => ({ value: s, label: t(`policiesPage.statuses.${s}`) }))}
              data-testid="policy-filter-status"
            />
          )}
          <Select
            allowClear
            style={{ width: 160 }}
            value={mode}
            onChange={(v) => {
              setMode(v);
              setPage(1);
            }}
            placeholder={t('policiesPage.filters.mode')}
            options={policyModes.map((m) => ({ value: m, label: t(`policiesPage.modes.${m}`) }))}
            data-testid="policy-filter-mode"
          />
        </Flex>
        <Table<PolicyListItem>
          rowKey="id"
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('policiesPage.empty') }}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('policiesPage.total', { total }) }}
          columns={[
            {
              key: 'title',
              title: t('policiesPage.fields.title'),
              render: (_, item) => (
                <Flex vertical gap={2} style={{ minWidth: 240, maxWidth: 420 }}>
                  <Link to={`/policies/${item.id}`} data-testid={`policy-row-${item.id}`}>
                    {item.title}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                    {item.documentNumber}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'department', title: t('policiesPage.fields.issuingDepartment'), render: (_, item) => item.issuingDepartment },
            { key: 'mode', title: t('policiesPage.fields.mode'), render: (_, item) => <Tag color={modeColor[item.mode]}>{t(`policiesPage.modes.${item.mode}`)}</Tag> },
            {
              key: 'status',
              title: t('policiesPage.fields.status'),
              render: (_, item) => (
                <Tag color={statusColor[item.status]}>
                  {t(`policiesPage.statuses.${item.status}`)}
                  {item.currentVersion != null ? ` · ${t('policiesPage.version', { version: item.currentVersion })}` : ''}
                </Tag>
              ),
            },
            { key: 'period', title: t('policiesPage.fields.period'), render: (_, item) => periodText(item.effectiveFrom, item.effectiveUntil, t) },
          ]}
        />
      </Card>
    </div>
  );
}
