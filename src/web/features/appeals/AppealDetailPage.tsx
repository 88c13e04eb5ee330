// One appeal: its facts and clocks, the buttons its `abilities` allow, the public timeline, and for staff the internal notes; materials for all.
import { ArrowLeftOutlined, StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppealAction, AppealView } from '../../../shared/schemas/appeals.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { actionButtonsFor, type ActionFormValues } from './action-buttons.ts';
import { ActionModal } from './ActionModal.tsx';
import { appealKeys, fetchAppeal, fetchCategories } from './api.ts';
import { AppealTimeline } from './AppealTimeline.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { ClockPanel } from './ClockPanel.tsx';
import { useUnitName } from './DepartmentSelect.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { PolicyLink } from './PolicyLink.tsx';
import { RatingInput } from './RatingInput.tsx';
import { SimilarAppeals } from './SimilarAppeals.tsx';
import { StatusTag } from './StatusTag.tsx';
import { useAppealLabels } from './use-appeal-labels.ts';
import { useNow, useWorkingDays } from './use-clock-context.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function AppealDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const valid = uuid.test(id);
  const { data: appeal, error, isPending, refetch } = useQuery({ queryKey: appealKeys.detail(id), queryFn: () => fetchAppeal(id), enabled: valid });
  if (!valid || (isApiError(error) && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('appeals.detail.notFoundTitle')}
        subTitle={t('errors.not_found')}
        data-testid="appeal-not-found"
        extra={
          <Link to="/appeals">
            <Button type="primary">{t('appeals.detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (isPending || !appeal) return <PageSpin />;
  return <AppealDetail appeal={appeal} />;
}

function AppealDetail({ appeal }: { appeal: AppealView }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const labels = useAppealLabels();
  const { locale, careMode } = usePreferences();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const now = useNow();
  const isWorkingDay = useWorkingDays();
  const [action, setAction] = useState<{ action: AppealAction; preset?: ActionFormValues } | null>(null);
  const staff = appeal.abilities.includes('view-internal');
  const unitName = useUnitName(staff);
  const categories = useQuery({ queryKey: appealKeys.categories, queryFn: fetchCategories, staleTime: 300_000 });
  const category = categories.data?.items.find((c) => c.id === appeal.categoryId);
  // Rating has its own invitation below the title; the bar keeps the other steps.
  const buttons = actionButtonsFor(appeal.abilities).filter((b) => b.action !== 'rate');
  const canMerge = appeal.abilities.includes('merge');

  const actionBar = buttons.length > 0 && (
    <Flex gap={8} wrap data-testid="appeal-actions">
      {buttons.map((button) => (
        <Button
          key={button.action}
          type={button.kind === 'primary' ? 'primary' : 'default'}
          danger={button.kind === 'danger'}
          size={careMode || !screens.md ? 'large' : undefined}
          onClick={() => setAction({ action: button.action })}
          data-testid={`action-${button.action}`}
        >
          {labels.action(button.action)}
        </Button>
      ))}
    </Flex>
  );

  const facts = (
    <Descriptions
      column={1}
      size="small"
      data-testid="appeal-facts"
      items={[
        { key: 'number', label: t('appeals.fields.number'), children: appeal.number },
        { key: 'enterprise', label: t('appeals.fields.enterprise'), children: appeal.enterpriseName ?? '—' },
        { key: 'category', label: t('appeals.fields.category'), children: labels.category(category, appeal.category) },
        { key: 'channel', label: t('appeals.fields.channel'), children: `${labels.channel(appeal.channel)}${appeal.sourceNote ? `（${appeal.sourceNote}）` : ''}` },
        { key: 'submittedAt', label: t('appeals.fields.submittedAt'), children: formatDateTime(appeal.submittedAt, locale) },
        { key: 'contact', label: t('appeals.fields.contact'), children: [appeal.contactName, appeal.contactPhone].filter(Boolean).join(' ') || '—' },
        { key: 'lead', label: t('appeals.fields.leadDepartment'), children: appeal.leadDepartmentName ?? '—' },
        ...(staff && appeal.coDepartmentIds.length
          ? [{ key: 'co', label: t('appeals.fields.coDepartments'), children: appeal.coDepartmentIds.map((d) => unitName(d) ?? '…').join('、') }]
          : []),
        ...(staff && !appeal.leadDepartmentId && appeal.suggestedDepartmentId
          ? [{ key: 'suggested', label: t('appeals.fields.suggestedDepartment'), children: <span data-testid="suggested-department">{unitName(appeal.suggestedDepartmentId) ?? '…'}</span> }]
          : []),
        ...(appeal.policyId || appeal.abilities.includes('link-policy') ? [{ key: 'policy', label: t('appeals.policyLink.label'), children: <PolicyLink appeal={appeal} /> }] : []),
        ...(appeal.round > 1 ? [{ key: 'round', label: t('appeals.fields.round'), children: appeal.round }] : []),
      ]}
    />
  );

  const alerts = (
    <>
      {appeal.pendingExtension && staff && (
        <Alert
          type="warning"
          showIcon
          data-testid="pending-extension"
          title={t('appeals.detail.extensionRequested', { days: appeal.pendingExtension.workingDays })}
          description={appeal.pendingExtension.reason}
        />
      )}
      {appeal.status === 'paused' && appeal.pausedAt && <Alert type="info" showIcon title={t('appeals.detail.pausedSince', { time: formatDateTime(appeal.pausedAt, locale) })} />}
      {appeal.status === 'rejected' && appeal.rejectReason && <Alert type="error" showIcon title={t('appeals.detail.rejected')} description={appeal.rejectReason} />}
      {appeal.status === 'merged' && appeal.mergedIntoId && (
        <Alert type="info" showIcon title={<Link to={`/appeals/${appeal.mergedIntoId}`}>{t('appeals.detail.mergedInto')}</Link>} />
      )}
      {appeal.abilities.includes('rate') && (
        <Alert
          type="success"
          showIcon
          icon={<StarFilled />}
          data-testid="rate-invite"
          title={tc('appeals.detail.rateInvite')}
          action={
            <Button type="primary" size="large" onClick={() => setAction({ action: 'rate' })} data-testid="rate-now">
              {labels.action('rate')}
            </Button>
          }
        />
      )}
    </>
  );

  const outcome = (appeal.reply || appeal.enterpriseRating || appeal.followUp) && (
    <Card title={t('appeals.detail.outcome')} size="small" data-testid="appeal-outcome">
      {appeal.reply && (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            <Tag color={appeal.reply.resolution === 'unresolved' ? 'error' : 'success'}>{labels.resolution(appeal.reply.resolution)}</Tag>
            <Typography.Text type="secondary">{formatDateTime(appeal.reply.at, locale)}</Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-reply">
            {appeal.reply.content}
          </Typography.Paragraph>
        </>
      )}
      {appeal.followUp && staff && (
        <Typography.Paragraph type="secondary">
          {appeal.followUp.reached
            ? t('appeals.detail.followedUp', {
                time: formatDateTime(appeal.followUp.at, locale),
                resolved: appeal.followUp.resolved ? t('appeals.filters.yes') : t('appeals.filters.no'),
                rating: labels.rating(appeal.followUp.rating),
              })
            : t('appeals.detail.followUpUnreached', { time: formatDateTime(appeal.followUp.at, locale) })}
        </Typography.Paragraph>
      )}
      {appeal.enterpriseRating && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('appeals.detail.enterpriseRating')}</Typography.Text>
          <RatingInput value={appeal.enterpriseRating} disabled testId="appeal-rating" />
        </Flex>
      )}
    </Card>
  );

  const main = (
    <Flex vertical gap={16}>
      <Card size="small" title={t('appeals.fields.content')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="appeal-content">
          {appeal.content}
        </Typography.Paragraph>
      </Card>
      {outcome}
      {canMerge && <SimilarAppeals input={{ title: appeal.title, content: appeal.content.slice(0, 2000), enterpriseId: appeal.enterpriseId ?? undefined, excludeId: appeal.id }} onMerge={(item) => setAction({ action: 'merge', preset: { intoId: item.id } })} />}
      <Card size="small" title={tc('appeals.detail.timeline')}>
        <AppealTimeline appealId={appeal.id} version={appeal.version} />
      </Card>
    </Flex>
  );

  const side = (
    <Flex vertical gap={16}>
      <Card size="small" title={t('appeals.detail.clocks')}>
        <ClockPanel appeal={appeal} now={now} isWorkingDay={isWorkingDay} />
      </Card>
      <Card size="small" title={t('appeals.detail.facts')}>
        {facts}
      </Card>
      {staff && (
        <Card size="small" title={t('appeals.notes.title')}>
          <NotesPanel appealId={appeal.id} canAdd={appeal.abilities.includes('note')} />
        </Card>
      )}
      <Card size="small" title={t('appeals.attachments.title')}>
        <AttachmentsPanel appealId={appeal.id} canAttach={appeal.abilities.includes('attach')} canMarkInternal={staff} />
      </Card>
    </Flex>
  );

  return (
    <div data-testid="page-appeal-detail" data-appeal-status={appeal.status} data-appeal-number={appeal.number}>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
          {t('appeals.detail.back')}
        </Button>
        <Typography.Title level={screens.md ? 3 : 4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="appeal-title">
          {appeal.title}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <StatusTag status={appeal.status} />
          <Typography.Text type="secondary">{appeal.number}</Typography.Text>
          {appeal.urgency === 'urgent' && <Tag color="red">{labels.urgency('urgent')}</Tag>}
          {appeal.supervised && staff && <Tag color="volcano">{t('appeals.detail.supervised')}</Tag>}
        </Flex>
        {actionBar}
        {alerts}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          {main}
        </Col>
        <Col xs={24} lg={9}>
          {side}
        </Col>
      </Row>
      {action && <ActionModal appeal={appeal} action={action.action} preset={action.preset} onClose={() => setAction(null)} />}
    </div>
  );
}
