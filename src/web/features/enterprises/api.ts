// Calls of the enterprise registry: search (also for pickers), one enterprise, create and edit, yearly figures, tags, export, import jobs, division and industry pickers.
import { z } from 'zod';
import { enterpriseSummary, listOf } from '../../../shared/schemas/index.ts';
import {
  enterpriseListItem,
  enterpriseView,
  type CreateEnterpriseBody,
  type EnterpriseTag,
  type PutFiguresBody,
  type SizeClassName,
  type TagInput,
  type UpdateEnterpriseBody,
} from '../../../shared/schemas/enterprises.ts';
import {
  jobAccepted,
  jobStatusView,
  type ColumnMapping,
  type EnterpriseImportError,
  type EnterpriseImportMode,
  type JobStatusView,
} from '../../../shared/schemas/enterprise-import.ts';
import { api, apiRequest, apiUpload, apiUrl, type QueryParams } from '../../lib/api.ts';

/** The list filters as the list page keeps them (strings, as in the URL). */
export interface EnterpriseFilters {
  q?: string;
  divisionCode?: string;
  industryCode?: string;
  tag?: EnterpriseTag;
  size?: SizeClassName;
}

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  search: (q: string) => ['enterprises', 'search', q] as const,
  list: (filters: EnterpriseFilters, page: number, pageSize: number) => ['enterprises', 'list', filters, page, pageSize] as const,
  detail: (uscc: string) => ['enterprises', 'detail', uscc] as const,
  own: ['enterprises', 'own'] as const,
  job: (id: string) => ['jobs', id] as const,
  divisions: (parent: string) => ['reference', 'divisions', parent] as const,
  industries: ['reference', 'industries'] as const,
};

export function searchEnterprises(q: string, pageSize = 20) {
  return api.get('/enterprises', listOf(enterpriseSummary), { q: q.trim() || undefined, page: 1, pageSize });
}

/** Query parameters of the list and the export from the filters. */
export function filterQuery(filters: EnterpriseFilters): QueryParams {
  return { q: filters.q?.trim() || undefined, divisionCode: filters.divisionCode, industryCode: filters.industryCode, tag: filters.tag, size: filters.size };
}

/** The list; beyond 1,000 matches the server stops counting (`totalExact: false`). */
export const enterpriseList = listOf(enterpriseListItem).extend({ totalExact: z.boolean().optional() });

export function fetchEnterprises(filters: EnterpriseFilters, page: number, pageSize: number) {
  return api.get('/enterprises', enterpriseList, { ...filterQuery(filters), page, pageSize });
}

export function fetchEnterprise(uscc: string) {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}`, enterpriseView);
}

/** An enterprise user's own enterprise: the list answers only that one for them. */
export async function fetchOwnEnterprise() {
  const list = await api.get('/enterprises', listOf(enterpriseListItem), { page: 1, pageSize: 1 });
  const own = list.items[0];
  return own ? fetchEnterprise(own.uscc) : null;
}

export function createEnterprise(body: CreateEnterpriseBody) {
  return api.create('/enterprises', body, enterpriseView);
}

export function updateEnterprise(uscc: string, body: UpdateEnterpriseBody) {
  return api.patch(`/enterprises/${encodeURIComponent(uscc)}`, body, enterpriseView);
}

export function putFigures(uscc: string, year: number, body: PutFiguresBody) {
  return apiRequest(`/enterprises/${encodeURIComponent(uscc)}/figures/${year}`, { method: 'PUT', body });
}

export function addTag(uscc: string, body: TagInput) {
  return apiRequest(`/enterprises/${encodeURIComponent(uscc)}/tags`, { method: 'POST', body, creates: true });
}

export function revokeTag(uscc: string, tagId: string, note?: string) {
  return apiRequest(`/enterprises/${encodeURIComponent(uscc)}/tags/${tagId}`, { method: 'DELETE', body: note ? { note } : undefined });
}

export type ExportFormat = 'xlsx' | 'csv';

/** The download of the filtered list, opened by the browser with the session cookie. */
export function exportUrl(filters: EnterpriseFilters, format: ExportFormat): string {
  return apiUrl('/enterprises/export', { format, ...filterQuery(filters) });
}

export type ImportMode = EnterpriseImportMode;
export type JobStatus = JobStatusView;
export type JobError = EnterpriseImportError;

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  mode: ImportMode;
  /** Header as written in the file → field (null: leave out); headers not named are recognised by the server. */
  mapping: ColumnMapping;
  /** The year of the figures when the file has no 年度 column. */
  year?: number;
  /** The figures really are in 万元 although they look 元-sized. */
  acceptUnits?: boolean;
}

export function startImport({ file, dryRun, mode, mapping, year, acceptUnits }: ImportRequest) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload('/enterprises/import', form, jobAccepted, {
    dryRun,
    mode,
    year,
    acceptUnits: acceptUnits || undefined,
    mapping: Object.keys(mapping).length ? JSON.stringify(mapping) : undefined,
  });
}

export function fetchJob(id: string) {
  return api.get(`/jobs/${encodeURIComponent(id)}`, jobStatusView);
}

export const divisionOption = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string().optional(),
  /** False for the last level (villages), so the cascader stops there. */
  hasChildren: z.boolean().optional(),
});
export type DivisionOption = z.infer<typeof divisionOption>;

/** The children of a division (`parent` empty: the provinces). */
export function fetchDivisions(parent: string) {
  return api.get('/reference/divisions', z.object({ items: z.array(divisionOption) }), { parent: parent || undefined });
}

export interface IndustryNode {
  code: string;
  name: string;
  children?: IndustryNode[];
}
const industryNode: z.ZodType<IndustryNode> = z.lazy(() => z.object({ code: z.string(), name: z.string(), children: z.array(industryNode).optional() }));

/** GB/T 4754-2017 as a tree: sections → divisions → groups → classes. */
export function fetchIndustries() {
  return api.get('/reference/industries', z.object({ items: z.array(industryNode) }));
}
