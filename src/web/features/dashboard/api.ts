// What the dashboard reads: this year's KPIs by month (with the totals), the ranking, and counts of open, overdue and supervised appeals.
import { z } from 'zod';
import { openStates } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export type OpenCount = 'open' | 'overdue' | 'supervised';

const openFilters: Record<OpenCount, Record<string, string | boolean>> = {
  open: {},
  overdue: { overdue: true },
  supervised: { supervised: true },
};

export const dashboardKeys = {
  count: (kind: OpenCount) => ['dashboard', 'count', kind] as const,
};

/** Only the list's total is read, so the rows' shape does not matter here. */
const listTotal = z.object({ total: z.number().int() });

/** How many open appeals match, from the list's total (one row fetched). */
export async function countOpenAppeals(kind: OpenCount): Promise<number> {
  const answer = await api.get('/appeals', listTotal, { status: openStates.join(','), ...openFilters[kind], page: 1, pageSize: 1 });
  return answer.total;
}
