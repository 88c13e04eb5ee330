// The supervisors' board in SQL: negative measures by department and by handler over the appeals the caller sees, and the supervision items (负面行为).
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Executor } from '../../../db/transaction.ts';
import type {
  BoardMeasures,
  SupervisionBoardQuery,
  SupervisionBoardView,
  SupervisionClock,
  SupervisionItemView,
  SupervisionItemsQuery,
} from '../../../../shared/schemas/supervision.ts';
import { subtreeIds } from '../../org/org.repository.ts';
import { whereVisible, type AppealScope } from '../appeal.access.ts';
import { apiClockName } from './supervision-scan.ts';

const BOARD_ITEMS = 100;

const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const dayAfter = (date: string) => new Date(dayStart(date).getTime() + 86_400_000);

/** A clock running past its due time now (a paused reply clock does not run), or a stage that ended late. */
const overdueNow = (now: Date) => sql<boolean>`(
  coalesce(appeals.accept_overdue, false) OR coalesce(appeals.sign_overdue, false) OR coalesce(appeals.reply_overdue, false) OR coalesce(appeals.follow_up_overdue, false)
  OR (appeals.accept_met_at IS NULL AND appeals.accept_due_at < ${now})
  OR (appeals.sign_met_at IS NULL AND appeals.sign_due_at < ${now})
  OR (appeals.reply_met_at IS NULL AND appeals.paused_at IS NULL AND appeals.reply_due_at < ${now})
  OR (appeals.follow_up_met_at IS NULL AND appeals.follow_up_due_at < ${now}))`;

type MeasureRow = { total: number; overdue: number; supervised: number; returns: number; repeated_returns: number; extension_requests: number; extensions_approved: number; bad_ratings: number };

const measuresSql = sql`
  count(*)::int AS total,
  (count(*) FILTER (WHERE a.overdue))::int AS overdue,
  (count(*) FILTER (WHERE a.supervised))::int AS supervised,
  coalesce(sum(a.return_count), 0)::int AS returns,
  (count(*) FILTER (WHERE a.return_count >= 2))::int AS repeated_returns,
  coalesce(sum(e.requests), 0)::int AS extension_requests,
  coalesce(sum(e.approved), 0)::int AS extensions_approved,
  (count(*) FILTER (WHERE a.rating <= 2))::int AS bad_ratings`;

const toMeasures = (r: MeasureRow): BoardMeasures => ({
  total: r.total,
  overdue: r.overdue,
  supervised: r.supervised,
  returns: r.returns,
  repeatedReturns: r.repeated_returns,
  extensionRequests: r.extension_requests,
  extensionsApproved: r.extensions_approved,
  badRatings: r.bad_ratings,
});

async function departmentFilter(db: Executor, departmentId: string | undefined): Promise<string[] | null> {
  return departmentId ? subtreeIds(db, departmentId) : null;
}

/** The appeals of the board: visible to the caller, submitted in the period, led by the department (or a unit under it). */
function boardAppeals(db: Executor, scope: AppealScope, q: SupervisionBoardQuery, departments: string[] | null, now: Date) {
  let query = whereVisible(db.selectFrom('appeals'), scope).select([
    'appeals.id',
    'appeals.lead_department_id',
    'appeals.handler_id',
    'appeals.return_count',
    'appeals.rating',
    'appeals.supervised',
    overdueNow(now).as('overdue'),
  ]);
  if (q.from) query = query.where('appeals.submitted_at', '>=', dayStart(q.from));
  if (q.to) query = query.where('appeals.submitted_at', '<', dayAfter(q.to));
  if (departments) query = query.where('appeals.lead_department_id', 'in', departments.length ? departments : ['00000000-0000-0000-0000-000000000000']);
  return query;
}

function itemsQuery(db: Executor, scope: AppealScope, filters: { from?: string; to?: string; departments: string[] | null; status?: 'open' | 'resolved' }) {
  let query = whereVisible(db.selectFrom('appeals'), scope)
    .innerJoin('appeal_supervisions as s', 's.appeal_id', 'appeals.id')
    .leftJoin('org_units as d', 'd.id', 's.department_id');
  if (filters.from) query = query.where('s.registered_at', '>=', dayStart(filters.from));
  if (filters.to) query = query.where('s.registered_at', '<', dayAfter(filters.to));
  if (filters.departments) query = query.where('s.department_id', 'in', filters.departments.length ? filters.departments : ['00000000-0000-0000-0000-000000000000']);
  if (filters.status) query = query.where('s.resolved_at', filters.status === 'open' ? 'is' : 'is not', null);
  return query;
}

type ItemsQuery = ReturnType<typeof itemsQuery>;

async function selectItems(query: ItemsQuery, order: (q: ItemsQuery) => ItemsQuery, limit: number, offset: number): Promise<SupervisionItemView[]> {
  const rows = await order(query)
    .select([
      's.id', 's.number', 's.appeal_id', 'appeals.number as appeal_number', 'appeals.title', 's.department_id', 'd.name as department_name',
      's.clock', 's.reason', 's.round', 's.note', 's.registered_at', 's.escalate_at', 's.escalated_at', 's.resolved_at',
    ])
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    appealId: r.appeal_id,
    appealNumber: r.appeal_number,
    title: r.title,
    departmentId: r.department_id,
    departmentName: r.department_name,
    clock: apiClockName(r.clock) as SupervisionClock,
    reason: r.reason,
    round: r.round,
    note: r.note,
    registeredAt: r.registered_at.toISOString(),
    escalateAt: r.escalate_at?.toISOString() ?? null,
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
  }));
}

const openFirst = (q: ItemsQuery) => q.orderBy(sql`s.resolved_at IS NULL`, 'desc').orderBy('s.registered_at', 'desc').orderBy('s.id');
const newestFirst = (q: ItemsQuery) => q.orderBy('s.registered_at', 'desc').orderBy('s.id');

export async function supervisionBoard(db: Executor, scope: AppealScope, q: SupervisionBoardQuery, now: Date): Promise<SupervisionBoardView> {
  const departments = await departmentFilter(db, q.departmentId);
  const appeals: SelectQueryBuilder<Database, 'appeals', object> = boardAppeals(db, scope, q, departments, now);
  const withExtensions = sql`
    WITH a AS (${appeals}),
    e AS (
      SELECT x.appeal_id, count(*) AS requests, count(*) FILTER (WHERE x.decision = 'approved') AS approved
        FROM appeal_extensions x WHERE x.appeal_id IN (SELECT id FROM a) GROUP BY x.appeal_id
    )`;
  const [byDepartment, byHandler, items] = await Promise.all([
    sql<MeasureRow & { department_id: string; name: string }>`
      ${withExtensions}
      SELECT a.lead_department_id AS department_id, d.name, ${measuresSql}
        FROM a LEFT JOIN e ON e.appeal_id = a.id JOIN org_units d ON d.id = a.lead_department_id
       GROUP BY a.lead_department_id, d.name
       ORDER BY overdue DESC, supervised DESC, bad_ratings DESC, d.name`.execute(db),
    sql<MeasureRow & { handler_id: string; name: string; department_id: string | null; department_name: string | null }>`
      ${withExtensions}
      SELECT a.handler_id, u.display_name AS name, u.org_unit_id AS department_id, d.name AS department_name, ${measuresSql}
        FROM a LEFT JOIN e ON e.appeal_id = a.id JOIN users u ON u.id = a.handler_id LEFT JOIN org_units d ON d.id = u.org_unit_id
       GROUP BY a.handler_id, u.display_name, u.org_unit_id, d.name
       ORDER BY overdue DESC, supervised DESC, bad_ratings DESC, u.display_name`.execute(db),
    selectItems(itemsQuery(db, scope, { from: q.from, to: q.to, departments }), openFirst, BOARD_ITEMS, 0),
  ]);
  return {
    byDepartment: byDepartment.rows.map((r) => ({ departmentId: r.department_id, name: r.name, ...toMeasures(r) })),
    byHandler: byHandler.rows.map((r) => ({ handlerId: r.handler_id, name: r.name, departmentId: r.department_id, departmentName: r.department_name, ...toMeasures(r) })),
    items,
  };
}

export async function listSupervisionItems(db: Executor, scope: AppealScope, q: SupervisionItemsQuery): Promise<{ items: SupervisionItemView[]; total: number }> {
  const query = itemsQuery(db, scope, { from: q.from, to: q.to, departments: await departmentFilter(db, q.departmentId), status: q.status });
  const [items, count] = await Promise.all([
    selectItems(query, newestFirst, q.pageSize, (q.page - 1) * q.pageSize),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
