// 免申即享 of one policy (/policies/:id/grants): the budget, candidates as of a date, the grants by status with bulk approval within the budget, exclusion, payouts, and per grant the data used.
import { ArrowLeftOutlined, BarChartOutlined, CheckOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Grid, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { grantStatuses, type ApproveGrantsResult, type GrantStatus, type GrantView } from '../../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageSpin } from '../../../components/PageSpin.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { isApiError } from '../../../lib/api.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import { hasAbility, useMe } from '../../auth/use-me.ts';
import { fetchPolicy, policyKeys } from '../api.ts';
import { approveGrants, createCandidates, fetchGrants, fetchLedger, grantKeys } from './api.ts';
import { BudgetCard } from './BudgetCard.tsx';
import { budgetSummary, candidatesThatFit, sumWan, type SelectedCandidate } from './budget.ts';
import { GrantConditions } from './GrantConditions.tsx';
import { ExcludeGrantModal, PayoutModal } from './GrantModals.tsx';
import './messages.ts';

const PAGE_SIZE = 50;
/** The approval result names this many of those left as candidates; the table shows every reason. */
const LISTED_LEFT = 10;
const statusColor: Record<GrantStatus, string> = { candidate: 'processing', approved: 'cyan', excluded: 'default', paid: 'success' };

export default function PolicyGrantsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const policy = useQuery({ queryKey: policyKeys.detail(id), queryFn: () => fetchPolicy(id), retry: (count, e) => !(isApiError(e) && e.status === 404) && count < 2 });
  const back = (
    <Link to={`/policies/${id}`}>
      <Button icon={<ArrowLeftOutlined />} type="link" style={{ paddingInline: 0 }} data-testid="grants-back">
        {t('grantsPage.back')}
      </Button>
    </Link>
  );
  if (policy.isLoading) return <PageSpin />;
  if (isApiError(policy.error) && policy.error.status === 404) return <Result status="404" title={t('grantsPage.notFound')} extra={back} />;
  if (!policy.data) return <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />;
  const { data } = policy;
  return (
    <div data-testid="page-policy-grants">
      {back}
      <PageTitle
        title={t('grantsPage.title')}
        description={`${data.title} · ${data.documentNumber}`}
        extra={
          <Link to="/policy-payouts">
            <Button icon={<BarChartOutlined />} data-testid="grants-to-ledger">
              {t('grantsPage.toLedger')}
            </Button>
          </Link>
        }
      />
      {data.mode === 'automatic' ? (
        <PolicyGrants policyId={data.id} canGrant={hasAbility(me, 'policy.grant')} />
      ) : (
        <Alert type="info" showIcon title={t('grantsPage.notAutomatic')} data-testid="grants-not-automatic" />
      )}
    </div>
  );
}

export function PolicyGrants({ policyId, canGrant }: { policyId: string; canGrant: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().md === true;
  const [status, setStatus] = useState<GrantStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<SelectedCandidate[]>([]);
  const [approval, setApproval] = useState<ApproveGrantsResult | null>(null);
  const [excluding, setExcluding] = useState<GrantView | null>(null);
  const [paying, setPaying] = useState<GrantView | null>(null);

  const grants = useQuery({ queryKey: grantKeys.list(policyId, status, page, PAGE_SIZE), queryFn: () => fetchGrants(policyId, status, page, PAGE_SIZE), placeholderData: keepPreviousData });
  // What has been paid comes from the ledger (all dates); the grant list gives approved + paid together.
  const ledger = useQuery({ queryKey: grantKeys.ledger({ groupBy: 'policy' }), queryFn: () => fetchLedger({ groupBy: 'policy' }) });
  const paid = ledger.data?.groups.find((g) => g.key === policyId)?.total ?? '0';
  const summary = grants.data && ledger.data ? budgetSummary(grants.data.budget, grants.data.committed, paid) : undefined;

  const refresh = () => queryClient.invalidateQueries({ queryKey: grantKeys.all });
  const approve = useMutation({
    mutationFn: (ids: string[]) => approveGrants(policyId, ids),
    onSuccess: (result) => {
      setApproval(result);
      setSelected([]);
      void refresh();
    },
  });

  const leftReason = useMemo(() => new Map((approval?.refused ?? []).map((r) => [r.grantId, r.reason])), [approval]);
  const fit = candidatesThatFit(selected, grants.data?.remaining ?? null);
  const selectedAmount = sumWan(selected.map((s) => s.amount));

  const columns: ColumnsType<GrantView> = [
    { key: 'rank', title: t('grantsPage.columns.rank'), dataIndex: 'rank', width: 72 },
    {
      key: 'enterprise',
      title: t('grantsPage.columns.enterprise'),
      render: (_, g) => (
        <Flex vertical>
          <Link to={`/enterprises/${g.uscc}`}>{g.name}</Link>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: '0.85em' }}>
            {g.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'amount', title: t('grantsPage.columns.amount'), align: 'right', render: (_, g) => <span data-testid={`grant-amount-${g.rank}`}>{g.amount}</span> },
    {
      key: 'status',
      title: t('grantsPage.columns.status'),
      render: (_, g) => (
        <Tag color={statusColor[g.status]} data-testid={`grant-status-${g.rank}`} data-status={g.status}>
          {t(`grantsPage.statuses.${g.status}`)}
        </Tag>
      ),
    },
    {
      key: 'version',
      title: t('grantsPage.columns.version'),
      render: (_, g) => (
        <Flex vertical>
          <span>{t('grantsPage.version', { version: g.version })}</span>
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {t('grantsPage.asOfNote', { asOf: g.asOf })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'reason',
      title: t('grantsPage.columns.reason'),
      // Reasons and voucher references wrap, so the actions stay in view.
      onCell: () => ({ style: { minWidth: 160, maxWidth: 280, whiteSpace: 'normal' } }),
      render: (_, g) =>
        g.status === 'excluded' ? (
          g.excludeReason
        ) : g.payout ? (
          t('grantsPage.paidInfo', { paidOn: g.payout.paidOn, reference: g.payout.reference })
        ) : g.status === 'candidate' && leftReason.has(g.id) ? (
          <Typography.Text type="warning" data-testid={`grant-left-${g.rank}`}>
            {leftReason.get(g.id)}
          </Typography.Text>
        ) : null,
    },
    ...(canGrant
      ? [
          {
            key: 'actions',
            title: t('grantsPage.columns.actions'),
            // On a phone the table scrolls as a whole; a fixed column would cover the enterprise.
            fixed: wide ? ('right' as const) : undefined,
            render: (_: unknown, g: GrantView) => (
              <Space size={4} wrap>
                {g.status === 'approved' && (
                  <Button size="small" type="primary" onClick={() => setPaying(g)} data-testid={`grant-payout-${g.rank}`}>
                    {t('grantsPage.payout.button')}
                  </Button>
                )}
                {(g.status === 'candidate' || g.status === 'approved') && (
                  <Button size="small" danger onClick={() => setExcluding(g)} data-testid={`grant-exclude-${g.rank}`}>
                    {t('grantsPage.exclude.button')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <BudgetCard summary={summary} loading={!summary && (grants.isLoading || ledger.isLoading)} />
      {canGrant && <CandidatesCard policyId={policyId} onCreated={() => void refresh()} />}
      <Card data-testid="grants-list">
        <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
          <Segmented<GrantStatus | 'all'>
            value={status ?? 'all'}
            onChange={(value) => {
              setStatus(value === 'all' ? undefined : value);
              setPage(1);
            }}
            options={(['all', ...grantStatuses] as const).map((value) => ({ value, label: <span data-testid={`grants-filter-${value}`}>{t(`grantsPage.statuses.${value}`)}</span> }))}
          />
          {grants.data && <Typography.Text type="secondary">{t('grantsPage.total', { total: grants.data.total })}</Typography.Text>}
        </Flex>
        {canGrant && (
          <ApprovalBar
            selected={selected.length}
            fit={fit.fit.length}
            amount={selectedAmount}
            hasBudget={grants.data?.budget != null}
            pending={approve.isPending}
            onApprove={() => approve.mutate([...selected].sort((a, b) => a.rank - b.rank).map((s) => s.id))}
            onClear={() => setSelected([])}
          />
        )}
        <ErrorAlert error={grants.error ?? ledger.error ?? approve.error} />
        {approval && <ApprovalResult result={approval} hasBudget={grants.data?.budget != null} onClose={() => setApproval(null)} />}
        <Table<GrantView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={grants.data?.items ?? []}
          loading={grants.isFetching}
          scroll={{ x: 'max-content' }}
          rowClassName={(g) => `grant-row grant-row-${g.status}`}
          expandable={{ expandedRowRender: (g) => <GrantConditions grant={g} /> }}
          rowSelection={
            canGrant
              ? {
                  preserveSelectedRowKeys: true,
                  selectedRowKeys: selected.map((s) => s.id),
                  onChange: (_, rows) => setSelected(rows.filter(Boolean).map((g) => ({ id: g.id, rank: g.rank, amount: g.amount }))),
                  getCheckboxProps: (g) => ({ disabled: g.status !== 'candidate', name: `grant-${g.rank}` }),
                }
              : undefined
          }
          locale={{ emptyText: status ? t('grantsPage.emptyStatus') : t('grantsPage.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: grants.data?.total ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        />
      </Card>
      <ExcludeGrantModal
        policyId={policyId}
        grant={excluding}
        onClose={() => setExcluding(null)}
        onDone={() => {
          setExcluding(null);
          setSelected((rows) => rows.filter((s) => s.id !== excluding?.id));
          void refresh();
        }}
      />
      <PayoutModal
        policyId={policyId}
        grant={paying}
        onClose={() => setPaying(null)}
        onDone={() => {
          setPaying(null);
          void refresh();
        }}
      />
    </>
  );
}

function CandidatesCard({ policyId, onCreated }: { policyId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const create = useMutation({ mutationFn: () => createCandidates(policyId, asOf), onSuccess: onCreated });
  return (
    <Card title={t('grantsPage.candidates.title')} size="small" style={{ marginBottom: 16 }} data-testid="grants-candidates">
      <Flex gap={12} align="center" wrap>
        <span>{t('grantsPage.candidates.asOf')}</span>
        <DatePicker
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          placeholder={t('grantsPage.candidates.today')}
          disabledDate={(d) => d.isAfter(dayjs(todayInShanghai()), 'day')}
          data-testid="candidates-as-of"
        />
        <Button type="primary" icon={<ThunderboltOutlined />} loading={create.isPending} onClick={() => create.mutate()} data-testid="candidates-generate">
          {t('grantsPage.candidates.generate')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('grantsPage.candidates.hint')}
      </Typography.Paragraph>
      <ErrorAlert error={create.error} />
      {create.data && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('grantsPage.candidates.result', create.data)} data-testid="candidates-result" />}
    </Card>
  );
}

interface ApprovalBarProps {
  selected: number;
  fit: number;
  amount: string;
  hasBudget: boolean;
  pending: boolean;
  onApprove: () => void;
  onClear: () => void;
}

function ApprovalBar({ selected, fit, amount, hasBudget, pending, onApprove, onClear }: ApprovalBarProps) {
  const { t } = useTranslation();
  const summary = !hasBudget
    ? t('grantsPage.approve.noBudget', { selected, amount })
    : fit === selected
      ? t('grantsPage.approve.fitsAll', { selected, amount })
      : t('grantsPage.approve.fits', { selected, amount, fit });
  return (
    <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
      <Button type="primary" icon={<CheckOutlined />} disabled={selected === 0 || fit === 0} loading={pending} onClick={onApprove} data-testid="grants-approve">
        {t('grantsPage.approve.button', { count: fit })}
      </Button>
      {selected > 0 ? (
        <>
          <Typography.Text type={fit < selected ? 'warning' : undefined} data-testid="grants-approve-fit" data-fit={fit} data-selected={selected}>
            {summary}
          </Typography.Text>
          <Button type="link" size="small" onClick={onClear}>
            {t('grantsPage.approve.clear')}
          </Button>
        </>
      ) : (
        <Typography.Text type="secondary">{t('grantsPage.approve.selectHint')}</Typography.Text>
      )}
    </Flex>
  );
}

function ApprovalResult({ result, hasBudget, onClose }: { result: ApproveGrantsResult; hasBudget: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const done = hasBudget && result.remaining !== null ? t('grantsPage.approve.done', { approved: result.approved, remaining: result.remaining }) : t('grantsPage.approve.doneNoBudget', { approved: result.approved });
  return (
    <Alert
      type={result.refused.length ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      data-testid="grants-approve-result"
      title={done}
      description={
        result.refused.length > 0 && (
          <>
            <div>{t('grantsPage.approve.left', { count: result.refused.length })}</div>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.refused.slice(0, LISTED_LEFT).map((r) => (
                <li key={r.grantId}>{t('grantsPage.approve.leftReason', { uscc: r.uscc, amount: r.amount, reason: r.reason })}</li>
              ))}
            </ul>
            {result.refused.length > LISTED_LEFT && <div>{t('grantsPage.approve.more', { count: result.refused.length - LISTED_LEFT })}</div>}
          </>
        )
      }
    />
  );
}
