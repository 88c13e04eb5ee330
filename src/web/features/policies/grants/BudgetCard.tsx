// The budget of a 免申即享 policy: total, approved not yet paid, paid, remaining, and a bar of what is committed.
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BudgetSummary } from './budget.ts';
import './messages.ts';

export function BudgetCard({ summary, loading }: { summary: BudgetSummary | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const figure = (key: string, value: string | null | undefined, testId: string, color?: string) => (
    <Col xs={12} md={6}>
      <Statistic title={t(`grantsPage.budget.${key}`)} value={value ?? t('grantsPage.budget.none')} loading={loading} styles={color ? { content: { color } } : undefined} data-testid={testId} />
    </Col>
  );
  return (
    <Card title={t('grantsPage.budget.title')} style={{ marginBottom: 16 }} data-testid="grants-budget">
      <Row gutter={[16, 16]}>
        {figure('budget', summary?.budget, 'budget-total')}
        {figure('approved', summary?.approved, 'budget-approved', '#1456d9')}
        {figure('paid', summary?.paid, 'budget-paid', '#389e0d')}
        {figure('remaining', summary?.remaining, 'budget-remaining')}
      </Row>
      {summary?.usedPercent != null && (
        <>
          <Progress
            percent={summary.usedPercent}
            success={{ percent: summary.paidPercent ?? 0 }}
            showInfo={false}
            strokeColor="#1456d9"
            style={{ marginTop: 16, marginBottom: 0 }}
            aria-label={t('grantsPage.budget.used', { percent: summary.usedPercent, paid: summary.paidPercent ?? 0 })}
            data-testid="budget-bar"
          />
          <Typography.Text type="secondary">{t('grantsPage.budget.used', { percent: summary.usedPercent, paid: summary.paidPercent ?? 0 })}</Typography.Text>
        </>
      )}
    </Card>
  );
}
