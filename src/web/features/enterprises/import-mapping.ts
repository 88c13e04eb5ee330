// The column-mapping step of the import: headers read from a csv's first line, a first guess of each header's field (the dry run's report has the last word), checks before a dry run, and job progress.
import { importFields, type ColumnMapping, type ImportField } from '../../../shared/schemas/enterprise-import.ts';
import type { JobStatus } from './api.ts';

export { importFields, type ImportField };

/** A file cannot be imported without these columns. */
export const requiredImportFields: readonly ImportField[] = ['uscc', 'name'];

/** Header spellings seen in registers (Chinese, with or without units) and the API names; compared without spaces, brackets and case. */
const synonyms: Record<ImportField, string[]> = {
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', 'uscc', 'creditcode'],
  name: ['企业名称', '名称', '单位名称', '企业', 'name'],
  formerNames: ['曾用名', 'formernames', 'formername'],
  legalRepresentative: ['法定代表人', '法人', '法人代表', 'legalrepresentative'],
  registeredAddress: ['注册地址', '住所', '地址', 'registeredaddress', 'address'],
  divisionCode: ['区划代码', '行政区划代码', '所在区划', '区划', 'divisioncode', 'division'],
  industryCode: ['行业代码', '国民经济行业代码', 'industrycode', 'industry'],
  foundedOn: ['成立日期', '成立时间', '注册日期', 'foundedon', 'founded'],
  registeredCapital: ['注册资本', '注册资本万元', 'registeredcapital', 'capital'],
  taxpayerType: ['纳税人类型', '纳税人资格', 'taxpayertype'],
  creditRating: ['纳税信用等级', '信用等级', 'creditrating'],
  contactName: ['联系人', '联系人姓名', 'contactname', 'contact'],
  contactPhone: ['联系电话', '电话', '手机', '联系方式', 'contactphone', 'phone'],
  contactEmail: ['电子邮箱', '邮箱', 'email', 'contactemail'],
  year: ['年度', '数据年度', '统计年度', '年份', 'year', 'figuresyear'],
  headcount: ['从业人员', '从业人员数', '从业人数', '职工人数', 'headcount', 'employees'],
  revenue: ['营业收入', '营业收入万元', '主营业务收入', 'revenue'],
  assets: ['资产总额', '资产总额万元', '总资产', 'assets'],
  tax: ['纳税额', '税收', '纳税总额', '实缴税金', 'tax'],
  tags: ['标签', '企业标签', 'tags'],
};

const simplify = (text: string) => text.toLowerCase().replace(/[\s()（）[\]【】_\-:：/]|万元|人/g, '');

const lookup = new Map<string, ImportField>();
for (const field of importFields) for (const spelling of synonyms[field]) lookup.set(simplify(spelling), field);

export function guessField(header: string): ImportField | null {
  return lookup.get(simplify(header)) ?? null;
}

/** The headers of a csv file's first line: BOM removed, quoted fields ("a,b" and "" inside quotes) understood. */
export function csvHeaders(text: string): string[] {
  const source = text.replace(/^\uFEFF/, '');
  const headers: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      headers.push(current.trim());
      current = '';
    } else if (ch === '\n' || ch === '\r') break;
    else current += ch;
  }
  headers.push(current.trim());
  return headers.length === 1 && headers[0] === '' ? [] : headers;
}

/** What the page shows for a column: a field, left out, or (a header the page does not know) the server's own recognition. */
export type ColumnChoice = ImportField | 'ignore' | 'auto';
export type ColumnChoices = Record<string, ColumnChoice>;

/** Each header's guessed field ('auto' when unknown); a field already taken by an earlier column is not guessed twice. */
export function guessedChoices(headers: readonly string[]): ColumnChoices {
  const choices: ColumnChoices = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const field = guessField(header);
    choices[header] = field && !taken.has(field) ? field : 'auto';
    if (field) taken.add(field);
  }
  return choices;
}

/** The mapping the dry run reported using. */
export function choicesFromReport(columns: readonly { header: string; field: ImportField | null }[]): ColumnChoices {
  return Object.fromEntries(columns.map((c) => [c.header, c.field ?? 'ignore']));
}

/** The `mapping` parameter: every column the page decided (fields, and null for left out); 'auto' ones are left to the server. */
export function mappingToSend(choices: ColumnChoices): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [header, choice] of Object.entries(choices)) if (choice !== 'auto') mapping[header] = choice === 'ignore' ? null : choice;
  return mapping;
}

/** What stops a dry run: a field chosen for several columns; required fields no column holds (known only when no column is left to the server). */
export function mappingProblems(choices: ColumnChoices): { duplicates: ImportField[]; missing: ImportField[] } {
  const counts = new Map<ImportField, number>();
  const values = Object.values(choices);
  for (const choice of values) if (choice !== 'auto' && choice !== 'ignore') counts.set(choice, (counts.get(choice) ?? 0) + 1);
  return {
    duplicates: [...counts].filter(([, count]) => count > 1).map(([field]) => field),
    missing: values.includes('auto') ? [] : requiredImportFields.filter((field) => !counts.has(field)),
  };
}

const finishedStatuses = new Set(['succeeded', 'failed']);

export function isJobFinished(job: Pick<JobStatus, 'status'>): boolean {
  return finishedStatuses.has(job.status);
}

export function isJobFailed(job: Pick<JobStatus, 'status'>): boolean {
  return job.status === 'failed';
}

/** Percent done for the progress bar: processed of total, 100 once finished, never above 99 while running. */
export function jobPercent(job: Pick<JobStatus, 'status' | 'processed' | 'total'>): number {
  if (isJobFinished(job)) return 100;
  if (!job.total) return 0;
  return Math.min(99, Math.floor((job.processed / job.total) * 100));
}

/** Bad rows in row order (then column), so the table reads like the file. */
export function sortedErrors<E extends { row: number; column: string | null }>(errors: readonly E[]): E[] {
  return [...errors].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** How many distinct rows the errors touch. */
export function badRowCount(errors: readonly { row: number }[]): number {
  return new Set(errors.map((e) => e.row)).size;
}
