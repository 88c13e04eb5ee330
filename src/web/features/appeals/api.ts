// Calls of the appeals closed loop: lists and queues, one appeal, its timeline, notes, attachments, actions, intake helpers, ledger export and import.
import { z } from 'zod';
import {
  appealEventView,
  appealListItem,
  appealNoteView,
  attachmentView,
  importReport,
  appealView,
  categoryView,
  clockRuleView,
  listOf,
  routingRuleView,
  similarAppealView,
  type ActionBody,
  type AppealAction,
  type AppealChannel,
  type AppealStatus,
  type CreateAppealBody,
  type ImportReport,
} from '../../../shared/schemas/index.ts';
import { api, apiRequest, apiUpload, apiUrl, type QueryParams } from '../../lib/api.ts';

export type AppealQueue = 'mine' | 'follow-up' | 'triage';

/** The list filters as the pages keep them (strings, as in the URL). */
export interface AppealFilters {
  queue?: AppealQueue;
  status?: AppealStatus[];
  channel?: AppealChannel;
  departmentId?: string;
  categoryId?: string;
  /** 政策兑现 appeals linked to this policy. */
  policyId?: string;
  overdue?: boolean;
  supervised?: boolean;
  q?: string;
  from?: string;
  to?: string;
  sort?: 'deadline' | 'submitted';
}

export const appealKeys = {
  all: ['appeals'] as const,
  lists: ['appeals', 'list'] as const,
  list: (filters: AppealFilters, page: number, pageSize: number) => ['appeals', 'list', filters, page, pageSize] as const,
  count: (filters: AppealFilters) => ['appeals', 'count', filters] as const,
  detail: (id: string) => ['appeals', 'detail', id] as const,
  events: (id: string) => ['appeals', 'events', id] as const,
  notes: (id: string) => ['appeals', 'notes', id] as const,
  attachments: (id: string) => ['appeals', 'attachments', id] as const,
  similar: (input: SimilarInput) => ['appeals', 'similar', input] as const,
  categories: ['appeal-categories'] as const,
  clockRules: ['appeal-rules', 'clocks'] as const,
  routing: ['appeal-rules', 'routing'] as const,
};

/** Query parameters of the list and the ledger export from the filters. */
export function filterQuery(filters: AppealFilters): QueryParams {
  return {
    queue: filters.queue,
    status: filters.status?.length ? filters.status.join(',') : undefined,
    channel: filters.channel,
    departmentId: filters.departmentId,
    categoryId: filters.categoryId,
    policyId: filters.policyId,
    overdue: filters.overdue,
    supervised: filters.supervised,
    q: filters.q,
    from: filters.from,
    to: filters.to,
    sort: filters.sort,
  };
}

export function fetchAppeals(filters: AppealFilters, page: number, pageSize: number) {
  return api.get('/appeals', listOf(appealListItem), { ...filterQuery(filters), page, pageSize });
}

export function fetchAppeal(id: string) {
  return api.get(`/appeals/${id}`, appealView);
}

export function fetchAppealEvents(id: string) {
  return api.get(`/appeals/${id}/events`, listOf(appealEventView));
}

export function fetchAppealNotes(id: string) {
  return api.get(`/appeals/${id}/notes`, listOf(appealNoteView));
}

export function addAppealNote(id: string, content: string) {
  return api.create(`/appeals/${id}/notes`, { content }, appealNoteView);
}

export function submitAppeal(body: CreateAppealBody) {
  return api.create('/appeals', body, appealView);
}

export function performAppealAction<A extends AppealAction>(id: string, action: A, body: ActionBody<A>) {
  return apiRequest(`/appeals/${id}/${action}`, { method: 'POST', body: body ?? {}, schema: appealView });
}

export function fetchCategories() {
  return api.get('/appeal-categories', listOf(categoryView));
}

export function fetchClockRules() {
  return api.get('/appeal-rules/clocks', listOf(clockRuleView));
}

export function fetchRoutingRules() {
  return api.get('/appeal-rules/routing', listOf(routingRuleView));
}

export interface SimilarInput {
  title?: string;
  content?: string;
  enterpriseId?: string;
  excludeId?: string;
}

export function fetchSimilarAppeals(input: SimilarInput) {
  return api.get('/appeals/similar', z.object({ items: z.array(similarAppealView) }), { ...input });
}

export function fetchAttachments(id: string) {
  return api.get(`/appeals/${id}/attachments`, z.object({ items: z.array(attachmentView) }));
}

export function uploadAttachment(id: string, file: File, internal = false) {
  const form = new FormData();
  if (internal) form.append('internal', 'true');
  form.append('file', file, file.name);
  return apiUpload(`/appeals/${id}/attachments`, form, attachmentView);
}

export const attachmentUrl = (appealId: string, attachmentId: string) => apiUrl(`/appeals/${appealId}/attachments/${attachmentId}`);

export const ledgerExportUrl = (filters: AppealFilters) => apiUrl('/appeals/export.xlsx', { ...filterQuery(filters), queue: undefined, sort: undefined });

export type ImportResult = ImportReport;

export function importAppeals(file: File, dryRun: boolean) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload('/appeals/import', form, importReport, { dryRun, mode: 'all-or-nothing' });
}

/** 政策兑现: link the appeal to the policy it is about, or unlink it with null. */
export function linkAppealPolicy(id: string, policyId: string | null) {
  return api.put(`/appeals/${encodeURIComponent(id)}/policy`, { policyId }, appealView);
}
