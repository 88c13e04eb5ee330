// Schemas of appeal KPIs beyond API.md's rows (summary, department ranking), the ledger (台账) export filters and the historical import report.
import { z } from 'zod';
import { booleanQuery, businessDate, uuid } from './common.ts';
import { kpiGroupings, kpiRow, listAppealsQuery } from './appeals.ts';

export const kpiResponse = z.object({
  from: businessDate,
  to: businessDate,
  groupBy: z.enum(kpiGroupings),
  items: z.array(kpiRow),
  /** Every appeal of the period counted once (each appeal falls into exactly one group). */
  summary: kpiRow,
});
export type KpiResponse = z.infer<typeof kpiResponse>;

export const kpiRankingQuery = z.object({ from: businessDate.optional(), to: businessDate.optional() });

/** 市直部门 / 区县部门 / 乡镇（街道）部门: departments are compared within their tier (国办函〔2025〕66号: graded comparisons). */
export const departmentTiers = ['city', 'district', 'township'] as const;
export type DepartmentTier = (typeof departmentTiers)[number];

export const rankingWeights = z.object({ onTimeSign: z.number(), resolution: z.number(), satisfaction: z.number() });
export type RankingWeights = z.infer<typeof rankingWeights>;

export const rankingItem = kpiRow.extend({
  departmentId: uuid,
  tier: z.enum(departmentTiers),
  tierLabel: z.string(),
  /** Σ wᵢ·rateᵢ over the rates that have a denominator, divided by the weights used (0..1); null when none has. */
  score: z.number().nullable(),
  /** 1 = best within the tier; equal scores share a rank; null when not ranked (fewer than `minAppeals` appeals, or no score). */
  rank: z.number().int().nullable(),
});
export type RankingItem = z.infer<typeof rankingItem>;

export const kpiRanking = z.object({
  from: businessDate,
  to: businessDate,
  weightsVersion: z.string(),
  weights: rankingWeights,
  minAppeals: z.number().int(),
  items: z.array(rankingItem),
});
export type KpiRanking = z.infer<typeof kpiRanking>;

/** The ledger export takes the list's filters (not its paging, queue or sort). */
export const ledgerExportQuery = listAppealsQuery.pick({
  status: true,
  departmentId: true,
  channel: true,
  categoryId: true,
  enterpriseId: true,
  overdue: true,
  supervised: true,
  q: true,
  from: true,
  to: true,
});
export type LedgerExportQuery = z.infer<typeof ledgerExportQuery>;

export const importModes = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof importModes)[number];

export const importQuery = z.object({
  dryRun: booleanQuery.default(false),
  /** all-or-nothing: one bad row and nothing is written; valid-rows: the good rows are imported, the bad ones reported. */
  mode: z.enum(importModes).default('valid-rows'),
});

export const importError = z.object({
  /** The row number as the spreadsheet shows it (the header row is 1 unless the sheet has title rows above it). */
  row: z.number().int(),
  /** The column header as written in the file, or null for the row (or the file) as a whole. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importError>;

export const importReport = z.object({
  dryRun: z.boolean(),
  mode: z.enum(importModes),
  /** Data rows in the file. */
  total: z.number().int(),
  /** Rows written (0 in a dry run; in a dry run `valid` says how many would be). */
  imported: z.number().int(),
  valid: z.number().int(),
  errors: z.array(importError),
  /** Headers that match no known column and were left out. */
  ignoredColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReport>;
