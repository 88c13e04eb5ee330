// The staff page of 企业家绿卡: list with status, issue (number shown formatted), renew, revoke with a reason, link to the public verification.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GreenCardView } from '../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useSession } from '../auth/use-me.ts';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect.tsx';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchGreenCards, formatCardNumber, greenCardKeys, issueGreenCard, renewGreenCard, revokeGreenCard } from './api.ts';
import './messages.ts';

type Column = ColumnType<GreenCardView> & { secondary?: boolean };
export const cardStatusColors = { valid: 'green', not_yet_valid: 'blue', expired: 'orange', revoked: 'red' } as const;

interface IssueValues {
  enterpriseId: string;
  holderName: string;
  holderTitle?: string;
  idCardTail?: string;
  validity: [Dayjs, Dayjs];
}

function IssueModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IssueValues>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const issue = useMutation({
    mutationFn: (v: IssueValues) =>
      issueGreenCard({
        enterpriseId: v.enterpriseId,
        holderName: v.holderName.trim(),
        holderTitle: v.holderTitle?.trim() || undefined,
        idCardTail: v.idCardTail?.trim() || undefined,
        validFrom: v.validity[0].format('YYYY-MM-DD'),
        validUntil: v.validity[1].format('YYYY-MM-DD'),
      }),
    onSuccess: (card) => {
      void queryClient.invalidateQueries({ queryKey: greenCardKeys.all });
      void message.success(t('greenCard.issued', { number: formatCardNumber(card.number) }));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });
  return (
    <Modal open={open} title={t('greenCard.issue')} onCancel={onClose} onOk={() => form.validateFields().then((v) => issue.mutate(v), () => undefined)} confirmLoading={issue.isPending} okText={t('common.create')} cancelText={t('common.cancel')} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ validity: [dayjs(), dayjs().add(3, 'year')] }}>
        <Form.Item name="enterpriseId" label={t('greenCard.enterprise')} rules={[{ required: true, message: t('common.required') }]}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="holderName" label={t('greenCard.holder')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="holderTitle" label={t('greenCard.holderTitle')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="idCardTail" label={t('greenCard.idCardTail')} rules={[{ pattern: /^[0-9]{3}[0-9Xx]$/, message: t('greenCard.idCardTail') }]}>
          <Input maxLength={4} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="validity" label={t('greenCard.validity')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChangeModal({ card, mode, onClose }: { card: GreenCardView | null; mode: 'renew' | 'revoke'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ validUntil?: Dayjs; reason?: string }>();
  const [error, setError] = useState<unknown>(null);
  const change = useMutation({
    mutationFn: (v: { validUntil?: Dayjs; reason?: string }) => (mode === 'renew' ? renewGreenCard(card!.id, v.validUntil!.format('YYYY-MM-DD')) : revokeGreenCard(card!.id, v.reason!.trim())),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: greenCardKeys.all });
      void message.success(t(mode === 'renew' ? 'greenCard.renewed' : 'greenCard.revoked'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });
  return (
    <Modal open={card !== null} title={`${t(`greenCard.${mode}`)} · ${card?.holderName ?? ''}`} onCancel={onClose} onOk={() => form.validateFields().then((v) => change.mutate(v), () => undefined)} confirmLoading={change.isPending} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger: mode === 'revoke' }} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={mode === 'renew' && card ? { validUntil: dayjs(card.validUntil).add(3, 'year') } : {}}>
        {mode === 'renew' ? (
          <Form.Item name="validUntil" label={t('greenCard.newValidUntil')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label={t('greenCard.revokeReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function GreenCardsPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const me = useSession();
  const { settings } = usePreferences();
  const manages = me.abilities.includes('green-card.manage');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [changing, setChanging] = useState<{ card: GreenCardView; mode: 'renew' | 'revoke' } | null>(null);
  const { data, error, isFetching, refetch } = useQuery({ queryKey: greenCardKeys.list(q, status), queryFn: () => fetchGreenCards(q, status) });

  const columns: Column[] = [
    { key: 'number', title: t('greenCard.number'), render: (_, c) => <Typography.Text code copyable={{ text: c.number }}>{formatCardNumber(c.number)}</Typography.Text> },
    { key: 'holder', title: t('greenCard.holder'), render: (_, c) => (c.holderTitle ? `${c.holderName}（${c.holderTitle}）` : c.holderName) },
    { key: 'enterprise', title: t('greenCard.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'idCard', title: t('greenCard.idCard'), secondary: true, render: (_, c) => c.idCardMasked ?? '—' },
    { key: 'validity', title: t('greenCard.validity'), render: (_, c) => `${c.validFrom} ~ ${c.validUntil}` },
    { key: 'status', title: t('common.status'), render: (_, c) => <Tag color={cardStatusColors[c.status]}>{t(`greenCard.status.${c.status}`)}</Tag> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Flex gap={4} wrap>
          <Link to={`/verify/green-card/${c.number}`} target="_blank">
            {t('greenCard.verifyLink')}
          </Link>
          {manages && c.status !== 'revoked' && (
            <>
              <Button size="small" type="link" onClick={() => setChanging({ card: c, mode: 'renew' })}>
                {t('greenCard.renew')}
              </Button>
              <Button size="small" type="link" danger onClick={() => setChanging({ card: c, mode: 'revoke' })}>
                {t('greenCard.revoke')}
              </Button>
            </>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="page-green-cards">
      <PageTitle
        title={tc('nav.greenCards')}
        description={t('greenCard.intro')}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="green-card-issue">
              {t('greenCard.issue')}
            </Button>
          )
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('greenCard.search')} onSearch={setQ} style={{ maxWidth: 320 }} />
          <Select
            value={status}
            onChange={setStatus}
            style={{ width: 140 }}
            options={[{ value: '', label: t('greenCard.allStatuses') }, ...(['valid', 'not_yet_valid', 'expired', 'revoked'] as const).map((s) => ({ value: s, label: t(`greenCard.status.${s}`) }))]}
          />
        </Flex>
        <Table<GreenCardView>
          rowKey="id"
          columns={visibleColumns(columns, settings)}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: settings.tablePageSize, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('greenCard.none') }}
        />
      </Card>
      <IssueModal open={issuing} onClose={() => setIssuing(false)} />
      <ChangeModal card={changing?.card ?? null} mode={changing?.mode ?? 'renew'} onClose={() => setChanging(null)} />
    </div>
  );
}
