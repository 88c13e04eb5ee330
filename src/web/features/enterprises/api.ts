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

export function fetchEnterprises(filters: EnterpriseFilters, page: number, pageSize: number) {
  return api.get('/enterprises', listOf(enterpriseListItem), { ...filterQuery(filters), page, pageSize });
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
  return apiRequest(`/enterprises/${encodeURIComponent(uscc)}/tags/${tagId}/revoke`, { method: 'POST', body: note ? { note } : {} });
}

export type ExportFormat = 'xlsx' | 'csv';

/** The download of the filtered list, opened by the browser with the session cookie. */
export function exportUrl(filters: EnterpriseFilters, format: ExportFormat): string {
  return apiUrl('/enterprises/export', { format, ...filterQuery(filters) });
}

export const importModes = ['valid-rows', 'all-or-nothing'] as const;
export type ImportMode = (typeof importModes)[number];

export const importAccepted = z.object({ jobId: z.string() });

export const jobError = z.object({
  row: z.number().int().nullable(),
  /** The column header as written in the file (or the field), when the problem is one cell. */
  column: z.string().nullable().optional(),
  message: z.string(),
});
export type JobError = z.infer<typeof jobError>;

/** GET /jobs/{id}: the fixed fields of the contract, and what an import job may add beside them. */
export const jobStatus = z.object({
  status: z.string(),
  processed: z.number(),
  total: z.number().nullable(),
  errors: z.array(jobError),
  dryRun: z.boolean().optional(),
  /** Rows written (or, in a dry run, that would be). */
  imported: z.number().optional(),
  valid: z.number().optional(),
  /** The headers found in the file and the field each was mapped to (null: ignored). */
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })).optional(),
  message: z.string().nullable().optional(),
});
export type JobStatus = z.infer<typeof jobStatus>;

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  mode: ImportMode;
  /** Header as written in the file → field name; headers left out are matched by the server's own rules. */
  mapping: Record<string, string | null>;
}

export function startImport({ file, dryRun, mode, mapping }: ImportRequest) {
  const form = new FormData();
  // Fields before the file: the server reads the multipart stream in order.
  form.append('dryRun', String(dryRun));
  form.append('mode', mode);
  form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  return apiUpload('/enterprises/import', form, importAccepted, { dryRun, mode });
}

export function fetchJob(id: string) {
  return api.get(`/jobs/${encodeURIComponent(id)}`, jobStatus);
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
