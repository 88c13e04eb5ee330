// The five rates of the whole scope as cards (three in care mode), each with the counts behind it, and the number of appeals.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiRow } from '../../../shared/schemas/index.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { rateColors } from './chart-options.ts';
import { formatRate, headlineRates, rateKeys, rateParts } from './rates.ts';

export function RateCards({ summary, loading }: { summary: KpiRow | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { settings } = usePreferences();
  const rates = settings.showSecondary ? rateKeys : headlineRates;
  const span = settings.showSecondary ? { xs: 12, md: 8, xl: 4 } : { xs: 24, md: 12, xl: 6 };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col {...span}>
        <Card loading={loading} style={{ height: '100%' }} data-testid="kpi-card-total">
          <Statistic title={t('kpiPage.totalAppeals')} value={summary?.total ?? 0} />
        </Card>
      </Col>
      {rates.map((key) => (
        <Col {...span} key={key}>
          <Card loading={loading} style={{ height: '100%', borderTop: `3px solid ${rateColors[key]}` }} data-testid={`kpi-card-${key}`}>
            <Statistic
              title={
                <span>
                  {tc(`kpiPage.rates.${key}`)}{' '}
                  {settings.showSecondary && (
                    <Tooltip title={t(`kpiPage.rateHints.${key}`)}>
                      <QuestionCircleOutlined aria-label={t(`kpiPage.rateHints.${key}`)} />
                    </Tooltip>
                  )}
                </span>
              }
              value={summary ? formatRate(summary[key]) : '—'}
            />
            {summary && settings.showSecondary && (
              <Typography.Text type="secondary">
                {t('kpiPage.fraction', { numerator: summary[rateParts[key].numerator], denominator: summary[rateParts[key].denominator] })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
