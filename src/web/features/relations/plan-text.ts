// The words for an assignment's period and visit plan, shared by the cadre's page and the office's table.
import type { TFunction } from 'i18next';
import type { AssignmentView } from '../../../shared/schemas/enterprise-relations.ts';

export function periodText(a: Pick<AssignmentView, 'validFrom' | 'validUntil'>, t: TFunction): string {
  return t('relations.periodValue', { from: a.validFrom, until: a.validUntil ?? t('relations.openEnded') });
}

export function planText(a: Pick<AssignmentView, 'visitEveryMonths' | 'plannedVisits'>, t: TFunction): string {
  const parts: string[] = [];
  if (a.visitEveryMonths) parts.push(t('relations.everyMonths', { n: a.visitEveryMonths }));
  if (a.plannedVisits.length) parts.push(t('relations.plannedDates', { dates: a.plannedVisits.join('、') }));
  return parts.length ? parts.join('；') : t('relations.noPlan');
}

export type AssignmentState = 'active' | 'ended' | 'upcoming' | 'expired';

export function assignmentState(a: Pick<AssignmentView, 'active' | 'endedAt' | 'validFrom' | 'validUntil'>, today: string): AssignmentState {
  if (a.endedAt) return 'ended';
  if (a.active) return 'active';
  return a.validFrom > today ? 'upcoming' : 'expired';
}
