// The personal API tokens page (API 令牌): list with status, create (secret shown once), revoke.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchApiTokens, revokeApiToken, tokenKeys } from './api.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { tokenStatus } from './token-status.ts';

type Column = ColumnType<ApiTokenView> & { secondary?: boolean };
const statusColors = { active: 'green', expired: 'orange', revoked: 'default' } as const;

export default function ApiTokensPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { message } = App.useApp();
  const { locale, settings } = usePreferences();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error, refetch } = useQuery({ queryKey: tokenKeys.list, queryFn: fetchApiTokens });

  const revoke = useMutation({
    mutationFn: (token: ApiTokenView) => revokeApiToken(token.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokenKeys.list });
      void message.success(t('tokens.revoked'));
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  const when = (iso: string | null, empty: string) => (iso ? formatDateTime(iso, locale) : empty);
  const columns: Column[] = [
    { key: 'name', title: t('tokens.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('tokens.prefix'), secondary: true, render: (_, token) => <Typography.Text code>{token.prefix}…</Typography.Text> },
    { key: 'createdAt', title: t('tokens.createdAt'), secondary: true, render: (_, token) => when(token.createdAt, '—') },
    { key: 'lastUsedAt', title: t('tokens.lastUsed'), secondary: true, render: (_, token) => when(token.lastUsedAt, t('tokens.neverUsed')) },
    { key: 'expiresAt', title: t('tokens.expiresAt'), render: (_, token) => when(token.expiresAt, t('tokens.noExpiry')) },
    {
      key: 'status',
      title: t('common.status'),
      render: (_, token) => {
        const status = tokenStatus(token);
        return <Tag color={statusColors[status]}>{t(`tokens.status.${status}`)}</Tag>;
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm title={t('tokens.revokeConfirm', { name: token.name })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => revoke.mutate(token)}>
            <Button size="small" type="link" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div data-testid="page-tokens">
      <PageTitle
        title={tc('nav.tokens')}
        description={t('tokens.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.newToken')}
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <Table<ApiTokenView>
          rowKey="id"
          columns={visibleColumns(columns, settings)}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: settings.tablePageSize, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('tokens.none') }}
        />
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
