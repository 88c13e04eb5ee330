// The user administration page (用户管理): search, role filter, paged table, create, edit, reset, unlock.
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles as allRoles, type Role } from '../../../shared/roles.ts';
import type { UserView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { OrgUnitTreeSelect } from '../org/OrgUnitTreeSelect.tsx';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchUsers, unlockUser, userKeys, type UserListParams } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal, type UserFormTarget } from './UserFormModal.tsx';

type Column = ColumnType<UserView> & { secondary?: boolean };

export default function UsersPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { message } = App.useApp();
  const { locale, settings } = usePreferences();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<{ q?: string; role?: Role; orgUnitId?: string }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const effectivePageSize = settings.careMode ? settings.tablePageSize : (pageSize ?? settings.tablePageSize);
  const params: UserListParams = { ...filters, page, pageSize: effectivePageSize };
  const { data, isFetching, error, refetch } = useQuery({ queryKey: userKeys.list(params), queryFn: () => fetchUsers(params), placeholderData: keepPreviousData });

  const unlock = useMutation({
    mutationFn: (user: UserView) => unlockUser(user.id),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(t('users.unlocked', { name: user.displayName }));
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  const setFilter = (changes: Partial<typeof filters>) => {
    setFilters((current) => ({ ...current, ...changes }));
    setPage(1);
  };

  const columns: Column[] = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', secondary: true },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((role) => (
            <Tag key={role}>{t(`roles.${role}`)}</Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'unit', title: t('users.unitOrEnterprise'), render: (_, user) => user.enterpriseName ?? user.orgUnitName ?? '—' },
    {
      key: 'status',
      title: t('common.status'),
      secondary: true,
      render: (_, user) => (
        <Flex gap={4} wrap>
          {user.status === 'active' ? <Tag color="green">{t('users.statusActive')}</Tag> : <Tag>{t('users.statusDisabled')}</Tag>}
          {user.lockedUntil && (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil, locale) })}>
              <Tag color="red" icon={<LockOutlined />}>
                {t('users.locked')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { key: 'lastLoginAt', title: t('users.lastLogin'), secondary: true, render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('users.never')) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Flex gap={4} wrap>
          <Button size="small" type="link" onClick={() => setFormTarget({ mode: 'edit', user })} data-testid={`user-edit-${user.username}`}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
          {user.lockedUntil && (
            <Popconfirm title={t('users.unlockConfirm', { name: user.displayName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => unlock.mutate(user)}>
              <Button size="small" type="link">
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="page-users">
      <PageTitle
        title={tc('nav.users')}
        description={t('users.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="user-create">
            {t('users.newUser')}
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('users.searchPlaceholder')} onSearch={(q) => setFilter({ q: q.trim() || undefined })} style={{ width: 260 }} data-testid="user-search" />
          <Select
            allowClear
            placeholder={t('users.roleFilter')}
            value={filters.role}
            onChange={(role?: Role) => setFilter({ role })}
            options={allRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            style={{ width: 180 }}
          />
          {settings.showSecondary && (
            <div style={{ width: 240 }}>
              <OrgUnitTreeSelect value={filters.orgUnitId ?? null} onChange={(orgUnitId) => setFilter({ orgUnitId: orgUnitId ?? undefined })} />
            </div>
          )}
        </Flex>
        <Table<UserView>
          rowKey="id"
          columns={visibleColumns(columns, settings)}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: effectivePageSize,
            total: data?.total ?? 0,
            showSizeChanger: !settings.careMode,
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== effectivePageSize ? 1 : nextPage);
              if (!settings.careMode) setPageSize(nextSize);
            },
          }}
        />
      </Card>
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
