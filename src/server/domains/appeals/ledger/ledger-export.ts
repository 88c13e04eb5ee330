// The ledger (台账): the appeals a caller may see, filtered as in the list, streamed into an xlsx sheet chunk by chunk (at most 100,000 rows).
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { AppealRow, ClockKind } from '../../../db/schema.ts';
import type { Executor } from '../../../db/transaction.ts';
import type { AppealChannel, AppealStatus, Resolution } from '../../../../shared/schemas/appeals.ts';
import type { LedgerExportQuery } from '../../../../shared/schemas/ledger.ts';
import { whereVisible, type AppealScope } from '../appeal.access.ts';
import { clockOverdue } from '../appeal-view.ts';
import { applyAppealFilters } from '../appeal-filters.ts';
import { channelNames, ratingNames, resolutionNames, statusNames, urgencyNames } from './ledger-vocabulary.ts';
import { DATE_TIME_FORMAT, excelTime, setColumns, styleHeader } from './xlsx.ts';

export const MAX_LEDGER_ROWS = 100_000;
const CHUNK = 2_000;

type LedgerRow = AppealRow & { enterprise_name: string | null; enterprise_uscc: string | null };

interface Names {
  units: Map<string, string>;
  categories: Map<string, string>;
  now: Date;
}

const yesNo = (v: boolean | null | undefined): string | null => (v === null || v === undefined ? null : v ? '是' : '否');
const overdue = (row: AppealRow, kind: ClockKind, now: Date): string | null => (row[`${kind}_due_at`] ? yesNo(clockOverdue(row, kind, now)) : null);

/** The columns; the names are the ones the import reads, so an exported ledger can be checked or re-imported elsewhere. */
export const ledgerColumns: Array<{ header: string; width: number; time?: true; value: (r: LedgerRow, n: Names) => string | number | Date | null }> = [
  { header: '编号', width: 22, value: (r) => r.number },
  { header: '标题', width: 30, value: (r) => r.title },
  { header: '内容', width: 50, value: (r) => r.content },
  { header: '渠道', width: 11, value: (r) => channelNames[r.channel as AppealChannel] ?? r.channel },
  { header: '类别', width: 14, value: (r, n) => (r.category_id ? (n.categories.get(r.category_id) ?? null) : null) },
  { header: '紧急程度', width: 9, value: (r) => urgencyNames[r.urgency] },
  { header: '企业名称', width: 30, value: (r) => r.enterprise_name },
  { header: '统一社会信用代码', width: 21, value: (r) => r.enterprise_uscc },
  { header: '区县', width: 10, value: (r, n) => (r.district_unit_id ? (n.units.get(r.district_unit_id) ?? null) : '市本级') },
  { header: '主办部门', width: 28, value: (r, n) => (r.lead_department_id ? (n.units.get(r.lead_department_id) ?? null) : null) },
  { header: '协办部门', width: 28, value: (r, n) => r.co_department_ids.map((id) => n.units.get(id) ?? id).join('、') || null },
  { header: '状态', width: 9, value: (r) => statusNames[r.status as AppealStatus] ?? r.status },
  { header: '受理时间', width: 17, time: true, value: (r) => excelTime(r.submitted_at) },
  { header: '交办时限', width: 17, time: true, value: (r) => excelTime(r.accept_due_at) },
  { header: '交办时间', width: 17, time: true, value: (r) => (r.lead_department_id ? excelTime(r.accept_met_at) : null) },
  { header: '交办超时', width: 9, value: (r, n) => overdue(r, 'accept', n.now) },
  { header: '签收时限', width: 17, time: true, value: (r) => excelTime(r.sign_due_at) },
  { header: '签收时间', width: 17, time: true, value: (r) => excelTime(r.sign_met_at) },
  { header: '签收超时', width: 9, value: (r, n) => overdue(r, 'sign', n.now) },
  { header: '答复时限', width: 17, time: true, value: (r) => excelTime(r.reply_due_at) },
  { header: '答复时间', width: 17, time: true, value: (r) => excelTime(r.replied_at) },
  { header: '答复超时', width: 9, value: (r, n) => overdue(r, 'reply', n.now) },
  { header: '答复内容', width: 40, value: (r) => r.reply_content },
  { header: '办理结果', width: 10, value: (r) => (r.resolution ? resolutionNames[r.resolution as Resolution] : null) },
  { header: '回访时限', width: 17, time: true, value: (r) => excelTime(r.follow_up_due_at) },
  { header: '回访时间', width: 17, time: true, value: (r) => excelTime(r.follow_up_at) },
  { header: '回访超时', width: 9, value: (r, n) => overdue(r, 'follow_up', n.now) },
  { header: '是否解决', width: 9, value: (r) => yesNo(r.follow_up_resolved) },
  { header: '满意度', width: 11, value: (r) => (r.rating ? ratingNames[r.rating]! : null) },
  { header: '办结时间', width: 17, time: true, value: (r) => excelTime(r.closed_at) },
  { header: '轮次', width: 6, value: (r) => r.round },
  { header: '退回次数', width: 9, value: (r) => r.return_count },
  { header: '重办次数', width: 9, value: (r) => r.reopen_count },
  { header: '督办', width: 6, value: (r) => yesNo(r.supervised) },
];

const filtered = (db: Executor, scope: AppealScope, q: LedgerExportQuery, now: Date) => applyAppealFilters(whereVisible(db.selectFrom('appeals'), scope), q, now);

/** How many rows the filters match, counting no further than `limit + 1` (enough to know whether the sheet is cut). */
export async function countLedgerRows(db: Executor, scope: AppealScope, q: LedgerExportQuery, now: Date, limit = MAX_LEDGER_ROWS): Promise<number> {
  const inner = filtered(db, scope, q, now).select(sql<number>`1`.as('one')).limit(limit + 1);
  const row = await db.selectFrom(inner.as('matched')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function loadNames(db: Executor, now: Date): Promise<Names> {
  const [units, categories] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'name']).execute(),
    db.selectFrom('appeal_categories').select(['id', 'name']).execute(),
  ]);
  return { units: new Map(units.map((u) => [u.id, u.name])), categories: new Map(categories.map((c) => [c.id, c.name])), now };
}

/** Newest first, read in chunks by (submitted_at, id) so no chunk scans the rows before it. */
async function* ledgerRows(db: Executor, scope: AppealScope, q: LedgerExportQuery, now: Date, limit: number): AsyncGenerator<LedgerRow> {
  let after: { at: Date; id: string } | null = null;
  let sent = 0;
  while (sent < limit) {
    let query = filtered(db, scope, q, now)
      .leftJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
      .selectAll('appeals')
      .select(['enterprises.name as enterprise_name', 'enterprises.uscc as enterprise_uscc']);
    if (after) query = query.where(sql<boolean>`(appeals.submitted_at, appeals.id) < (${after.at}, ${after.id}::uuid)`);
    const rows = (await query.orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id', 'desc').limit(Math.min(CHUNK, limit - sent)).execute()) as LedgerRow[];
    for (const row of rows) yield row;
    sent += rows.length;
    if (rows.length === 0 || rows.length < CHUNK) return;
    const last = rows.at(-1)!;
    after = { at: last.submitted_at, id: last.id };
  }
}

export interface LedgerSheetInfo {
  /** Rows matched (capped at the limit + 1). */
  matched: number;
  limit: number;
  generatedAt: string;
}

export const ledgerTitle = (info: LedgerSheetInfo): string =>
  info.matched > info.limit
    ? `诉求台账（导出于 ${info.generatedAt}）：符合条件的诉求超过 ${info.limit.toLocaleString('en')} 条，仅导出最新的 ${info.limit.toLocaleString('en')} 条，请缩小筛选范围 / truncated to the newest ${info.limit} rows`
    : `诉求台账（导出于 ${info.generatedAt}，共 ${info.matched} 条）`;

/** Streams the workbook: row 1 says what it holds (and whether it was cut), row 2 the headers, then one row per appeal. */
export function writeLedger(db: Executor, scope: AppealScope, q: LedgerExportQuery, now: Date, info: LedgerSheetInfo): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '亲清';
  const run = async () => {
    const names = await loadNames(db, now);
    const sheet = workbook.addWorksheet('诉求台账', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
    setColumns(sheet, ledgerColumns.map((c, i) => ({ key: `c${i}`, width: c.width, numFmt: c.time ? DATE_TIME_FORMAT : undefined })));
    const title = sheet.addRow([ledgerTitle(info)]);
    title.font = { bold: true, size: 13, ...(info.matched > info.limit ? { color: { argb: 'FFC00000' } } : {}) };
    title.commit();
    const header = sheet.addRow(ledgerColumns.map((c) => c.header));
    styleHeader(header);
    header.commit();
    for await (const row of ledgerRows(db, scope, q, now, info.limit)) sheet.addRow(ledgerColumns.map((c) => c.value(row, names))).commit();
    sheet.commit();
    await workbook.commit();
  };
  run().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
