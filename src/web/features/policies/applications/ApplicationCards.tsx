// Applications as cards: 我的申报 and the review queue on a phone (policy, status, number and time, the deadline countdown while under review).
import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import type { Countdown } from '../../appeals/countdown.ts';
import { CountdownTag } from '../../appeals/CountdownTag.tsx';
import { usePreferences } from '../../preferences/PreferencesProvider.tsx';
import type { PolicyApplication } from './api.ts';
import { ApplicationStatusTag } from './ApplicationStatusTag.tsx';
import './messages.ts';

interface Props {
  items: readonly PolicyApplication[];
  loading: boolean;
  linkOf: (item: PolicyApplication) => string;
  countdownOf: (item: PolicyApplication) => Countdown | null;
  showEnterprise: boolean;
  emptyText: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function ApplicationCards({ items, loading, linkOf, countdownOf, showEnterprise, emptyText, page, pageSize, total, onPage }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (!loading && items.length === 0) return <Empty description={emptyText} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={12} data-testid="application-cards">
        {items.map((item) => {
          const countdown = countdownOf(item);
          return (
            <Link key={item.id} to={linkOf(item)} data-testid={`application-row-${item.number}`} style={{ color: 'inherit' }}>
              <Card size="small" hoverable styles={{ body: { padding: 14 } }}>
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                      {item.policyTitle}
                    </Typography.Text>
                    <Flex gap={6} wrap align="center">
                      <ApplicationStatusTag status={item.status} />
                      {item.amount && <Typography.Text>{t('policyApplications.apply.estimatedAmount', { wan: item.amount })}</Typography.Text>}
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                      {item.number} · {formatDateTime(item.submittedAt, locale)}
                      {showEnterprise ? ` · ${item.enterprise.name}` : ''}
                    </Typography.Text>
                    {countdown && <CountdownTag countdown={countdown} showClock={false} />}
                  </Flex>
                  <RightOutlined aria-hidden="true" style={{ color: '#8c8c8c', marginTop: 4 }} />
                </Flex>
              </Card>
            </Link>
          );
        })}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ alignSelf: 'center' }} />}
      </Flex>
    </Spin>
  );
}
