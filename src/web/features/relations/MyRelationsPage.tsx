// "我的包联企业": the caller's enterprises and projects with plan, next visit (overdue in red), open appeals, and the visit log with "转为诉求".
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssignmentView } from '../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchMyRelations, relationKeys } from './api.ts';
import { periodText, planText } from './plan-text.ts';
import { VisitModal } from './VisitModal.tsx';
import { VisitsDrawer } from './VisitsDrawer.tsx';
import './messages.ts';

export default function MyRelationsPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { data, error, isLoading, refetch } = useQuery({ queryKey: relationKeys.mine, queryFn: fetchMyRelations });
  const [visiting, setVisiting] = useState<AssignmentView | null>(null);
  const [viewing, setViewing] = useState<AssignmentView | null>(null);

  return (
    <div data-testid="page-my-relations">
      <PageTitle
        title={tc('nav.myRelations')}
        description={t('relations.mineIntro')}
        extra={
          data && (
            <Space>
              <Tag color="blue">{t('relations.visitsDue', { n: data.visitsDue })}</Tag>
              {data.visitsOverdue > 0 && <Tag color="red">{t('relations.visitsOverdue', { n: data.visitsOverdue })}</Tag>}
            </Space>
          )
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading && <PageSpin />}
      {data && data.items.length === 0 && <Empty description={t('relations.none')} />}
      <Row gutter={[16, 16]}>
        {data?.items.map(({ assignment, openAppeals, visibleOpenAppeals }) => (
          <Col xs={24} lg={12} key={assignment.id}>
            <Card
              data-testid="relation-card"
              title={
                <Flex gap={8} align="center" wrap>
                  <Tag>{assignment.enterpriseId ? t('relations.enterprise') : t('relations.project')}</Tag>
                  <span>{assignment.enterpriseName ?? assignment.projectName}</span>
                </Flex>
              }
              extra={<Tag>{t(`relations.duty.${assignment.duty}`)}</Tag>}
              actions={[
                <Button key="log" type="link" onClick={() => setVisiting(assignment)} disabled={!assignment.active} data-testid="relation-log-visit">
                  {t('relations.logVisit')}
                </Button>,
                <Button key="visits" type="link" onClick={() => setViewing(assignment)}>
                  {t('relations.visits')} ({assignment.visitCount})
                </Button>,
              ]}
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('relations.period')}>{periodText(assignment, t)}</Descriptions.Item>
                <Descriptions.Item label={t('relations.plan')}>{planText(assignment, t)}</Descriptions.Item>
                <Descriptions.Item label={t('relations.nextVisit')}>
                  {assignment.nextVisitDue ? (
                    <Typography.Text type={assignment.visitOverdue ? 'danger' : undefined} strong={assignment.visitOverdue} data-testid={assignment.visitOverdue ? 'visit-overdue' : undefined}>
                      {assignment.nextVisitDue}
                      {assignment.visitOverdue && ` · ${t('relations.overdue')}`}
                    </Typography.Text>
                  ) : (
                    t('relations.noneDue')
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('relations.lastVisit')}>{assignment.lastVisitOn ?? t('relations.neverVisited')}</Descriptions.Item>
              </Descriptions>
              {(assignment.enterpriseId || openAppeals > 0) && (
                <>
                  <Tooltip title={t('relations.openAppealsHint')}>
                    <Typography.Text strong>{t('relations.openAppeals', { n: openAppeals })}</Typography.Text>
                  </Tooltip>
                  {visibleOpenAppeals.length > 0 && (
                    <List
                      size="small"
                      dataSource={visibleOpenAppeals}
                      renderItem={(appeal) => (
                        <List.Item>
                          <Link to={`/appeals/${appeal.id}`}>
                            {appeal.number} {appeal.title}
                          </Link>
                          <Tag>{t(`appeals.status.${appeal.status}`)}</Tag>
                        </List.Item>
                      )}
                    />
                  )}
                </>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <VisitModal assignment={visiting} onClose={() => setVisiting(null)} />
      <VisitsDrawer assignment={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
