// The office's 包联 page: every assignment with its state, plan and next visit; assign, end with a reason, see the visits.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { endAssignment, fetchAssignments, relationKeys } from './api.ts';
import { AssignmentModal } from './AssignmentModal.tsx';
import { assignmentState, periodText, planText } from './plan-text.ts';
import { VisitsDrawer } from './VisitsDrawer.tsx';
import './messages.ts';

type Column = ColumnType<AssignmentView> & { secondary?: boolean };
const stateColors = { active: 'green', ended: 'default', upcoming: 'blue', expired: 'orange' } as const;

function EndModal({ assignment, onClose }: { assignment: AssignmentView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string; endOn?: Dayjs | null }>();
  const [error, setError] = useState<unknown>(null);
  const end = useMutation({
    mutationFn: (v: { reason: string; endOn?: Dayjs | null }) => endAssignment(assignment!.id, { reason: v.reason.trim(), endOn: v.endOn ? v.endOn.format('YYYY-MM-DD') : undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relationKeys.all });
      void message.success(t('relations.ended'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });
  return (
    <Modal open={assignment !== null} title={t('relations.end')} onCancel={onClose} onOk={() => form.validateFields().then((v) => end.mutate(v), () => undefined)} confirmLoading={end.isPending} okText={t('common.confirm')} cancelText={t('common.cancel')} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={t('relations.endReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="endOn" label={t('relations.endOn')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AssignmentsPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { settings } = usePreferences();
  const [activeOnly, setActiveOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<AssignmentView | null>(null);
  const [viewing, setViewing] = useState<AssignmentView | null>(null);
  const pageSize = settings.tablePageSize;
  const filters = { page, pageSize, active: activeOnly ? true : undefined };
  const { data, error, isFetching, refetch } = useQuery({ queryKey: relationKeys.list(filters), queryFn: () => fetchAssignments(filters) });
  const today = todayInShanghai();

  const columns: Column[] = [
    { key: 'person', title: t('relations.person'), render: (_, a) => `${a.userName} · ${t(`relations.duty.${a.duty}`)}` },
    { key: 'target', title: t('relations.target'), render: (_, a) => (a.enterpriseName ? a.enterpriseName : `${t('relations.project')}：${a.projectName}`) },
    { key: 'period', title: t('relations.period'), render: (_, a) => periodText(a, t) },
    { key: 'plan', title: t('relations.plan'), secondary: true, render: (_, a) => planText(a, t) },
    {
      key: 'next',
      title: t('relations.nextVisit'),
      render: (_, a) => (a.nextVisitDue ? <Typography.Text type={a.visitOverdue ? 'danger' : undefined}>{a.nextVisitDue}{a.visitOverdue ? ` · ${t('relations.overdue')}` : ''}</Typography.Text> : '—'),
    },
    { key: 'last', title: t('relations.lastVisit'), secondary: true, render: (_, a) => a.lastVisitOn ?? t('relations.neverVisited') },
    {
      key: 'state',
      title: t('common.status'),
      render: (_, a) => {
        const state = assignmentState(a, today);
        return <Tag color={stateColors[state]}>{t(`relations.status.${state}`)}</Tag>;
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, a) => (
        <>
          <Button size="small" type="link" onClick={() => setViewing(a)}>
            {t('relations.visits')} ({a.visitCount})
          </Button>
          {!a.endedAt && (
            <Button size="small" type="link" danger onClick={() => setEnding(a)}>
              {t('relations.end')}
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <div data-testid="page-relation-assignments">
      <PageTitle
        title={tc('nav.relationAssignments')}
        description={t('relations.assignmentsIntro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assignment-create">
            {t('relations.newAssignment')}
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={activeOnly ? 'active' : 'all'}
          onChange={(v) => {
            setActiveOnly(v === 'active');
            setPage(1);
          }}
          options={[{ value: 'active', label: t('relations.filterActive') }, { value: 'all', label: t('relations.all') }]}
        />
        <Table<AssignmentView>
          rowKey="id"
          columns={visibleColumns(columns, settings)}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
      <AssignmentModal open={creating} onClose={() => setCreating(false)} />
      <EndModal assignment={ending} onClose={() => setEnding(null)} />
      <VisitsDrawer assignment={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
