// How a policy's benefit, mode and period read in the UI ("资金奖补：100 万元"; "营业收入（上年）的 1.5%，最高 50 万元").
import type { TFunction } from 'i18next';
import type { Benefit } from '../../../shared/schemas/policies.ts';

export function benefitAmountText(benefit: Benefit, t: TFunction): string {
  const amount = benefit.amount;
  if (!amount) return t('policiesPage.benefit.noAmount');
  if (amount.type === 'fixed') return t('policiesPage.benefit.fixed', { wan: amount.wan });
  const year = 'absolute' in amount.year ? t('policiesPage.benefit.yearAbsolute', { year: amount.year.absolute }) : amount.year.relative === -1 ? t('policiesPage.years.previous') : t('policiesPage.benefit.yearRelative', { years: -amount.year.relative });
  const base = t('policiesPage.benefit.formula', { figure: t(`policiesPage.figures.${amount.figure}`), year, rate: amount.ratePercent });
  return amount.capWan ? `${base}${t('policiesPage.benefit.cap', { wan: amount.capWan })}` : base;
}

export function benefitText(benefit: Benefit, t: TFunction): string {
  return t('policiesPage.benefit.line', { kind: t(`policiesPage.benefitKinds.${benefit.kind}`), amount: benefitAmountText(benefit, t) });
}

export function periodText(from: string, until: string | null, t: TFunction): string {
  return until ? t('policiesPage.period', { from, until }) : t('policiesPage.periodOpen', { from });
}
