// The best and the worst departments by composite score (部门比服务), with a link to the full ranking.
import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiRanking, RankingItem } from '../../../shared/schemas/index.ts';
import { bestAndWorst } from '../kpi/ranking.ts';
import { formatScore } from '../kpi/rates.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

const SHOWN = 3;

function Departments({ title, items, color, testId }: { title: string; items: RankingItem[]; color: string; testId: string }) {
  const { t } = useTranslation();
  const { settings } = usePreferences();
  return (
    <div data-testid={testId}>
      <Typography.Title level={5} style={{ color }}>
        {title}
      </Typography.Title>
      <List
        size={settings.careMode ? 'large' : 'small'}
        dataSource={items}
        renderItem={(item) => (
          <List.Item extra={<Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{t('leaderDashboard.score', { score: formatScore(item.score) })}</Typography.Text>}>
            <Flex vertical>
              <span>{item.label}</span>
              {settings.showSecondary && <Typography.Text type="secondary">{t(`kpiPage.ranking.tiers.${item.tier}`)}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
}

export function DepartmentStanding({ ranking, loading }: { ranking: KpiRanking | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const standing = bestAndWorst(ranking?.items ?? [], SHOWN);
  return (
    <Card title={tc('kpiPage.ranking.title')} loading={loading} style={{ height: '100%' }} data-testid="dashboard-standing">
      {standing.best.length === 0 ? (
        <Empty description={t('leaderDashboard.noDepartments')} />
      ) : (
        <Flex vertical gap={8}>
          {standing.provisional && <Typography.Text type="secondary">{t('leaderDashboard.provisional')}</Typography.Text>}
          <Departments title={tc('leaderDashboard.best')} items={standing.best} color="#389e0d" testId="dashboard-best" />
          {standing.worst.length > 0 && <Departments title={tc('leaderDashboard.worst')} items={standing.worst} color="#cf1322" testId="dashboard-worst" />}
        </Flex>
      )}
    </Card>
  );
}
