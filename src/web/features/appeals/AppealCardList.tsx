// Appeals as a list of cards: the phone layout and the enterprise's "my appeals" (title, status, next deadline, what to do).
import { RightOutlined, StarOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Pagination, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppealListItem } from '../../../shared/schemas/appeals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import type { Countdown } from './countdown.ts';
import { CountdownTag } from './CountdownTag.tsx';
import { StatusTag } from './StatusTag.tsx';

interface Props {
  items: readonly AppealListItem[];
  loading: boolean;
  countdownOf: (item: AppealListItem) => Countdown | null;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  showEnterprise: boolean;
}

export function AppealCardList({ items, loading, countdownOf, page, pageSize, total, onPage, showEnterprise }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (!loading && items.length === 0) return <Empty description={t('appeals.list.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={12} data-testid="appeal-cards">
        {items.map((item) => (
          <Link key={item.id} to={`/appeals/${item.id}`} data-testid={`appeal-row-${item.number}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable styles={{ body: { padding: 14 } }}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong style={{ fontSize: '1.05em', wordBreak: 'break-word' }}>
                    {item.title}
                  </Typography.Text>
                  <Flex gap={6} wrap align="center">
                    <StatusTag status={item.status} />
                    {item.urgency === 'urgent' && <Tag color="red">{t('appeals.urgencies.urgent')}</Tag>}
                    {item.abilities.includes('rate') && (
                      <Tag color="gold" icon={<StarOutlined />}>
                        {t('appeals.list.toRate')}
                      </Tag>
                    )}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                    {item.number} · {formatDateTime(item.submittedAt, locale)}
                    {showEnterprise && item.enterpriseName ? ` · ${item.enterpriseName}` : ''}
                  </Typography.Text>
                  {countdownOf(item) && <CountdownTag countdown={countdownOf(item)} />}
                </Flex>
                <RightOutlined aria-hidden="true" style={{ color: '#8c8c8c', marginTop: 4 }} />
              </Flex>
            </Card>
          </Link>
        ))}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ alignSelf: 'center' }} />}
      </Flex>
    </Spin>
  );
}
