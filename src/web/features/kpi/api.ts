// Calls of the KPI endpoints: rates by group, the department ranking, and the xlsx downloads (KPI table, ledger).
import { kpiRanking, kpiResponse } from '../../../shared/schemas/index.ts';
import { api, apiUrl } from '../../lib/api.ts';
import type { Period } from './period.ts';

export type KpiGroupBy = 'department' | 'district' | 'channel' | 'month';

export const kpiKeys = {
  all: ['kpis'] as const,
  rows: (period: Period, groupBy: KpiGroupBy) => ['kpis', 'appeals', period, groupBy] as const,
  ranking: (period: Period) => ['kpis', 'ranking', period] as const,
};

export function fetchKpis(period: Period, groupBy: KpiGroupBy) {
  return api.get('/kpis/appeals', kpiResponse, { from: period.from, to: period.to, groupBy });
}

export function fetchRanking(period: Period) {
  return api.get('/kpis/appeals/ranking', kpiRanking, { from: period.from, to: period.to });
}

export const kpiWorkbookUrl = (period: Period, groupBy: KpiGroupBy) => apiUrl('/kpis/appeals.xlsx', { from: period.from, to: period.to, groupBy });

/** The ledger (台账) of the same period: every appeal submitted in it that the caller may see. */
export const ledgerWorkbookUrl = (period: Period) => apiUrl('/appeals/export.xlsx', { from: period.from, to: period.to });
