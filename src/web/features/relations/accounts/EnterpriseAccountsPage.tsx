// Enterprise accounts: the office verifies claims (approve / send back with a reason) and looks up an enterprise's accounts; an enterprise sees its accounts, and its 法人 account decides staff requests and adds staff.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRequestView, MemberView } from '../../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { errorMessage } from '../../../lib/error-message.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../auth/use-me.ts';
import { EnterpriseSelect } from '../../enterprises/EnterpriseSelect.tsx';
import { usePreferences } from '../../preferences/PreferencesProvider.tsx';
import { useCareText } from '../../preferences/use-care-text.ts';
import { accountKeys, approveRequest, fetchAccountRequests, fetchMembers, fetchMyAccount, inviteMember, rejectRequest } from './api.ts';
import '../messages.ts';

const statusColors = { pending: 'blue', approved: 'green', rejected: 'red' } as const;

function InviteModal({ open, enterpriseId, onClose }: { open: boolean; enterpriseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ username: string; displayName: string; password: string; phone?: string }>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const invite = useMutation({
    mutationFn: (v: { username: string; displayName: string; password: string; phone?: string }) => inviteMember({ ...v, phone: v.phone || undefined, enterpriseId: enterpriseId ?? undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
      void message.success(t('enterpriseAccounts.invited'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });
  return (
    <Modal open={open} title={t('enterpriseAccounts.invite')} onCancel={onClose} onOk={() => form.validateFields().then((v) => invite.mutate(v), () => undefined)} confirmLoading={invite.isPending} okText={t('common.create')} cancelText={t('common.cancel')} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="username" label={t('enterpriseAccounts.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('enterpriseAccounts.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('enterpriseAccounts.password')} rules={[{ required: true, min: 10, message: t('enterpriseAccounts.password') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label={t('enterpriseAccounts.phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestsTable({ status }: { status: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { locale, settings } = usePreferences();
  const queryClient = useQueryClient();
  const { data, error, isFetching, refetch } = useQuery({ queryKey: accountKeys.requests(status), queryFn: () => fetchAccountRequests(status) });
  const done = (key: string) => () => {
    void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    void message.success(t(key));
  };
  const approve = useMutation({ mutationFn: (r: AccountRequestView) => approveRequest(r.id), onSuccess: done('enterpriseAccounts.approved'), onError: (f) => void message.error(errorMessage(f, t)) });
  const reject = useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => rejectRequest(id, reason), onSuccess: done('enterpriseAccounts.rejected'), onError: (f) => void message.error(errorMessage(f, t)) });
  const askReason = (r: AccountRequestView) => {
    let reason = '';
    void modal.confirm({
      title: t('enterpriseAccounts.rejectTitle'),
      content: <Input.TextArea rows={2} maxLength={500} placeholder={t('enterpriseAccounts.reason')} onChange={(e) => (reason = e.target.value)} />,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => (reason.trim() ? reject.mutateAsync({ id: r.id, reason: reason.trim() }) : Promise.reject(new Error('reason'))),
    });
  };
  return (
    <>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<AccountRequestView>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: settings.tablePageSize, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('enterpriseAccounts.noRequests') }}
        columns={[
          { key: 'enterprise', title: t('enterpriseAccounts.enterprise'), render: (_, r) => `${r.enterpriseName}（${r.uscc}）` },
          { key: 'who', title: t('enterpriseAccounts.displayName'), render: (_, r) => `${r.displayName}（${r.username}）${r.phoneMasked ? ` · ${r.phoneMasked}` : ''}` },
          { key: 'kind', title: t('enterpriseAccounts.kindColumn'), render: (_, r) => t(`enterpriseAccounts.kinds.${r.kind}`) },
          { key: 'created', title: t('enterpriseAccounts.createdAt'), render: (_, r) => formatDateTime(r.createdAt, locale) },
          { key: 'status', title: t('common.status'), render: (_, r) => <Tag color={statusColors[r.status]}>{t(`enterpriseAccounts.statuses.${r.status}`)}</Tag> },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => approve.mutate(r)} loading={approve.isPending} data-testid="account-approve">
                    {t('enterpriseAccounts.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => askReason(r)}>
                    {t('enterpriseAccounts.reject')}
                  </Button>
                </Space>
              ) : (
                r.rejectReason ?? null
              ),
          },
        ]}
      />
    </>
  );
}

function MembersTable({ enterpriseId }: { enterpriseId: string | null }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { data, error, isFetching } = useQuery({ queryKey: accountKeys.members(enterpriseId), queryFn: () => fetchMembers(enterpriseId) });
  return (
    <>
      <ErrorAlert error={error} />
      <Table<MemberView>
        rowKey="userId"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { key: 'who', title: t('enterpriseAccounts.displayName'), render: (_, m) => `${m.displayName}（${m.username}）` },
          { key: 'kind', title: t('enterpriseAccounts.kindColumn'), render: (_, m) => t(`enterpriseAccounts.kinds.${m.kind}`) },
          { key: 'status', title: t('common.status'), render: (_, m) => (m.status === 'active' ? t('common.active') : t('common.inactive')) },
          { key: 'verified', title: t('enterpriseAccounts.approved'), render: (_, m) => formatDateTime(m.verifiedAt, locale) },
        ]}
      />
    </>
  );
}

export default function EnterpriseAccountsPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const office = me.abilities.includes('enterprise-account.verify');
  const [status, setStatus] = useState('pending');
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const mine = useQuery({ queryKey: accountKeys.me, queryFn: fetchMyAccount, enabled: !office });
  const isLegalRepresentative = mine.data?.kind === 'legal_representative';
  const canInvite = office ? enterpriseId !== null : isLegalRepresentative;

  return (
    <div data-testid="page-enterprise-accounts">
      <PageTitle
        title={tc('nav.enterpriseAccounts')}
        description={office ? t('enterpriseAccounts.officeIntro') : t('enterpriseAccounts.enterpriseIntro')}
        extra={
          canInvite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>
              {t('enterpriseAccounts.invite')}
            </Button>
          )
        }
      />
      {(office || isLegalRepresentative) && (
        <Card title={t('enterpriseAccounts.requests')} style={{ marginBottom: 16 }}>
          <Segmented
            style={{ marginBottom: 12 }}
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[...(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`enterpriseAccounts.statuses.${s}`) })), { value: '', label: t('relations.all') }]}
          />
          <RequestsTable status={status} />
        </Card>
      )}
      {!office && mine.data && !isLegalRepresentative && <Alert type="info" showIcon title={t('enterpriseAccounts.notLegalRepresentative')} style={{ marginBottom: 16 }} />}
      <Card title={office ? t('enterpriseAccounts.enterprise') : `${t('enterpriseAccounts.members')} · ${mine.data?.enterpriseName ?? ''}`}>
        {office && (
          <div style={{ maxWidth: 480, marginBottom: 12 }}>
            <EnterpriseSelect value={enterpriseId} onChange={setEnterpriseId} />
          </div>
        )}
        {office && !enterpriseId ? <Alert type="info" title={t('enterpriseAccounts.chooseEnterprise')} /> : <MembersTable enterpriseId={office ? enterpriseId : null} />}
      </Card>
      <InviteModal open={inviting} enterpriseId={office ? enterpriseId : null} onClose={() => setInviting(false)} />
    </div>
  );
}
