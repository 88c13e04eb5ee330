// The in-memory column store of all enterprises: one typed array per attribute (money in integer fen, dates in day numbers, NaN / 0 / -1 = missing), yearly figures per year, tag periods per tag; upsert keeps it current one enterprise at a time.
import { dayNumber, isoOfDay } from '../../../../shared/rules/dates.ts';
import { fenToWan, wanToFen } from '../../../../shared/rules/money.ts';
import { RULE_FIGURES, RULE_TAGS } from '../../../../shared/rules/rule-language.ts';
import { ENUM_VALUES, paddedDivision, TAG_INDEX } from './compile.ts';
import { usableDivisionCode, usableIndustryCode, type EnterpriseRecord } from './enterprise-record.ts';

/** The periods of one tag: row (-1 = removed), first and last day held (Infinity = open). Revoked periods are not stored. */
export interface TagPeriods {
  rows: Int32Array;
  from: Float64Array;
  until: Float64Array;
  length: number;
  removed: number;
}

export type StoreChange = { kind: 'row'; row: number } | { kind: 'resize' };

const money = (text: string | null): number => (text == null ? NaN : (wanToFen(text) ?? NaN));
const enumCode = (values: readonly string[], value: string | null): number => (value == null ? 0 : values.indexOf(value) + 1);

function grow<T extends Float64Array | Uint8Array | Int16Array | Int32Array>(array: T, capacity: number, fill: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export class EnterpriseColumnStore {
  count = 0;
  capacity: number;
  readonly ids: string[] = [];
  readonly rowOf = new Map<string, number>();
  division: Float64Array;
  divisionLength: Uint8Array;
  industry: Int16Array;
  size: Uint8Array;
  credit: Uint8Array;
  taxpayer: Uint8Array;
  founded: Float64Array;
  capital: Float64Array;
  /** year → [headcount (persons), revenue, assets, tax (fen)], NaN = missing. */
  readonly figures = new Map<number, Float64Array[]>();
  readonly tags: TagPeriods[];
  /** Per row: [tag, slot, tag, slot, …] of its stored periods, to remove them on update. */
  private readonly rowTagSlots: (number[] | undefined)[] = [];
  private readonly listeners = new Set<(change: StoreChange) => void>();

  constructor(capacity = 1024) {
    this.capacity = Math.max(32, capacity);
    const n = this.capacity;
    this.division = new Float64Array(n).fill(NaN);
    this.divisionLength = new Uint8Array(n);
    this.industry = new Int16Array(n).fill(-1);
    this.size = new Uint8Array(n);
    this.credit = new Uint8Array(n);
    this.taxpayer = new Uint8Array(n);
    this.founded = new Float64Array(n).fill(NaN);
    this.capital = new Float64Array(n).fill(NaN);
    this.tags = RULE_TAGS.map(() => ({ rows: new Int32Array(64), from: new Float64Array(64), until: new Float64Array(64), length: 0, removed: 0 }));
  }

  static from(records: Iterable<EnterpriseRecord>, capacity?: number): EnterpriseColumnStore {
    const store = new EnterpriseColumnStore(capacity);
    for (const record of records) store.upsert(record);
    return store;
  }

  /** Called after every change: the columnar engine refreshes its cached condition bits for the row. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < rows) capacity *= 2;
    this.division = grow(this.division, capacity, NaN);
    this.divisionLength = grow(this.divisionLength, capacity, 0);
    this.industry = grow(this.industry, capacity, -1);
    this.size = grow(this.size, capacity, 0);
    this.credit = grow(this.credit, capacity, 0);
    this.taxpayer = grow(this.taxpayer, capacity, 0);
    this.founded = grow(this.founded, capacity, NaN);
    this.capital = grow(this.capital, capacity, NaN);
    for (const [year, columns] of this.figures) this.figures.set(year, columns.map((c) => grow(c, capacity, NaN)));
    this.capacity = capacity;
    for (const listener of this.listeners) listener({ kind: 'resize' });
  }

  private figureColumns(year: number): Float64Array[] {
    let columns = this.figures.get(year);
    if (!columns) {
      columns = RULE_FIGURES.map(() => new Float64Array(this.capacity).fill(NaN));
      this.figures.set(year, columns);
    }
    return columns;
  }

  private addPeriod(row: number, tag: number, from: number, until: number): void {
    const periods = this.tags[tag];
    if (periods.length === periods.rows.length) {
      const capacity = periods.rows.length * 2;
      periods.rows = grow(periods.rows, capacity, 0);
      periods.from = grow(periods.from, capacity, 0);
      periods.until = grow(periods.until, capacity, 0);
    }
    const slot = periods.length++;
    periods.rows[slot] = row;
    periods.from[slot] = from;
    periods.until[slot] = until;
    (this.rowTagSlots[row] ??= []).push(tag, slot);
  }

  /** Adds an enterprise or replaces everything the store holds about it; returns its row. */
  upsert(record: EnterpriseRecord, notify = true): number {
    let row = this.rowOf.get(record.id);
    if (row === undefined) {
      row = this.count;
      this.ensureCapacity(row + 1);
      this.count++;
      this.ids.push(record.id);
      this.rowOf.set(record.id, row);
    } else {
      for (const columns of this.figures.values()) for (const column of columns) column[row] = NaN;
      const slots = this.rowTagSlots[row];
      if (slots) {
        for (let i = 0; i < slots.length; i += 2) {
          this.tags[slots[i]].rows[slots[i + 1]] = -1;
          this.tags[slots[i]].removed++;
        }
        this.rowTagSlots[row] = undefined;
      }
    }
    const division = usableDivisionCode(record.divisionCode);
    const industry = usableIndustryCode(record.industryCode);
    this.division[row] = division == null ? NaN : paddedDivision(division);
    this.divisionLength[row] = division == null ? 0 : division.length;
    this.industry[row] = industry == null ? -1 : Number(industry);
    this.size[row] = enumCode(ENUM_VALUES.size, record.sizeClass);
    this.credit[row] = enumCode(ENUM_VALUES.credit, record.creditRating);
    this.taxpayer[row] = enumCode(ENUM_VALUES.taxpayer, record.taxpayerType);
    this.founded[row] = record.foundedOn == null ? NaN : (dayNumber(record.foundedOn) ?? NaN);
    this.capital[row] = money(record.registeredCapitalWan);
    for (const f of record.figures) {
      const columns = this.figureColumns(f.year);
      columns[0][row] = f.headcount ?? NaN;
      columns[1][row] = money(f.revenueWan);
      columns[2][row] = money(f.assetsWan);
      columns[3][row] = money(f.taxWan);
    }
    for (const t of record.tags) {
      if (t.revokedAt != null) continue;
      this.addPeriod(row, TAG_INDEX.get(t.tag)!, dayNumber(t.validFrom)!, t.validUntil == null ? Infinity : dayNumber(t.validUntil)!);
    }
    if (notify) for (const listener of this.listeners) listener({ kind: 'row', row });
    return row;
  }

  /** The record's attributes as the store holds them (money canonical, e.g. '1500.5'), for explanations. */
  divisionAt(row: number): string | null {
    const length = this.divisionLength[row];
    return length === 0 ? null : String(this.division[row]).padStart(12, '0').slice(0, length);
  }
  industryAt(row: number): string | null {
    return this.industry[row] < 0 ? null : String(this.industry[row]).padStart(4, '0');
  }
  enumAt(field: keyof typeof ENUM_VALUES, row: number): string | null {
    const code = this[field][row];
    return code === 0 ? null : ENUM_VALUES[field][code - 1];
  }
  foundedAt(row: number): string | null {
    return Number.isNaN(this.founded[row]) ? null : isoOfDay(this.founded[row]);
  }
  capitalAt(row: number): string | null {
    return Number.isNaN(this.capital[row]) ? null : fenToWan(this.capital[row]);
  }
  /** headcount as a number, money as canonical 万元 text, null when missing. */
  figureAt(year: number, figure: number, row: number): string | number | null {
    const value = this.figures.get(year)?.[figure][row];
    if (value === undefined || Number.isNaN(value)) return null;
    return figure === 0 ? value : fenToWan(value);
  }
  tagHeldAt(tag: number, day: number, row: number): boolean {
    const slots = this.rowTagSlots[row];
    if (!slots) return false;
    for (let i = 0; i < slots.length; i += 2) {
      if (slots[i] !== tag) continue;
      const periods = this.tags[tag];
      if (periods.from[slots[i + 1]] <= day && day <= periods.until[slots[i + 1]]) return true;
    }
    return false;
  }
}
