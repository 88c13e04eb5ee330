// 部门比服务: one table per tier with rank, rates and composite score, under the formula with the weights the server used.
import { Card, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { KpiRanking, RankingItem } from '../../../shared/schemas/index.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { groupByTier, medalOf, weightShares, type Medal } from './ranking.ts';
import { compareNullsLast, formatRate, formatScore, headlineRates } from './rates.ts';

const medalColors: Record<Medal, string> = { gold: 'gold', silver: 'default', bronze: 'orange' };

type Column = ColumnType<RankingItem> & { secondary?: boolean };

export function RankingTable({ ranking, loading }: { ranking: KpiRanking | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { settings } = usePreferences();
  const minAppeals = ranking?.minAppeals ?? 0;

  const columns: Column[] = [
    {
      key: 'rank',
      title: t('kpiPage.ranking.rank'),
      render: (_, item) => {
        if (item.rank === null)
          return (
            <Tooltip title={t('kpiPage.ranking.notRankedHint', { count: minAppeals })}>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('kpiPage.ranking.notRanked')}
              </Typography.Text>
            </Tooltip>
          );
        const medal = medalOf(item.rank);
        return medal ? <Tag color={medalColors[medal]} style={{ fontWeight: 600 }}>{item.rank}</Tag> : <span style={{ paddingInlineStart: 8 }}>{item.rank}</span>;
      },
    },
    { key: 'department', title: t('kpiPage.ranking.department'), dataIndex: 'label' },
    { key: 'total', title: t('kpiPage.counts.total'), align: 'right', secondary: true, render: (_, item) => item.total, sorter: (a, b) => a.total - b.total },
    ...headlineRates.map(
      (key): Column => ({
        key,
        title: tc(`kpiPage.rates.${key}`),
        align: 'right',
        secondary: true,
        render: (_, item) => formatRate(item[key]),
        sorter: (a, b, order) => compareNullsLast(a[key], b[key], order),
      }),
    ),
    {
      key: 'score',
      title: t('kpiPage.ranking.score'),
      align: 'right',
      render: (_, item) => <Typography.Text strong>{formatScore(item.score)}</Typography.Text>,
      sorter: (a, b, order) => compareNullsLast(a.score, b.score, order),
    },
  ];

  const formula = ranking
    ? t('kpiPage.ranking.formula', {
        parts: weightShares(ranking.weights)
          .map((share) => t('kpiPage.ranking.part', { rate: tc(`kpiPage.rates.${share.rate}`), percent: share.percent }))
          .join(' + '),
        version: ranking.weightsVersion,
      })
    : '';
  const groups = groupByTier(ranking?.items ?? []);

  return (
    <Card title={tc('kpiPage.ranking.title')} loading={loading && !ranking} data-testid="kpi-ranking">
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Text data-testid="kpi-ranking-formula">{formula}</Typography.Text>
        {settings.showSecondary && (
          <Typography.Text type="secondary">
            {t('kpiPage.ranking.intro')} {t('kpiPage.ranking.minAppeals', { count: minAppeals })}
          </Typography.Text>
        )}
      </Flex>
      {groups.length === 0 && <Empty description={t('kpiPage.ranking.empty')} />}
      {groups.map((group) => (
        <div key={group.tier} style={{ marginBottom: 16 }} data-testid={`kpi-ranking-${group.tier}`}>
          <Typography.Title level={5}>{t(`kpiPage.ranking.tiers.${group.tier}`)}</Typography.Title>
          <Table<RankingItem>
            rowKey="departmentId"
            size={settings.showSecondary ? 'small' : 'middle'}
            columns={visibleColumns(columns, settings)}
            dataSource={group.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </div>
      ))}
    </Card>
  );
}
