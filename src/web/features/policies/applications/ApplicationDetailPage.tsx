// One application (/my/applications/:id for the enterprise, /policy-applications/:id for reviewers): status, review deadline countdown, decision, the form snapshot, eligibility at submission, materials, and the buttons its `abilities` allow.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Grid, Popconfirm, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageSpin } from '../../../components/PageSpin.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { CountdownTag } from '../../appeals/CountdownTag.tsx';
import { useNow, useWorkingDays } from '../../appeals/use-clock-context.ts';
import { usePreferences } from '../../preferences/PreferencesProvider.tsx';
import { applicationKeys, fetchApplication, withdrawApplication, type ApplicationAbility, type PolicyApplication } from './api.ts';
import { reviewCountdown } from './application-rules.ts';
import { ApplicationAttachments } from './ApplicationAttachments.tsx';
import { ApplicationStatusTag } from './ApplicationStatusTag.tsx';
import { DecisionModal, type Decision } from './DecisionModal.tsx';
import { EligibilityList } from './EligibilityList.tsx';
import { EnterpriseSnapshotView } from './EnterpriseSnapshotView.tsx';
import './messages.ts';

export default function ApplicationDetailPage({ backTo }: { backTo: '/my/applications' | '/policy-applications' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useQuery({ queryKey: applicationKeys.detail(id), queryFn: () => fetchApplication(id) });
  if (isApiError(error) && (error.status === 404 || error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('policyApplications.detail.notFound')}
        data-testid="application-not-found"
        extra={
          <Link to={backTo}>
            <Button type="primary">{t('policyApplications.detail.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (isPending || !data) return <PageSpin />;
  return <ApplicationDetail application={data} backTo={backTo} />;
}

export function ApplicationDetail({ application, backTo }: { application: PolicyApplication; backTo: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = usePreferences();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const now = useNow();
  const isWorkingDay = useWorkingDays();
  const [decision, setDecision] = useState<Decision | null>(null);
  const can = (ability: ApplicationAbility) => application.abilities.includes(ability);
  const countdown = reviewCountdown(application, now, isWorkingDay);
  const size = screens.md ? undefined : ('large' as const);
  // The approve dialog starts from the benefit the enterprise was shown when it applied (computed by the server).
  const estimate = application.form.estimatedAmount;

  const withdraw = useMutation({
    mutationFn: () => withdrawApplication(application.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), updated);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void message.success(t('policyApplications.detail.withdrawn'));
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  const actions = (can('approve') || can('reject') || can('withdraw')) && (
    <Flex gap={8} wrap data-testid="application-actions">
      {can('approve') && (
        <Button type="primary" size={size} onClick={() => setDecision('approve')} data-testid="application-approve">
          {t('policyApplications.actions.approve')}
        </Button>
      )}
      {can('reject') && (
        <Button danger size={size} onClick={() => setDecision('reject')} data-testid="application-reject">
          {t('policyApplications.actions.reject')}
        </Button>
      )}
      {can('withdraw') && (
        <Popconfirm title={t('policyApplications.detail.withdrawConfirm')} onConfirm={() => withdraw.mutate()} okButtonProps={{ 'data-testid': 'application-withdraw-confirm' } as never}>
          <Button size={size} loading={withdraw.isPending} data-testid="application-withdraw">
            {t('policyApplications.actions.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );

  const outcome =
    application.status === 'approved' ? (
      <Alert
        type="success"
        showIcon
        data-testid="application-outcome"
        title={application.amount ? t('policyApplications.detail.approvedLine', { amount: application.amount }) : t('policyApplications.detail.approvedNoAmount')}
        description={[application.decisionNote, application.grantId ? t('policyApplications.detail.grant') : null].filter(Boolean).join(' · ') || undefined}
      />
    ) : application.status === 'rejected' ? (
      <Alert type="error" showIcon data-testid="application-outcome" title={t('policyApplications.detail.rejectedLine')} description={application.rejectionReason ?? undefined} />
    ) : application.status === 'submitted' ? (
      <Alert
        type={application.overdue ? 'warning' : 'info'}
        showIcon
        title={t(application.overdue ? 'policyApplications.detail.waitingOverdue' : 'policyApplications.detail.waiting', { due: formatDateTime(application.reviewDueAt, locale) })}
      />
    ) : null;

  const facts = (
    <Descriptions
      column={1}
      size="small"
      data-testid="application-facts"
      items={[
        { key: 'number', label: t('policyApplications.fields.number'), children: application.number },
        { key: 'policy', label: t('policyApplications.fields.policy'), children: <span style={{ wordBreak: 'break-word' }}>{application.policyTitle}</span> },
        { key: 'version', label: t('policyApplications.fields.version'), children: application.version },
        { key: 'enterprise', label: t('policyApplications.fields.enterprise'), children: application.enterprise.name },
        { key: 'submittedAt', label: t('policyApplications.fields.submittedAt'), children: formatDateTime(application.submittedAt, locale) },
        {
          key: 'deadline',
          label: t('policyApplications.fields.reviewDueAt'),
          children: countdown ? <CountdownTag countdown={countdown} showClock={false} /> : formatDateTime(application.reviewDueAt, locale),
        },
        ...(application.decidedAt ? [{ key: 'decidedAt', label: t('policyApplications.fields.decidedAt'), children: formatDateTime(application.decidedAt, locale) }] : []),
        ...(application.decidedBy ? [{ key: 'decidedBy', label: t('policyApplications.fields.decidedBy'), children: application.decidedBy.name }] : []),
        ...(application.amount ? [{ key: 'amount', label: t('policyApplications.fields.amount'), children: t('policyApplications.apply.estimatedAmount', { wan: application.amount }) }] : []),
        ...(application.decisionNote ? [{ key: 'note', label: t('policyApplications.fields.decisionNote'), children: application.decisionNote }] : []),
        ...(application.rejectionReason ? [{ key: 'reason', label: t('policyApplications.fields.rejectionReason'), children: application.rejectionReason }] : []),
      ]}
    />
  );

  const snapshot = (
    <Card size="small" title={t('policyApplications.detail.snapshot')}>
      <EnterpriseSnapshotView enterprise={application.form.enterprise} />
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 12 }}
        items={[
          { key: 'contact', label: t('policyApplications.fields.contact'), children: `${application.form.contactName} ${application.form.contactPhone}` },
          {
            key: 'statement',
            label: t('policyApplications.fields.statement'),
            children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{application.form.statement || t('policyApplications.detail.noStatement')}</span>,
          },
        ]}
      />
    </Card>
  );

  return (
    <div data-testid="page-application-detail" data-application-status={application.status} data-application-number={application.number}>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Link to={backTo}>
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('policyApplications.detail.back')}
          </Button>
        </Link>
        <Typography.Title level={screens.md ? 3 : 4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="application-title">
          {application.policyTitle}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <ApplicationStatusTag status={application.status} />
          <Typography.Text type="secondary">{application.number}</Typography.Text>
          {application.overdue && <Tag color="error">{t('policyApplications.detail.overdue')}</Tag>}
        </Flex>
        {outcome}
        {actions}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            {snapshot}
            <Card size="small" title={t('policyApplications.detail.eligibility')}>
              <EligibilityList eligibility={application.eligibility} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('policyApplications.detail.decision')}>
              {facts}
            </Card>
            <Card size="small" title={t('policyApplications.detail.attachments')}>
              <ApplicationAttachments application={application} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {decision && <DecisionModal application={application} decision={decision} estimate={estimate} onClose={() => setDecision(null)} />}
    </div>
  );
}
