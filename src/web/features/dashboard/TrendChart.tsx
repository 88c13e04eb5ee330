// The dashboard's monthly trend of the three headline rates over the number of appeals; loaded lazily with ECharts.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { monthlyTrendOption } from '../kpi/chart-options.ts';
import EChart from '../kpi/EChart.tsx';
import { monthLabel, spansYears } from '../kpi/group-label.ts';
import { headlineRates, rateKeys, type RateKey } from '../kpi/rates.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

export default function TrendChart({ rows }: { rows: KpiRow[] }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { locale, settings } = usePreferences();
  const option = useMemo(() => {
    const names = Object.fromEntries(rateKeys.map((key) => [key, tc(`kpiPage.rates.${key}`)])) as Record<RateKey, string>;
    const withYear = spansYears(rows.map((row) => row.key));
    return monthlyTrendOption({ rows, keys: headlineRates, names, volumeName: t('kpiPage.volume'), monthLabel: (key) => monthLabel(key, locale, withYear), care: settings.careMode });
  }, [rows, t, tc, locale, settings.careMode]);
  return <EChart option={option} height={settings.careMode ? 460 : 420} label={t('leaderDashboard.trendLabel')} testId="dashboard-trend" />;
}
