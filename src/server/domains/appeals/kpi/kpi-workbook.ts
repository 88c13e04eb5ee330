// The KPI table as an xlsx workbook: Chinese headers, counts beside their rates (formatted as percentages), a totals row, and a sheet with the definitions.
import ExcelJS from 'exceljs';
import type { KpiRow } from '../../../../shared/schemas/appeals.ts';
import { PERCENT_FORMAT, setColumns, styleHeader } from '../ledger/xlsx.ts';
import type { KpiGrouping, KpiPeriod } from './appeal-kpis.ts';

const groupHeaders: Record<KpiGrouping, string> = { department: '主办部门', district: '区县', channel: '渠道', month: '月份' };
export const groupNames: Record<KpiGrouping, string> = { department: '按部门', district: '按区县', channel: '按渠道', month: '按月份' };

const columns: Array<{ key: keyof KpiRow; header: string; width: number; percent?: boolean }> = [
  { key: 'total', header: '诉求总数', width: 10 },
  { key: 'signDue', header: '应签收', width: 9 },
  { key: 'signedOnTime', header: '按时签收', width: 9 },
  { key: 'onTimeSignRate', header: '按时签收率', width: 11, percent: true },
  { key: 'replyDue', header: '应答复', width: 9 },
  { key: 'repliedOnTime', header: '按时答复', width: 9 },
  { key: 'onTimeReplyRate', header: '按时答复率', width: 11, percent: true },
  { key: 'replied', header: '已答复', width: 9 },
  { key: 'resolved', header: '已解决', width: 9 },
  { key: 'resolutionRate', header: '解决率', width: 10, percent: true },
  { key: 'followedUp', header: '已回访', width: 9 },
  { key: 'followUpRate', header: '回访率', width: 10, percent: true },
  { key: 'rated', header: '已评价', width: 9 },
  { key: 'satisfied', header: '满意', width: 9 },
  { key: 'satisfactionRate', header: '满意率', width: 10, percent: true },
];

export const kpiHeaders = (groupBy: KpiGrouping): string[] => [groupHeaders[groupBy], ...columns.map((c) => c.header)];

const definitions: Array<[string, string]> = [
  ['统计范围', '受理时间在统计期内、调用者可见的诉求，不含不予受理和已合并的诉求'],
  ['应签收 / 按时签收', '已交办且已签收或签收时限已过的诉求 / 其中签收时间不晚于签收时限的'],
  ['应答复 / 按时答复', '已交办且已答复或答复时限已过的诉求（暂停期间不计） / 其中答复时间不晚于答复时限的'],
  ['解决率', '已解决 ÷ 已答复；已解决以回访结论为准，未回访的以答复的办理结果“已解决”为准'],
  ['回访率', '已回访 ÷ 已答复'],
  ['满意率', '评价为基本满意及以上（3 至 5 分）÷ 已评价'],
  ['比率为空', '分母为 0 时不计算'],
];

export async function kpiWorkbook(rows: readonly KpiRow[], summary: KpiRow, groupBy: KpiGrouping, period: KpiPeriod, generatedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '亲清';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(`诉求指标（${groupNames[groupBy]}）`, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  setColumns(sheet, [{ key: 'label', width: groupBy === 'department' ? 34 : 14 }, ...columns.map((c) => ({ key: c.key, width: c.width, numFmt: c.percent ? PERCENT_FORMAT : undefined }))]);
  styleHeader(sheet.addRow(kpiHeaders(groupBy)));
  const write = (row: KpiRow) => sheet.addRow([row.label, ...columns.map((c) => row[c.key])]);
  for (const row of rows) write(row);
  const total = write(summary);
  total.font = { bold: true };
  total.border = { top: { style: 'thin' } };

  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 22 }, { width: 80 }];
  about.addRow(['统计期', `${period.from} 至 ${period.to}（北京时间）`]);
  about.addRow(['分组', groupNames[groupBy]]);
  about.addRow(['生成时间', generatedAt]);
  for (const [term, meaning] of definitions) about.addRow([term, meaning]);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
