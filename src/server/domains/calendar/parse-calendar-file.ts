// Reads a holiday file (CSV date,name,type or holiday-cn JSON) into calendar rows and the years it publishes, listing every bad line.
import { toDayNumber, type DayKind } from './working-days.ts';

export interface FileDay {
  date: string;
  kind: DayKind;
  name: string;
}

export interface FileProblem {
  /** "line 12", "days[3]" or "file". */
  where: string;
  reason: string;
}

export type ParsedCalendarFile = { ok: true; days: FileDay[]; years: number[] } | { ok: false; problems: FileProblem[] };

const kindOfType: Record<string, DayKind> = { off: 'holiday', holiday: 'holiday', makeup_workday: 'workday', workday: 'workday' };
const MAX_NAME_LENGTH = 32;

const isRealDate = (value: string): boolean => {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
};

function checkDay(date: unknown, name: unknown): string | null {
  if (typeof date !== 'string' || !isRealDate(date)) return `日期无效 / not a real date YYYY-MM-DD: ${String(date)}`;
  if (typeof name !== 'string' || name.trim() === '') return '缺少名称 / name is missing';
  if (name.trim().length > MAX_NAME_LENGTH) return `名称过长 / name longer than ${MAX_NAME_LENGTH} characters`;
  return null;
}

/** Splits one CSV line; double quotes may wrap a field and "" inside them is a quote. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells.map((v) => v.trim());
}

interface Collected {
  days: FileDay[];
  years: Set<number>;
  problems: FileProblem[];
  seen: Map<string, string>;
}

function collect(out: Collected, where: string, day: FileDay, year: number): void {
  const earlier = out.seen.get(day.date);
  if (earlier) {
    out.problems.push({ where, reason: `日期重复（另见 ${earlier}） / duplicate date (also at ${earlier})` });
    return;
  }
  out.seen.set(day.date, where);
  out.days.push(day);
  out.years.add(year);
}

/** A year is published only if the file lists at least one of its days; an empty holiday-cn file (next year, not out yet) must not count. */
function finish(out: Collected): ParsedCalendarFile {
  for (const year of out.years) {
    if (!out.days.some((d) => d.date.startsWith(`${year}-`))) {
      out.problems.push({ where: 'file', reason: `${year} 年没有任何日期，可能尚未发布 / no day of ${year} is listed: not published yet?` });
    }
  }
  if (out.days.length === 0 && out.problems.length === 0) out.problems.push({ where: 'file', reason: '文件中没有任何日期 / the file lists no days' });
  if (out.problems.length > 0) return { ok: false, problems: out.problems };
  return { ok: true, days: out.days.sort((a, b) => (a.date < b.date ? -1 : 1)), years: [...out.years].sort((a, b) => a - b) };
}

const newCollected = (): Collected => ({ days: [], years: new Set(), problems: [], seen: new Map() });

export function parseCalendarCsv(text: string): ParsedCalendarFile {
  const out = newCollected();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let columns = { date: 0, name: 1, type: 2, noticeYear: -1 };
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = splitCsvLine(line);
    if (cells[0].toLowerCase() === 'date') {
      const header = cells.map((c) => c.toLowerCase());
      columns = { date: header.indexOf('date'), name: header.indexOf('name'), type: header.indexOf('type'), noticeYear: header.indexOf('notice_year') };
      if (columns.name < 0 || columns.type < 0) out.problems.push({ where, reason: '表头须含 date,name,type / the header must name date, name and type' });
      continue;
    }
    const [date, name, type] = [cells[columns.date] ?? '', cells[columns.name] ?? '', (cells[columns.type] ?? '').toLowerCase()];
    const bad = checkDay(date, name) ?? (kindOfType[type] ? null : `类型须为 off/holiday 或 makeup_workday/workday / type must be off, holiday, makeup_workday or workday, not "${type}"`);
    if (bad) {
      out.problems.push({ where, reason: bad });
      continue;
    }
    const dateYear = Number(date.slice(0, 4));
    const noticeCell = columns.noticeYear >= 0 ? (cells[columns.noticeYear] ?? '') : '';
    // A notice may reach into the neighbouring year (2023's 元旦 began on 2022-12-31); the notice's year is the one it publishes.
    const year = noticeCell === '' ? dateYear : Number(noticeCell);
    if (!Number.isInteger(year) || Math.abs(year - dateYear) > 1) {
      out.problems.push({ where, reason: `notice_year 无效 / notice_year "${noticeCell}" does not fit the date ${date}` });
      continue;
    }
    collect(out, where, { date, kind: kindOfType[type], name: name.trim() }, year);
  }
  return finish(out);
}

export function parseHolidayCnJson(text: string): ParsedCalendarFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ where: 'file', reason: `不是有效的 JSON / not valid JSON: ${(error as Error).message}` }] };
  }
  const file = doc as { year?: unknown; days?: unknown };
  if (!file || typeof file !== 'object' || !Array.isArray(file.days)) {
    return { ok: false, problems: [{ where: 'file', reason: '须为 holiday-cn 格式 {year, days: [{name, date, isOffDay}]} / expected the holiday-cn format' }] };
  }
  const out = newCollected();
  const statedYear = file.year === undefined ? null : Number(file.year);
  const fileYear = statedYear !== null && Number.isInteger(statedYear) && statedYear >= 1900 && statedYear <= 2200 ? statedYear : null;
  if (statedYear !== null && fileYear === null) out.problems.push({ where: 'year', reason: `年份无效 / not a year: ${String(file.year)}` });
  if (fileYear !== null) out.years.add(fileYear);
  for (const [index, entry] of (file.days as unknown[]).entries()) {
    const where = `days[${index}]`;
    const { name, date, isOffDay } = (entry ?? {}) as { name?: unknown; date?: unknown; isOffDay?: unknown };
    const bad = checkDay(date, name) ?? (typeof isOffDay === 'boolean' ? null : 'isOffDay 须为 true/false / isOffDay must be true or false');
    if (bad) {
      out.problems.push({ where, reason: bad });
      continue;
    }
    const day = date as string;
    const dateYear = Number(day.slice(0, 4));
    if (fileYear !== null && Math.abs(fileYear - dateYear) > 1) {
      out.problems.push({ where, reason: `日期 ${day} 不属于 ${fileYear} 年的安排 / ${day} is too far from the file's year ${fileYear}` });
      continue;
    }
    collect(out, where, { date: day, kind: isOffDay ? 'holiday' : 'workday', name: (name as string).trim() }, fileYear ?? dateYear);
  }
  return finish(out);
}

/** JSON when the text is a JSON object, otherwise CSV. */
export function parseCalendarFile(text: string): ParsedCalendarFile {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? parseHolidayCnJson(text) : parseCalendarCsv(text);
}
