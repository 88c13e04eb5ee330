// One ledger row checked in full (every problem reported, with its column) and turned into the steps that replay it: submit, assign, sign, reply, follow-up or rating, close.
import { createAppealBody, MAX_CONTENT, type ActionBody, type AppealAction, type CreateAppealBody, type Resolution } from '../../../../shared/schemas/appeals.ts';
import type { ImportError } from '../../../../shared/schemas/ledger.ts';
import { fieldLabel, type LedgerField } from './ledger-fields.ts';
import { fromExcelTime } from './xlsx.ts';
import type { CellValue, LedgerSheetRow } from './parse-ledger-file.ts';
import { channelWords, noWords, normalizeWord, ratingWords, resolutionWords, urgencyWords, yesWords } from './ledger-vocabulary.ts';

/** What the rows are checked against, loaded once per file. */
export interface LedgerLookup {
  now: Date;
  /** Department ids by code and by exact name (active departments only). */
  departments: Map<string, string>;
  /** Category codes by code, Chinese name and translated names (lower-cased). */
  categories: Map<string, string>;
  /** Enterprise ids by upper-case credit code. */
  enterprises: Map<string, string>;
  /** Years whose working-day calendar is loaded. */
  calendarYears: ReadonlySet<number>;
  /** `title|submittedAt ISO` of appeals already in the database. */
  existing: ReadonlySet<string>;
}

export type ReplayStep = { [A in AppealAction]: { action: A; at: Date; body: ActionBody<A> } }[AppealAction];

export interface PlannedAppeal {
  row: number;
  submittedAt: Date;
  submit: CreateAppealBody;
  steps: ReplayStep[];
}

/** Written as the reply text when the old ledger recorded a reply without its text. */
export const MISSING_REPLY = '（原台账未记录答复内容）';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const dateText = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?)?秒?)?$/;
/** Excel serial day numbers for 1955–2118, in case a date column lost its format. */
const isExcelSerial = (n: number) => n > 20_000 && n < 80_000;

/** A time from a cell, read as Shanghai wall-clock time; a date alone means 00:00 of that day. */
export function parseLedgerTime(value: CellValue): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : fromExcelTime(value);
  if (typeof value === 'number') return isExcelSerial(value) ? fromExcelTime(new Date(Math.round((value - 25_569) * 86_400_000))) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const m = dateText.exec(text);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const wall = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]));
  if (wall.getUTCFullYear() !== parts[0] || wall.getUTCMonth() !== parts[1] - 1 || wall.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  return new Date(wall.getTime() - SHANGHAI_OFFSET_MS);
}

const shanghaiYear = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
const text = (value: CellValue | undefined): string | undefined => (value === undefined ? undefined : value instanceof Date ? value.toISOString() : String(value).trim() || undefined);

/** The time columns in the order the loop visits them. */
const timeFields = ['submittedAt', 'assignedAt', 'signedAt', 'repliedAt', 'followedUpAt', 'closedAt'] as const;
type TimeField = (typeof timeFields)[number];

export const duplicateKey = (title: string, submittedAt: Date) => `${title}|${submittedAt.toISOString()}`;

/**
 * Checks one row and plans its replay. Every problem is listed (not only the first), each under the column the file calls it;
 * `headers` maps fields to those names. Returns the plan, or the errors.
 */
export function planLedgerRow(
  sheetRow: LedgerSheetRow,
  headers: Partial<Record<LedgerField, string>>,
  lookup: LedgerLookup,
): { ok: true; plan: PlannedAppeal } | { ok: false; errors: ImportError[] } {
  const { row, cells } = sheetRow;
  const errors: ImportError[] = [];
  const fail = (field: LedgerField | null, message: string) => errors.push({ row, column: field ? (headers[field] ?? fieldLabel(field)) : null, message });

  // Intake fields, checked by the same schema as the API's intake.
  const channelText = text(cells.channel);
  const channel = channelText ? channelWords.get(normalizeWord(channelText)) : 'import';
  if (!channel) fail('channel', `不认识的渠道“${channelText}” / unknown channel (网站、移动端、12345热线、微信、政企会议、企业接待日、走访、投诉平台、来信 …)`);
  const categoryText = text(cells.category);
  const category = categoryText ? lookup.categories.get(categoryText.toLowerCase()) : undefined;
  if (categoryText && !category) fail('category', `没有这个诉求类别“${categoryText}” / unknown category (code or Chinese name)`);
  const urgencyText = text(cells.urgency);
  const urgency = urgencyText ? urgencyWords.get(normalizeWord(urgencyText)) : undefined;
  if (urgencyText && !urgency) fail('urgency', `紧急程度应为“一般”或“紧急” / urgency is 一般 (normal) or 紧急 (urgent), not “${urgencyText}”`);
  const uscc = text(cells.uscc)?.toUpperCase();
  const enterpriseId = uscc ? lookup.enterprises.get(uscc) : undefined;
  if (uscc && !enterpriseId) fail('uscc', `企业库中没有统一社会信用代码为 ${uscc} 的企业 / no enterprise with this credit code`);
  const phone = cells.contactPhone === undefined ? undefined : String(cells.contactPhone).trim();
  const intake = { title: text(cells.title) ?? '', content: text(cells.content) ?? '', channel: channel ?? 'import', contactName: text(cells.contactName), contactPhone: phone };
  const parsed = createAppealBody.safeParse(intake);
  if (!parsed.success) {
    const fieldOfPath: Record<string, LedgerField> = { title: 'title', content: 'content', contactName: 'contactName', contactPhone: 'contactPhone' };
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath[String(issue.path[0])];
      if (!field) continue;
      const value = intake[field as keyof typeof intake];
      fail(field, field === 'content' && typeof value === 'string' && value.length > MAX_CONTENT ? `内容不超过 ${MAX_CONTENT} 字（本行 ${value.length} 字） / content at most ${MAX_CONTENT} characters` : value === '' && (field === 'title' || field === 'content') ? `缺少${fieldLabel(field)} / ${field} is required` : issue.message);
    }
  }

  // Times: real, not in the future, with a loaded calendar, and in the order of the loop.
  const times: Partial<Record<TimeField, Date>> = {};
  for (const field of timeFields) {
    const value = cells[field];
    if (value === undefined) continue;
    const at = parseLedgerTime(value);
    if (!at) fail(field, `不是有效的时间“${text(value)}”，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm / not a valid date-time`);
    else if (at > lookup.now) fail(field, '时间晚于现在 / in the future');
    else if (!lookup.calendarYears.has(shanghaiYear(at))) fail(field, `${shanghaiYear(at)} 年的节假日安排未载入，无法计算时限 / the working-day calendar of ${shanghaiYear(at)} is not loaded`);
    else times[field] = at;
  }
  if (cells.submittedAt === undefined) fail('submittedAt', '缺少受理时间 / submittedAt is required');
  let previous: { field: TimeField; at: Date } | null = null;
  for (const field of timeFields) {
    const at = times[field];
    if (!at) continue;
    if (previous && at < previous.at) fail(field, `${fieldLabel(field)}早于${fieldLabel(previous.field)} / ${field} is before ${previous.field}`);
    previous = { field, at };
  }

  // Which steps the row claims happened, and what each needs.
  const has = (field: LedgerField) => cells[field] !== undefined;
  const departmentText = text(cells.department);
  const departmentId = departmentText ? lookup.departments.get(departmentText) : undefined;
  if (departmentText && !departmentId) fail('department', `没有这个部门“${departmentText}”（填写部门编码或全称） / no such department (its code or exact name)`);
  if (has('assignedAt') && !departmentText) fail('department', '有交办时间时须填写主办部门 / an assigned appeal needs its lead department');
  if (departmentText && !has('assignedAt')) fail('assignedAt', '有主办部门时须填写交办时间 / a lead department needs the time of assignment');
  if (has('signedAt') && !has('assignedAt')) fail('signedAt', '签收前须先交办：缺少交办时间 / signed without being assigned');
  if (has('repliedAt') && !has('signedAt')) fail('signedAt', '有答复时间时须填写签收时间（原系统无签收环节的，可填交办时间） / a replied appeal needs the time it was signed for');
  const resolutionText = text(cells.resolution);
  const resolution: Resolution | undefined = resolutionText ? resolutionWords.get(normalizeWord(resolutionText)) : undefined;
  if (resolutionText && !resolution) fail('resolution', `办理结果应为已解决、部分解决、未解决或已解释 / resolution is one of 已解决, 部分解决, 未解决, 已解释 (not “${resolutionText}”)`);
  if (has('repliedAt') && !resolutionText) fail('resolution', '有答复时间时须填写办理结果 / a replied appeal needs its resolution');
  if (!has('repliedAt') && (resolutionText || has('reply'))) fail('repliedAt', '有答复内容或办理结果时须填写答复时间 / a reply needs its time');
  const replyText = text(cells.reply);
  if (replyText && replyText.length > MAX_CONTENT) fail('reply', `答复内容不超过 ${MAX_CONTENT} 字 / the reply is at most ${MAX_CONTENT} characters`);

  const ratingValue = cells.rating;
  let rating: number | undefined;
  if (ratingValue !== undefined) {
    const n = typeof ratingValue === 'number' ? ratingValue : /^\d+(\.0+)?$/.test(String(ratingValue).trim()) ? Number(String(ratingValue).trim()) : ratingWords.get(normalizeWord(String(ratingValue)));
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 5) fail('rating', `满意度应为 1 到 5 或 非常满意、满意、基本满意、不满意、非常不满意（本行为“${text(ratingValue)}”） / rating is 1..5`);
    else rating = n;
  }
  const resolvedText = text(cells.resolved);
  const resolved = resolvedText === undefined ? undefined : yesWords.has(normalizeWord(resolvedText)) ? true : noWords.has(normalizeWord(resolvedText)) ? false : null;
  if (resolved === null) fail('resolved', `是否解决应为“是”或“否” / resolved is 是 or 否 (not “${resolvedText}”)`);
  if (has('followedUpAt')) {
    if (!has('repliedAt')) fail('followedUpAt', '回访前须先答复：缺少答复时间 / followed up without a reply');
    if (resolvedText === undefined) fail('resolved', '回访须填写是否解决 / a follow-up records whether it was resolved');
    if (ratingValue === undefined) fail('rating', '回访须填写满意度 / a follow-up records the rating');
  } else {
    if (resolvedText !== undefined) fail('followedUpAt', '填写了是否解决，但缺少回访时间 / resolved is recorded at the follow-up: its time is missing');
    if (ratingValue !== undefined && !has('repliedAt')) fail('rating', '答复前不能评价 / rated before any reply');
  }
  if (has('closedAt')) {
    if (!has('followedUpAt')) fail('closedAt', '办结前须回访：缺少回访时间 / every replied appeal is followed up before it is closed');
    else if (resolved === false && rating !== undefined && rating <= 2) fail('closedAt', '回访未解决且不满意的诉求不能办结，应当重办 / unresolved and unsatisfied: it would be reopened, not closed');
  }
  if (times.submittedAt && intake.title && lookup.existing.has(duplicateKey(intake.title, times.submittedAt))) {
    fail(null, '已有同一标题、同一受理时间的诉求，疑似重复导入 / an appeal with this title and time already exists (imported before?)');
  }

  if (errors.length > 0 || !parsed.success || !channel || !times.submittedAt) return { ok: false, errors };
  const submit: CreateAppealBody = { ...parsed.data, ...(category ? { category } : {}), ...(urgency ? { urgency } : {}), ...(enterpriseId ? { enterpriseId } : {}) };
  const steps: ReplayStep[] = [];
  if (times.assignedAt && departmentId) steps.push({ action: 'assign', at: times.assignedAt, body: { departmentId } });
  if (times.signedAt) steps.push({ action: 'sign', at: times.signedAt, body: undefined });
  if (times.repliedAt && resolution) steps.push({ action: 'reply', at: times.repliedAt, body: { content: replyText ?? MISSING_REPLY, resolution } });
  if (times.followedUpAt && rating !== undefined && typeof resolved === 'boolean') steps.push({ action: 'follow-up', at: times.followedUpAt, body: { reached: true, resolved, rating } });
  else if (times.repliedAt && rating !== undefined) steps.push({ action: 'rate', at: times.repliedAt, body: { rating } });
  if (times.closedAt) steps.push({ action: 'close', at: times.closedAt, body: undefined });
  return { ok: true, plan: { row, submittedAt: times.submittedAt, submit, steps } };
}
