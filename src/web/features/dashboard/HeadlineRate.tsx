// One of the three headline rates on the dashboard: the rate, a bar towards the target, and how far above or below it lies.
import { Card, Flex, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { formatRate, gapToTarget, rateParts, type RateKey } from '../kpi/rates.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { statusColors, targetStatus } from './targets.ts';

export function HeadlineRate({ rateKey, target, summary, loading }: { rateKey: RateKey; target: number; summary: KpiRow | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { settings } = usePreferences();
  const rate = summary ? summary[rateKey] : null;
  const status = targetStatus(rate, target);
  const gap = gapToTarget(rate, target);
  const verdict = gap === null ? t('leaderDashboard.noRate') : gap > 0 ? t('leaderDashboard.met', { points: gap.toFixed(1) }) : gap === 0 ? t('leaderDashboard.metExactly') : t('leaderDashboard.below', { points: Math.abs(gap).toFixed(1) });
  return (
    <Card loading={loading} style={{ height: '100%', borderTop: `4px solid ${statusColors[status]}` }} data-testid={`dashboard-rate-${rateKey}`}>
      <Statistic title={tc(`kpiPage.rates.${rateKey}`)} value={formatRate(rate)} styles={{ content: { color: statusColors[status], fontSize: settings.careMode ? 48 : 36, fontWeight: 600 } }} />
      <Progress
        percent={rate === null ? 0 : Math.round(rate * 1000) / 10}
        strokeColor={statusColors[status]}
        showInfo={false}
        aria-label={tc(`kpiPage.rates.${rateKey}`)}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text strong>{t('leaderDashboard.target', { target: formatRate(target) })}</Typography.Text>
        <Typography.Text style={{ color: statusColors[status] }} data-testid={`dashboard-verdict-${rateKey}`}>
          {verdict}
        </Typography.Text>
      </Flex>
      {summary && settings.showSecondary && (
        <Typography.Text type="secondary">
          {t('leaderDashboard.fraction', { numerator: summary[rateParts[rateKey].numerator], denominator: summary[rateParts[rateKey].denominator] })}
        </Typography.Text>
      )}
    </Card>
  );
}
