// The appeal KPIs (API.md "KPIs") computed from the clock columns in one aggregate query: counts per department, district, channel or month, then the rates.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import { invalid } from '../../../http/errors.ts';
import type { AppealChannel, KpiRow } from '../../../../shared/schemas/appeals.ts';
import { kpiGroupings } from '../../../../shared/schemas/appeals.ts';
import { shanghaiDate } from '../clock-math.ts';
import { whereVisible, type AppealScope } from '../appeal.access.ts';
import { channelNames } from '../ledger/ledger-vocabulary.ts';

export type KpiGrouping = (typeof kpiGroupings)[number];

export interface KpiPeriod {
  /** First business day, included (Asia/Shanghai). */
  from: string;
  /** Last business day, included. */
  to: string;
}

export const UNASSIGNED = 'unassigned';
export const CITY_LEVEL = 'none';

/** The period of a KPI request: from 1 January of the current year to today unless given; `from` after `to` is refused. */
export function kpiPeriod(query: { from?: string; to?: string }, now: Date): KpiPeriod {
  const today = shanghaiDate(now);
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('from', '开始日期不能晚于结束日期 / from must not be after to');
  return { from, to };
}

/** Instants bounding a period: [from 00:00, to + 1 day 00:00) in Shanghai. */
export function periodInstants(period: KpiPeriod): { start: Date; end: Date } {
  return { start: new Date(`${period.from}T00:00:00+08:00`), end: new Date(Date.parse(`${period.to}T00:00:00+08:00`) + 86_400_000) };
}

/** Raw columns (uuids arrive as strings) and a month start as an instant: cheaper per row than casts or to_char over a year of rows. */
const groupKeys: Record<KpiGrouping, RawBuilder<string | Date | null>> = {
  department: sql`appeals.lead_department_id`,
  district: sql`appeals.district_unit_id`,
  channel: sql`appeals.channel`,
  month: sql`date_trunc('month', appeals.submitted_at, 'Asia/Shanghai')`,
};

interface Counts {
  total: number;
  signDue: number;
  signedOnTime: number;
  replyDue: number;
  repliedOnTime: number;
  replied: number;
  resolved: number;
  followedUp: number;
  rated: number;
  satisfied: number;
}

const countNames: Array<keyof Counts> = ['total', 'signDue', 'signedOnTime', 'replyDue', 'repliedOnTime', 'replied', 'resolved', 'followedUp', 'rated', 'satisfied'];

/**
 * The numerators and denominators, one FILTER each, so a year of appeals is read once.
 * A clock is "due" once it has ended or its due time has passed; a paused reply clock is judged at the moment it was paused
 * (as the appeal view does), so a pause does not count as lateness.
 */
function countColumns(now: Date) {
  const replied = sql`appeals.replied_at IS NOT NULL`;
  return [
    sql<number>`count(*)::int`.as('total'),
    sql<number>`count(*) FILTER (WHERE appeals.sign_started_at IS NOT NULL AND (appeals.sign_met_at IS NOT NULL OR appeals.sign_due_at < ${now}))::int`.as('signDue'),
    sql<number>`count(*) FILTER (WHERE appeals.sign_met_at <= appeals.sign_due_at)::int`.as('signedOnTime'),
    sql<number>`count(*) FILTER (WHERE appeals.reply_started_at IS NOT NULL AND (appeals.reply_met_at IS NOT NULL OR appeals.reply_due_at < coalesce(appeals.paused_at, ${now})))::int`.as('replyDue'),
    sql<number>`count(*) FILTER (WHERE appeals.reply_met_at <= appeals.reply_due_at)::int`.as('repliedOnTime'),
    sql<number>`count(*) FILTER (WHERE ${replied})::int`.as('replied'),
    sql<number>`count(*) FILTER (WHERE ${replied} AND coalesce(appeals.follow_up_resolved, appeals.resolution = 'resolved'))::int`.as('resolved'),
    sql<number>`count(*) FILTER (WHERE ${replied} AND appeals.follow_up_at IS NOT NULL)::int`.as('followedUp'),
    sql<number>`count(*) FILTER (WHERE appeals.rating IS NOT NULL)::int`.as('rated'),
    sql<number>`count(*) FILTER (WHERE appeals.rating >= 3)::int`.as('satisfied'),
  ];
}

const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

export function kpiRowOf(key: string, label: string, c: Counts): KpiRow {
  return {
    key,
    label,
    ...c,
    onTimeSignRate: rate(c.signedOnTime, c.signDue),
    onTimeReplyRate: rate(c.repliedOnTime, c.replyDue),
    resolutionRate: rate(c.resolved, c.replied),
    followUpRate: rate(c.followedUp, c.replied),
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

const emptyCounts = (): Counts => Object.fromEntries(countNames.map((n) => [n, 0])) as unknown as Counts;

/** The totals row: every group added up (each appeal belongs to exactly one group, whatever the grouping). */
export function summarizeKpis(rows: readonly KpiRow[], label = '合计'): KpiRow {
  const sum = emptyCounts();
  for (const row of rows) for (const name of countNames) sum[name] += row[name];
  return kpiRowOf('all', label, sum);
}

async function unitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function monthsOf(period: KpiPeriod): string[] {
  const months: string[] = [];
  let [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/**
 * KPIs of the appeals submitted in the period that the scope lets the caller see, rejected and merged appeals left out.
 * Items come by month (every month of the period, empty ones too) or by total, largest first.
 */
export async function computeAppealKpis(db: Executor, scope: AppealScope, query: { from?: string; to?: string; groupBy: KpiGrouping }, now: Date): Promise<KpiRow[]> {
  const period = kpiPeriod(query, now);
  const { start, end } = periodInstants(period);
  const key = groupKeys[query.groupBy];
  const rows = await whereVisible(db.selectFrom('appeals'), scope)
    .where('appeals.submitted_at', '>=', start)
    .where('appeals.submitted_at', '<', end)
    .where('appeals.status', 'not in', ['rejected', 'merged'])
    .select([key.as('key'), ...countColumns(now)])
    .groupBy(key)
    .execute();

  const counts = (r: (typeof rows)[number]): Counts => Object.fromEntries(countNames.map((n) => [n, Number(r[n])])) as unknown as Counts;
  if (query.groupBy === 'month') {
    const found = new Map(rows.map((r) => [shanghaiDate(r.key as Date).slice(0, 7), counts(r)]));
    return monthsOf(period).map((month) => kpiRowOf(month, `${month.slice(0, 4)}年${Number(month.slice(5))}月`, found.get(month) ?? emptyCounts()));
  }
  const names = query.groupBy === 'department' || query.groupBy === 'district' ? await unitNames(db, rows.flatMap((r) => (r.key ? [r.key as string] : []))) : new Map<string, string>();
  const items = rows.map((r) => {
    const key = r.key as string | null;
    if (query.groupBy === 'channel') return kpiRowOf(key!, channelNames[key as AppealChannel] ?? key!, counts(r));
    if (key === null) return query.groupBy === 'department' ? kpiRowOf(UNASSIGNED, '未交办', counts(r)) : kpiRowOf(CITY_LEVEL, '市本级', counts(r));
    return kpiRowOf(key, names.get(key) ?? key, counts(r));
  });
  return items.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
}
