// The appeal lists of each role as presets of one page: which queue, which order, which filters and tools.
import type { AppealFilters } from './api.ts';

export type ListPreset = 'enterprise' | 'ledger' | 'triage' | 'mine' | 'follow-up';

export interface PresetConfig {
  /** i18n key of the page title (a `care.` variant may exist). */
  titleKey: string;
  introKey: string;
  fixed: AppealFilters;
  /** Free filters the page offers. */
  filters: readonly ('q' | 'status' | 'channel' | 'department' | 'overdue' | 'supervised' | 'dates')[];
  bulkAssign?: boolean;
  ledgerTools?: boolean;
  testId: string;
}

export const presets: Record<ListPreset, PresetConfig> = {
  enterprise: { titleKey: 'nav.myAppeals', introKey: 'appeals.list.enterpriseIntro', fixed: { sort: 'submitted' }, filters: ['status'], testId: 'page-my-appeals' },
  ledger: {
    titleKey: 'nav.ledger',
    introKey: 'appeals.list.ledgerIntro',
    fixed: {},
    filters: ['q', 'status', 'channel', 'department', 'overdue', 'supervised', 'dates'],
    ledgerTools: true,
    testId: 'page-ledger',
  },
  triage: { titleKey: 'nav.triage', introKey: 'appeals.list.triageIntro', fixed: { queue: 'triage', sort: 'deadline' }, filters: ['q', 'channel'], bulkAssign: true, testId: 'page-triage' },
  mine: { titleKey: 'nav.myWork', introKey: 'appeals.list.mineIntro', fixed: { queue: 'mine', sort: 'deadline' }, filters: ['q', 'overdue'], testId: 'page-my-work' },
  'follow-up': { titleKey: 'nav.followUps', introKey: 'appeals.list.followUpIntro', fixed: { queue: 'follow-up', sort: 'deadline' }, filters: ['q'], testId: 'page-follow-ups' },
};

/** Simple status groups for the enterprise: what is still being handled, what is finished. */
export const enterpriseStatusGroups = {
  open: ['submitted', 'accepted', 'assigned', 'signed', 'returned', 'paused', 'replied', 'reopened'],
  done: ['closed', 'rejected', 'merged'],
} as const;

/** Filters from the URL (`?q=&status=a,b&overdue=true&page=2`), ignoring anything unknown. */
export function filtersFromSearch(search: URLSearchParams): { filters: AppealFilters; page: number } {
  const filters: AppealFilters = {};
  const q = search.get('q')?.trim();
  if (q) filters.q = q;
  const status = search.get('status');
  if (status) filters.status = status.split(',').filter(Boolean) as AppealFilters['status'];
  const channel = search.get('channel');
  if (channel) filters.channel = channel as AppealFilters['channel'];
  const departmentId = search.get('departmentId');
  if (departmentId) filters.departmentId = departmentId;
  const policyId = search.get('policyId');
  if (policyId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(policyId)) filters.policyId = policyId;
  for (const flag of ['overdue', 'supervised'] as const) {
    const value = search.get(flag);
    if (value === 'true' || value === 'false') filters[flag] = value === 'true';
  }
  const from = search.get('from');
  const to = search.get('to');
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) filters.from = from;
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) filters.to = to;
  const sort = search.get('sort');
  if (sort === 'deadline' || sort === 'submitted') filters.sort = sort;
  const page = Number(search.get('page'));
  return { filters, page: Number.isInteger(page) && page > 0 ? page : 1 };
}

export function searchFromFilters(filters: AppealFilters, page: number): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.status?.length) search.set('status', filters.status.join(','));
  if (filters.channel) search.set('channel', filters.channel);
  if (filters.departmentId) search.set('departmentId', filters.departmentId);
  if (filters.policyId) search.set('policyId', filters.policyId);
  if (filters.overdue !== undefined) search.set('overdue', String(filters.overdue));
  if (filters.supervised !== undefined) search.set('supervised', String(filters.supervised));
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.sort) search.set('sort', filters.sort);
  if (page > 1) search.set('page', String(page));
  return search;
}
