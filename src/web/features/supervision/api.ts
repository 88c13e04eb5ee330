// Calls of the supervision endpoints: the board (measures by department and handler) and the paged supervision items.
import { listOf, supervisionBoardView, supervisionItemView } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';
import type { Period } from '../kpi/period.ts';

export interface BoardFilters extends Period {
  departmentId?: string;
}

export type ItemStatus = 'open' | 'resolved';

export const supervisionKeys = {
  board: (filters: BoardFilters) => ['supervision', 'board', filters] as const,
  items: (filters: BoardFilters, status: ItemStatus | undefined, page: number, pageSize: number) => ['supervision', 'items', filters, status, page, pageSize] as const,
};

export function fetchBoard(filters: BoardFilters) {
  return api.get('/supervision/board', supervisionBoardView, { from: filters.from, to: filters.to, departmentId: filters.departmentId });
}

export function fetchSupervisionItems(filters: BoardFilters, status: ItemStatus | undefined, page: number, pageSize: number) {
  return api.get('/supervision/items', listOf(supervisionItemView), { from: filters.from, to: filters.to, departmentId: filters.departmentId, status, page, pageSize });
}
