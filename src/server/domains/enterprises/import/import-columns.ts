// The column-mapping step of an enterprise import: header texts (Chinese or English synonyms, units in brackets) → fields, or the caller's explicit mapping.
import { importFields, type ColumnMapping, type EnterpriseImportError, type ImportField } from '../../../../shared/schemas/enterprise-import.ts';

/** Known names per field, compared after normalising (see `headerKey`). */
const synonyms: Record<ImportField, string[]> = {
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '统一社会信用代码/注册号', 'uscc', 'creditcode', 'unifiedsocialcreditcode', 'socialcreditcode'],
  name: ['企业名称', '单位名称', '企业(单位)名称', '名称', '企业全称', '公司名称', 'name', 'enterprisename', 'companyname', 'enterprise'],
  formerNames: ['曾用名', '原名称', 'formername', 'formernames'],
  divisionCode: ['所属区划', '所属区划代码', '区划代码', '行政区划代码', '统计用区划代码', '区划', '所在地区划代码', 'division', 'divisioncode', 'regioncode'],
  industryCode: ['行业代码', '国民经济行业代码', '行业小类代码', '所属行业代码', '行业分类代码', 'industry', 'industrycode'],
  foundedOn: ['成立日期', '成立时间', '注册日期', '设立日期', 'founded', 'foundedon', 'foundingdate', 'dateofestablishment', 'established'],
  legalRepresentative: ['法定代表人', '法人代表', '法定代表人(负责人)', '负责人', 'legalrepresentative', 'legalperson'],
  registeredAddress: ['注册地址', '住所', '企业地址', '地址', '经营场所', 'registeredaddress', 'address'],
  registeredCapital: ['注册资本', '注册资金', 'registeredcapital', 'capital'],
  taxpayerType: ['纳税人类型', '纳税人资格', '纳税人性质', 'taxpayertype'],
  creditRating: ['纳税信用等级', '信用等级', '纳税信用级别', 'creditrating', 'taxcreditrating'],
  contactName: ['联系人', '联系人姓名', 'contact', 'contactname'],
  contactPhone: ['联系电话', '联系人电话', '联系方式', '电话', '手机', '手机号码', 'phone', 'contactphone', 'telephone', 'mobile'],
  contactEmail: ['电子邮箱', '邮箱', '电子邮件', 'email', 'e-mail', 'contactemail'],
  year: ['年度', '统计年度', '数据年度', '年份', 'year', 'figuresyear'],
  headcount: ['从业人员', '从业人数', '从业人员数', '从业人员期末人数', '从业人员平均人数', '职工人数', '员工人数', '在职人数', 'headcount', 'employees', 'staff'],
  revenue: ['营业收入', '主营业务收入', '营业总收入', '销售收入', 'revenue', 'operatingrevenue', 'sales', 'turnover'],
  assets: ['资产总额', '总资产', '资产总计', 'assets', 'totalassets'],
  tax: ['税收', '纳税额', '实缴税金', '纳税总额', '税收总额', '税金', 'tax', 'taxpaid'],
  tags: ['标签', '企业标签', '企业类型标签', '资质', 'tags', 'tag'],
};

/** Money fields read a unit from their header: 营业收入(元) is converted to 万元 exactly. */
export const moneyFields = new Set<ImportField>(['revenue', 'assets', 'tax', 'registeredCapital']);

/** The power of ten that turns a header's unit into 万元: 元 −4, 千元 −1, 万元 0, 亿元 +4; null when the header names none. */
export type UnitShift = -4 | -1 | 0 | 4;
const unitShifts: Array<[RegExp, UnitShift]> = [
  [/^(万元|万|万元人民币|10k ?yuan|10,?000 ?yuan|wan|10k ?cny)$/i, 0],
  [/^(千元|thousand ?yuan|k ?yuan)$/i, -1],
  [/^(亿元|亿|100m ?yuan)$/i, 4],
  [/^(元|人民币元|yuan|cny|rmb)$/i, -4],
];

/** Full-width brackets and spaces folded, case ignored: "营业收入（万元）" and "营业收入 (万元)" are the same header. */
function splitHeader(text: string): { base: string; unit: string | null } {
  const folded = text.normalize('NFKC').replace(/\s+/g, '').replace(/[【[]/g, '(').replace(/[】\]]/g, ')');
  const m = /^(.*?)\(([^()]*)\)$/.exec(folded);
  return m && m[1] ? { base: m[1].toLowerCase(), unit: m[2]! } : { base: folded.toLowerCase(), unit: null };
}

const synonymIndex = new Map<string, ImportField>();
for (const field of importFields) for (const name of synonyms[field]) synonymIndex.set(splitHeader(name).base, field);
for (const field of importFields) synonymIndex.set(field.toLowerCase(), field);

/** The field a header names, with the unit its brackets give (money fields only). */
export function fieldOfHeader(text: string): { field: ImportField; unitShift: UnitShift | null } | null {
  // Masked columns of an export (法定代表人（脱敏）) never write their stars back.
  if (/脱敏|masked/i.test(text)) return null;
  const { base, unit } = splitHeader(text);
  const field = synonymIndex.get(base);
  if (!field) return null;
  if (!unit || !moneyFields.has(field)) return { field, unitShift: null };
  const shift = unitShifts.find(([pattern]) => pattern.test(unit))?.[1];
  return { field, unitShift: shift ?? null };
}

export interface ColumnPlan {
  /** Per column of the file: the field it feeds, or null. */
  fields: Array<ImportField | null>;
  /** Per column: the unit shift to 万元 (money fields), else 0. */
  shifts: number[];
  /** Field → the header text as written, for messages. */
  headers: Partial<Record<ImportField, string>>;
  columns: Array<{ header: string; field: ImportField | null }>;
  ignoredColumns: string[];
}

export type MappingOutcome = { ok: true; plan: ColumnPlan } | { ok: false; errors: EnterpriseImportError[] };

export const REQUIRED_FIELDS: readonly ImportField[] = ['uscc', 'name'];

/**
 * Maps a header row: the caller's mapping first (header text → field, or null to leave a column out), then the known
 * names. A field claimed by two columns, a mapping naming a header the file lacks, and a missing required field are errors.
 */
export function planColumns(headerRow: ReadonlyArray<unknown>, headerRowNumber: number, mapping: ColumnMapping = {}): MappingOutcome {
  const errors: EnterpriseImportError[] = [];
  const texts = headerRow.map((v) => (v === null || v === undefined ? '' : String(v).trim()));
  const explicit = new Map<string, ImportField | null>();
  for (const [header, field] of Object.entries(mapping)) explicit.set(header.normalize('NFKC').trim(), field);
  for (const header of explicit.keys()) {
    if (!texts.some((t) => t.normalize('NFKC') === header)) {
      errors.push({ row: headerRowNumber, column: header, message: `映射中的列“${header}”不在表头中 / the mapping names a column the file does not have` });
    }
  }
  const plan: ColumnPlan = { fields: [], shifts: [], headers: {}, columns: [], ignoredColumns: [] };
  texts.forEach((text, col) => {
    let field: ImportField | null = null;
    let shift: UnitShift | null = null;
    const key = text.normalize('NFKC');
    if (explicit.has(key)) {
      field = explicit.get(key) ?? null;
      if (field && moneyFields.has(field)) shift = fieldOfHeader(text)?.unitShift ?? null;
    } else if (text) {
      const found = fieldOfHeader(text);
      field = found?.field ?? null;
      shift = found?.unitShift ?? null;
    }
    if (field && plan.headers[field] !== undefined) {
      errors.push({ row: headerRowNumber, column: text, message: `“${text}”与“${plan.headers[field]}”都对应字段 ${field}，请在映射中指定其一 / two columns map to ${field}: name one in the mapping` });
      field = null;
    }
    if (field) plan.headers[field] = text;
    else if (text) plan.ignoredColumns.push(text);
    plan.fields[col] = field;
    plan.shifts[col] = shift ?? 0;
    if (text) plan.columns.push({ header: text, field });
  });
  for (const field of REQUIRED_FIELDS) {
    if (plan.headers[field] === undefined) {
      const names = synonyms[field].slice(0, 2).join('、');
      errors.push({ row: headerRowNumber, column: null, message: `缺少必需的列：${names}（或在映射中指定）/ required column missing: ${field}` });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, plan };
}

/** True when a row looks like a header: it names the credit code and at least one more known column. */
export function looksLikeHeader(values: ReadonlyArray<unknown>, mapping: ColumnMapping = {}): boolean {
  const mapped = new Set(Object.keys(mapping).map((k) => k.normalize('NFKC').trim()));
  let known = 0;
  let hasCode = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const text = v.trim();
    const field = mapped.has(text.normalize('NFKC')) ? mapping[text] : fieldOfHeader(text)?.field;
    if (!field) continue;
    known++;
    if (field === 'uscc') hasCode = true;
  }
  return hasCode && known >= 2;
}
