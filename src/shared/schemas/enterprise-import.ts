// Schemas of the enterprise import (API.md "Enterprises": POST /enterprises/import → 202 {jobId}), the job status (GET /jobs/{id}) and the export query.
import { z } from 'zod';
import { booleanQuery, uuid } from './common.ts';
import { searchEnterprisesQuery } from './enterprises.ts';

/** The columns an import understands; a file names them in Chinese or English (see docs/ENTERPRISES.md "Import and export"). */
export const importFields = [
  'uscc', 'name', 'formerNames', 'divisionCode', 'industryCode', 'foundedOn', 'legalRepresentative', 'registeredAddress',
  'registeredCapital', 'taxpayerType', 'creditRating', 'contactName', 'contactPhone', 'contactEmail',
  'year', 'headcount', 'revenue', 'assets', 'tax', 'tags',
] as const;
export type ImportField = (typeof importFields)[number];

export const enterpriseImportModes = ['valid-rows', 'all-or-nothing'] as const;
export type EnterpriseImportMode = (typeof enterpriseImportModes)[number];

/** Header text in the file → field (or null: leave the column out). */
export const columnMapping = z.record(z.string(), z.enum(importFields).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

const mappingQuery = z
  .string()
  .max(4000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'mapping 须为 JSON 对象 {"表头": "字段"} / mapping must be a JSON object {"header": "field"}' });
      return z.NEVER;
    }
  })
  .pipe(columnMapping);

export const enterpriseImportQuery = z.object({
  /** Check every row, write nothing. */
  dryRun: booleanQuery.default(false),
  /** valid-rows: the good rows are written and the bad ones reported; all-or-nothing: one bad row and nothing is written. */
  mode: z.enum(enterpriseImportModes).default('valid-rows'),
  /** The year the figures (headcount, revenue, assets, tax) belong to, unless the file has a 年度 column; defaults to last year. */
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  /** JSON: {"file header": "field" | null}; headers not named here are recognised by their usual names. */
  mapping: mappingQuery.optional(),
  /** The figures really are in 万元 even though they look 元-sized: import them as they are. */
  acceptUnits: booleanQuery.default(false),
});
export type EnterpriseImportQuery = z.infer<typeof enterpriseImportQuery>;

export const enterpriseImportError = z.object({
  /** The row number a spreadsheet program shows (the header is row 1 unless title rows stand above it); 0 for the file as a whole. */
  row: z.number().int(),
  /** The column header as written in the file, or null for the row (or file) as a whole. */
  column: z.string().nullable(),
  message: z.string(),
});
export type EnterpriseImportError = z.infer<typeof enterpriseImportError>;

export const enterpriseImportReport = z.object({
  dryRun: z.boolean(),
  mode: z.enum(enterpriseImportModes),
  fileName: z.string().nullable(),
  sha256: z.string(),
  /** The figures' year when the file has no 年度 column. */
  year: z.number().int(),
  /** Data rows read. */
  total: z.number().int(),
  /** Rows that passed every check (in a dry run: would be written). */
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Valid rows identical to what is stored. */
  unchanged: z.number().int(),
  /** True when rows were written (false in a dry run, and when all-or-nothing met a bad row). */
  applied: z.boolean(),
  errorCount: z.number().int(),
  /** The first 10,000 problems, in file order. */
  errors: z.array(enterpriseImportError),
  /** Header → field as used. */
  columns: z.array(z.object({ header: z.string(), field: z.enum(importFields).nullable() })),
  ignoredColumns: z.array(z.string()),
  seconds: z.number(),
});
export type EnterpriseImportReport = z.infer<typeof enterpriseImportReport>;

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

export const jobStatusView = z.object({
  id: uuid,
  kind: z.string(),
  status: z.enum(jobStatuses),
  /** Rows read so far. */
  processed: z.number().int(),
  /** Rows in the file: exact for csv from the start, an estimate from the bytes read for xlsx until the end (totalExact). */
  total: z.number().int().nullable(),
  totalExact: z.boolean(),
  errors: z.array(enterpriseImportError),
  errorCount: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The import report once finished. */
  result: enterpriseImportReport.nullable(),
  /** Why the job failed as a whole (an unreadable file, a database error). */
  failure: z.string().nullable(),
});
export type JobStatusView = z.infer<typeof jobStatusView>;

export const jobAccepted = z.object({ jobId: uuid });

export const exportFormats = ['xlsx', 'csv'] as const;
export const enterpriseExportQuery = searchEnterprisesQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(exportFormats).default('xlsx'),
  /** The figures of this year in the sheet; defaults to each enterprise's size year, else last year. */
  year: z.coerce.number().int().min(1949).max(2200).optional(),
});
export type EnterpriseExportQuery = z.infer<typeof enterpriseExportQuery>;
