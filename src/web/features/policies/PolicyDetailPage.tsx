// One policy (/policies/:id): the record, interpretation (一图读懂), clauses, benefit and rule; its published versions; the enterprises it matches as of a date, those pending data and the near-misses.
import { AccountBookOutlined, ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Result, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PolicyView } from '../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { fetchMatches, fetchPolicy, fetchVersions, policyKeys } from './api.ts';
import { benefitText, periodText } from './policy-format.ts';
import { PublishModal } from './PublishModal.tsx';
import { WithdrawPolicyModal } from './WithdrawPolicyModal.tsx';
import { RuleOutline } from './RuleOutline.tsx';
import './messages.ts';

export default function PolicyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const { locale } = usePreferences();
  const { data, error, isLoading, refetch } = useQuery({ queryKey: policyKeys.detail(id), queryFn: () => fetchPolicy(id), retry: (count, e) => !(isApiError(e) && e.status === 404) && count < 2 });
  // An enterprise user comes from 政策匹配 and goes back there.
  const fromMatching = me.user.roles.includes('enterprise');
  const back = (
    <Link to={fromMatching ? '/my/policies' : '/policies'}>
      <Button icon={<ArrowLeftOutlined />} type="link" style={{ paddingInline: 0 }} data-testid="policy-back">
        {fromMatching ? t('policiesPage.detail.backToMatching') : t('policiesPage.detail.back')}
      </Button>
    </Link>
  );
  if (isLoading) return <PageSpin />;
  if (isApiError(error) && error.status === 404) return <Result status="404" title={t('policiesPage.detail.notFound')} extra={back} data-testid="policy-not-found" />;
  if (!data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const canEdit = data.abilities.includes('policy.edit');
  const canPublish = data.abilities.includes('policy.publish') && data.draftDiffers;
  const canWithdraw = data.abilities.includes('policy.withdraw');
  const seesMatches = me.abilities.includes('policy.matches');
  return (
    <div data-testid="page-policy-detail" data-policy-status={data.status}>
      {back}
      <PageTitle
        title={data.title}
        description={`${data.documentNumber} · ${data.issuingDepartment}`}
        extra={
          <>
            <Tag color={data.status === 'published' ? 'green' : data.status === 'withdrawn' ? 'red' : 'default'} data-testid="policy-status">
              {t(`policiesPage.statuses.${data.status}`)}
            </Tag>
            {data.currentVersion != null && <Tag data-testid="policy-version">{t('policiesPage.version', { version: data.currentVersion })}</Tag>}
            {data.mode === 'automatic' && data.currentVersion != null && me.abilities.includes('policy.ledger') && (
              <Link to={`/policies/${data.id}/grants`}>
                <Button icon={<AccountBookOutlined />} data-testid="policy-grants">
                  {t('policiesPage.detail.grants')}
                </Button>
              </Link>
            )}
            {data.currentVersion != null && me.abilities.includes('appeal.read') && !fromMatching && (
              <Link to={`/appeals?policyId=${data.id}`}>
                <Button data-testid="policy-appeals">{t('policiesPage.detail.appeals')}</Button>
              </Link>
            )}
            {canEdit && (
              <Link to={`/policies/${data.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="policy-edit">
                  {t('policiesPage.detail.edit')}
                </Button>
              </Link>
            )}
            {canPublish && (
              <Button type="primary" onClick={() => setPublishing(true)} data-testid="policy-publish">
                {t('policiesPage.publish.button')}
              </Button>
            )}
            {canWithdraw && (
              <Button danger onClick={() => setWithdrawing(true)} data-testid="policy-withdraw">
                {t('policiesPage.withdraw.button')}
              </Button>
            )}
          </>
        }
      />
      {data.withdrawal && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="policy-withdrawn" title={t('policiesPage.withdraw.banner', { time: formatDateTime(data.withdrawal.at, locale), reason: data.withdrawal.reason })} />
      )}
      {canEdit && data.currentVersion != null && data.draftDiffers && <Typography.Paragraph type="warning">{t('policiesPage.detail.draftDiffers')}</Typography.Paragraph>}
      <Tabs
        items={[
          { key: 'content', label: t('policiesPage.detail.content'), children: <PolicyContent policy={data} /> },
          ...(seesMatches && data.currentVersion != null ? [{ key: 'matches', label: <span data-testid="policy-tab-matches">{t('policiesPage.detail.matches')}</span>, children: <PolicyMatches policyId={data.id} /> }] : []),
          { key: 'versions', label: <span data-testid="policy-tab-versions">{t('policiesPage.detail.versions')}</span>, children: <PolicyVersions policyId={data.id} /> },
        ]}
      />
      {canWithdraw && <WithdrawPolicyModal policyId={data.id} open={withdrawing} onClose={() => setWithdrawing(false)} />}
      {canPublish && <PublishModal policyId={data.id} open={publishing} onClose={() => setPublishing(false)} onPublished={() => navigate(`/policies/${data.id}`)} />}
    </div>
  );
}

function PolicyContent({ policy }: { policy: PolicyView }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('policiesPage.editor.record')} style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('policiesPage.fields.documentNumber')}>{policy.documentNumber}</Descriptions.Item>
            <Descriptions.Item label={t('policiesPage.fields.issuingDepartment')}>{policy.issuingDepartment}</Descriptions.Item>
            {policy.responsibleUnitName && <Descriptions.Item label={t('policiesPage.fields.responsibleUnit')}>{policy.responsibleUnitName}</Descriptions.Item>}
            <Descriptions.Item label={t('policiesPage.fields.contact')}>
              <Space size={8}>
                {policy.contactName}
                <a href={`tel:${policy.contactPhone}`}>{policy.contactPhone}</a>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('policiesPage.fields.period')}>{periodText(policy.effectiveFrom, policy.effectiveUntil, t)}</Descriptions.Item>
            <Descriptions.Item label={t('policiesPage.fields.mode')}>{t(`policiesPage.modes.${policy.mode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('policiesPage.fields.benefit')}>
              <span data-testid="policy-benefit">{benefitText(policy.benefit, t)}</span>
            </Descriptions.Item>
            {policy.budget && <Descriptions.Item label={t('policiesPage.fields.budget')}>{t('policiesPage.benefit.fixed', { wan: policy.budget })}</Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{policy.summary}</Typography.Paragraph>
        </Card>
        {policy.interpretation.length > 0 && (
          <Card title={t('policiesPage.editor.interpretation')} style={{ marginBottom: 16 }} data-testid="policy-interpretation">
            {policy.interpretation.map((part, i) => (
              <div key={i} style={{ marginBottom: 12 }}>
                <Typography.Title level={5}>{part.heading}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{part.body}</Typography.Paragraph>
              </div>
            ))}
          </Card>
        )}
        <Card title={t('policiesPage.editor.clauses')} data-testid="policy-clauses">
          {policy.clauses.length ? (
            policy.clauses.map((clause) => (
              <Typography.Paragraph key={clause.id} style={{ whiteSpace: 'pre-wrap' }}>
                <Typography.Text strong style={{ marginInlineEnd: 8 }}>
                  {clause.id}
                </Typography.Text>
                {clause.text}
              </Typography.Paragraph>
            ))
          ) : (
            <Typography.Text type="secondary">{t('policiesPage.detail.noClauses')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('policiesPage.detail.rule')}>
          <RuleOutline rule={policy.rule} />
        </Card>
      </Col>
    </Row>
  );
}

function PolicyVersions({ policyId }: { policyId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading } = useQuery({ queryKey: policyKeys.versions(policyId), queryFn: () => fetchVersions(policyId) });
  return (
    <>
      <ErrorAlert error={error} />
      <Table
        rowKey="version"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('policiesPage.detail.noVersions') }}
        data-testid="policy-versions"
        columns={[
          { key: 'version', title: t('policiesPage.detail.version'), render: (_, v) => t('policiesPage.version', { version: v.version }) },
          { key: 'at', title: t('policiesPage.detail.publishedAt'), render: (_, v) => formatDateTime(v.publishedAt, i18n.language) },
          { key: 'by', title: t('policiesPage.detail.publishedBy'), render: (_, v) => v.publishedBy?.displayName ?? '—' },
          { key: 'hash', title: t('policiesPage.detail.contentHash'), render: (_, v) => <Typography.Text code copyable={{ text: v.contentHash }}>{v.contentHash.slice(0, 12)}</Typography.Text> },
        ]}
      />
    </>
  );
}

const MATCH_PAGE_SIZE = 20;

function PolicyMatches({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useQuery({
    queryKey: policyKeys.matches(policyId, asOf, page),
    queryFn: () => fetchMatches(policyId, asOf, page, MATCH_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const enterpriseLink = (item: { uscc: string; name: string }) => (
    <Link to={`/enterprises/${item.uscc}`} data-testid={`match-${item.uscc}`}>
      {item.name}
    </Link>
  );
  return (
    <div data-testid="policy-matches">
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <span>{t('policiesPage.detail.asOf')}</span>
        <DatePicker
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => {
            setAsOf(d ? d.format('YYYY-MM-DD') : undefined);
            setPage(1);
          }}
          placeholder={t('policiesPage.detail.today')}
          data-testid="matches-as-of"
        />
      </Flex>
      <ErrorAlert error={error} />
      {data && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={8}>
            <Statistic title={t('policiesPage.count.eligible')} value={data.total} data-testid="matches-total" />
          </Col>
          <Col xs={8}>
            <Statistic title={t('policiesPage.count.pending')} value={data.pending} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('policiesPage.count.nearMiss')} value={data.nearMisses.total} />
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('policiesPage.detail.eligibleList')} size="small">
            <Table
              rowKey="uscc"
              size="small"
              loading={isFetching}
              dataSource={data?.items ?? []}
              locale={{ emptyText: t('policiesPage.detail.noMatches') }}
              columns={[
                { key: 'name', title: t('policiesPage.detail.enterprise'), render: (_, item) => enterpriseLink(item) },
                { key: 'uscc', title: t('policiesPage.detail.uscc'), render: (_, item) => <Typography.Text style={{ fontFamily: 'monospace' }}>{item.uscc}</Typography.Text> },
              ]}
              pagination={{ current: page, pageSize: MATCH_PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('policiesPage.detail.nearMisses')} size="small">
            <Typography.Paragraph type="secondary">{t('policiesPage.detail.nearMissesIntro')}</Typography.Paragraph>
            <Table
              rowKey="uscc"
              size="small"
              dataSource={data?.nearMisses.items ?? []}
              locale={{ emptyText: t('policiesPage.detail.noNearMisses') }}
              pagination={false}
              data-testid="policy-near-misses"
              columns={[
                { key: 'name', title: t('policiesPage.detail.enterprise'), render: (_, item) => enterpriseLink(item) },
                { key: 'missing', title: t('policiesPage.detail.missingCondition'), render: (_, item) => item.label },
              ]}
            />
            {data && data.nearMisses.total > data.nearMisses.items.length && (
              <Typography.Text type="secondary">{t('policiesPage.publish.more', { count: data.nearMisses.total - data.nearMisses.items.length })}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
