// Export of a filtered enterprise list (the list's filters) to a streamed xlsx or csv whose headers the import reads back; masked columns are named so that an import leaves them out.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import type { EnterpriseExportQuery } from '../../../../shared/schemas/enterprise-import.ts';
import { applyEnterpriseFilters } from '../enterprise-search.ts';
import type { EnterpriseScope } from '../enterprise.access.ts';
import { maskPersonName } from '../enterprise-view.ts';
import { findDivision } from '../reference/divisions.ts';
import { findIndustry } from '../reference/industries.ts';
import { businessDateOf, shanghaiYearOf } from '../../calendar/working-days.ts';

const CHUNK = 5000;

export const tagLabels: Record<string, string> = {
  above_scale: '规上企业', specialised: '专精特新', little_giant: '专精特新"小巨人"', high_tech: '高新技术企业', tech_sme: '科技型中小企业', whitelist: '白名单', ipo_reserve: '上市后备',
};
const sizeLabels: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const taxpayerLabels: Record<string, string> = { general: '一般纳税人', small_scale: '小规模纳税人' };

interface ExportRow {
  id: string;
  uscc: string;
  name: string;
  former_names: string[];
  division_code: string | null;
  industry_code: string | null;
  founded_on: string | null;
  legal_representative: string | null;
  registered_address: string | null;
  registered_capital_wan: string | null;
  taxpayer_type: string | null;
  credit_rating: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  size_class: string | null;
  size_year: number | null;
  status: string;
  year: number | null;
  headcount: number | null;
  revenue_wan: string | null;
  assets_wan: string | null;
  tax_wan: string | null;
  tags: string[] | null;
}

export interface ExportOptions {
  /** Contact phones in full (the office); otherwise masked under a header the import ignores. */
  fullPhones: boolean;
}

const maskPhone = (phone: string | null) => (phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone ? '****' : null);
/** Decimal strings without trailing zeros ('1200.500000' → '1200.5'); kept as text so that no digit is lost. */
const decimal = (d: string | null) => (d === null ? null : d.includes('.') ? d.replace(/\.?0+$/, '') : d);

/** Headers first; masked columns say so (脱敏), which keeps an import of the file from writing masked values back. */
function columnsFor(options: ExportOptions) {
  return [
    { header: '统一社会信用代码', width: 22, value: (r: ExportRow) => r.uscc.trim() },
    { header: '企业名称', width: 36, value: (r: ExportRow) => r.name },
    { header: '曾用名', width: 24, value: (r: ExportRow) => r.former_names.join(';') || null },
    { header: '所属区划', width: 14, value: (r: ExportRow) => r.division_code },
    { header: '区划名称', width: 30, value: (r: ExportRow) => (r.division_code ? (findDivision(r.division_code)?.fullName ?? null) : null) },
    { header: '行业代码', width: 10, value: (r: ExportRow) => r.industry_code },
    { header: '行业名称', width: 24, value: (r: ExportRow) => (r.industry_code ? (findIndustry(r.industry_code)?.name ?? null) : null) },
    { header: '成立日期', width: 12, value: (r: ExportRow) => r.founded_on },
    { header: '法定代表人（脱敏）', width: 12, value: (r: ExportRow) => maskPersonName(r.legal_representative) },
    { header: '注册地址', width: 36, value: (r: ExportRow) => r.registered_address },
    { header: '注册资本(万元)', width: 14, value: (r: ExportRow) => decimal(r.registered_capital_wan) },
    { header: '纳税人类型', width: 12, value: (r: ExportRow) => (r.taxpayer_type ? taxpayerLabels[r.taxpayer_type] : null) },
    { header: '纳税信用等级', width: 10, value: (r: ExportRow) => r.credit_rating },
    { header: '联系人', width: 10, value: (r: ExportRow) => r.contact_name },
    options.fullPhones
      ? { header: '联系电话', width: 15, value: (r: ExportRow) => r.contact_phone }
      : { header: '联系电话（脱敏）', width: 15, value: (r: ExportRow) => maskPhone(r.contact_phone) },
    { header: '企业规模', width: 8, value: (r: ExportRow) => (r.size_class ? sizeLabels[r.size_class] : null) },
    { header: '规模依据年度', width: 10, value: (r: ExportRow) => r.size_year },
    { header: '年度', width: 8, value: (r: ExportRow) => r.year },
    { header: '从业人员', width: 10, value: (r: ExportRow) => r.headcount },
    { header: '营业收入(万元)', width: 16, value: (r: ExportRow) => decimal(r.revenue_wan) },
    { header: '资产总额(万元)', width: 16, value: (r: ExportRow) => decimal(r.assets_wan) },
    { header: '税收(万元)', width: 14, value: (r: ExportRow) => decimal(r.tax_wan) },
    { header: '标签', width: 30, value: (r: ExportRow) => (r.tags ?? []).map((t) => tagLabels[t] ?? t).join(';') || null },
    { header: '登记状态', width: 10, value: (r: ExportRow) => (r.status === 'active' ? '存续' : '注销') },
  ];
}

/** The matching enterprises in id order, a chunk at a time (keyset paging: no cursor, no OFFSET). */
async function* exportRows(db: Executor, scope: EnterpriseScope, query: EnterpriseExportQuery, now: Date): AsyncGenerator<ExportRow> {
  const today = businessDateOf(now);
  const defaultYear = shanghaiYearOf(now) - 1;
  let after: string | null = null;
  for (;;) {
    let q = applyEnterpriseFilters(db.selectFrom('enterprises'), scope, query, today);
    if (after) q = q.where('enterprises.id', '>', after);
    const rows = (await q
      .leftJoin('enterprise_figures as f', (join) =>
        join.onRef('f.enterprise_id', '=', 'enterprises.id').on(sql<boolean>`f.year = COALESCE(${query.year ?? null}::int, enterprises.size_year, ${defaultYear}::int)`),
      )
      .select([
        'enterprises.id', 'enterprises.uscc', 'enterprises.name', 'enterprises.former_names', 'enterprises.division_code', 'enterprises.industry_code',
        'enterprises.founded_on', 'enterprises.legal_representative', 'enterprises.registered_address', 'enterprises.registered_capital_wan',
        'enterprises.taxpayer_type', 'enterprises.credit_rating', 'enterprises.contact_name', 'enterprises.contact_phone',
        'enterprises.size_class', 'enterprises.size_year', 'enterprises.status',
        'f.year', 'f.headcount', 'f.revenue_wan', 'f.assets_wan', 'f.tax_wan',
        sql<string[] | null>`(SELECT array_agg(t.tag ORDER BY t.tag) FROM enterprise_tags t WHERE t.enterprise_id = enterprises.id AND t.revoked_at IS NULL
          AND t.valid_from <= ${today}::date AND (t.valid_until IS NULL OR t.valid_until >= ${today}::date))`.as('tags'),
      ])
      .orderBy('enterprises.id')
      .limit(CHUNK)
      .execute()) as ExportRow[];
    for (const row of rows) yield row;
    if (rows.length < CHUNK) return;
    after = rows.at(-1)!.id;
  }
}

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

/** Writes the export to `out` (ended when done) and resolves with the number of enterprises written. */
export async function exportEnterprises(db: Executor, scope: EnterpriseScope, query: EnterpriseExportQuery, now: Date, out: Writable, options: ExportOptions = { fullPhones: true }): Promise<number> {
  const columns = columnsFor(options);
  let count = 0;
  if (query.format === 'csv') {
    // A BOM, so that Excel opens the UTF-8 file with its Chinese intact.
    await write(out, `\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
    let chunk = '';
    for await (const row of exportRows(db, scope, query, now)) {
      chunk += `${columns.map((c) => csvCell(c.value(row))).join(',')}\r\n`;
      count++;
      if (chunk.length > 1 << 16) {
        await write(out, chunk);
        chunk = '';
      }
    }
    out.end(chunk);
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = '亲清';
    const sheet = workbook.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const row of exportRows(db, scope, query, now)) {
      sheet.addRow(columns.map((c) => c.value(row))).commit();
      count++;
    }
    sheet.commit();
    await workbook.commit();
  }
  await new Promise<void>((resolve, reject) => {
    if (out.writableFinished) return resolve();
    out.once('finish', () => resolve()).once('error', reject);
  });
  return count;
}
