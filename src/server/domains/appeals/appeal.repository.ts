// Reading appeals: one appeal as the caller sees it, the filtered list (in SQL, within the caller's scope), the timeline and the internal notes.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { AppealRow, Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { departmentStates, type AppealEventView, type AppealListItem, type AppealView, type ListAppealsQuery } from '../../../shared/schemas/appeals.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/actor.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { applyAppealFilters } from './appeal-filters.ts';
import { clockCalendar, workingMsBetween } from './clock-math.ts';
import { appealScopeFor, partsOf, seesInternal, whereVisible, type AppealScope } from './appeal.access.ts';
import { abilitiesOfAppeal, factsOf, toAppealListItem, toAppealView, type AppealNames } from './appeal-view.ts';

async function namesOf(db: Executor, row: AppealRow): Promise<AppealNames> {
  const [category, enterprise, department, policy] = await Promise.all([
    row.category_id ? db.selectFrom('appeal_categories').select('code').where('id', '=', row.category_id).executeTakeFirst() : undefined,
    row.enterprise_id ? db.selectFrom('enterprises').select('name').where('id', '=', row.enterprise_id).executeTakeFirst() : undefined,
    row.lead_department_id ? db.selectFrom('org_units').select('name').where('id', '=', row.lead_department_id).executeTakeFirst() : undefined,
    row.policy_id ? db.selectFrom('policies').select('title').where('id', '=', row.policy_id).executeTakeFirst() : undefined,
  ]);
  return { categoryCode: category?.code ?? null, enterpriseName: enterprise?.name ?? null, leadDepartmentName: department?.name ?? null, policyTitle: policy?.title ?? null };
}

/** Facts beyond the row: a pending extension request, and unanswered follow-up calls in this round. */
export async function appealExtras(db: Executor, row: AppealRow) {
  const [pending, attempts] = await Promise.all([
    db.selectFrom('appeal_extensions').select(['id', 'working_days', 'reason', 'requested_at']).where('appeal_id', '=', row.id).where('decision', 'is', null).executeTakeFirst(),
    db
      .selectFrom('appeal_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('appeal_id', '=', row.id)
      .where('action', '=', 'follow-up')
      .where(sql<boolean>`(data->>'reached')::boolean = false`)
      .where(sql<boolean>`(data->>'round')::int = ${row.round}`)
      .executeTakeFirstOrThrow(),
  ]);
  return { pending: pending ?? null, unreachedAttempts: Number(attempts.n) };
}

/** The appeal as `actor` sees it: abilities from their part, phone masked unless they work it or own it. Does not check visibility. */
export async function loadAppealView(
  db: Executor,
  actor: Actor,
  row: AppealRow,
  now: Date,
  knownScope?: AppealScope,
  known: { names?: AppealNames; extras?: Awaited<ReturnType<typeof appealExtras>>; calendar?: WorkingCalendar } = {},
): Promise<AppealView> {
  const scope = knownScope ?? (await appealScopeFor(db, actor));
  const [names, extras, calendar] = await Promise.all([known.names ?? namesOf(db, row), known.extras ?? appealExtras(db, row), known.calendar ?? getCalendar(db)]);
  const parts = partsOf(actor, row, scope);
  const facts = factsOf(row, { hasPendingExtension: extras.pending !== null, unreachedAttempts: extras.unreachedAttempts });
  const cal = clockCalendar(calendar);
  const used = (kind: 'accept' | 'sign' | 'reply' | 'follow_up') => {
    const started = row[`${kind}_started_at`];
    if (!started) return null;
    const frozen = row[`${kind}_used_ms`];
    if (row[`${kind}_met_at`] && frozen !== null) return Number(frozen);
    const end = kind === 'reply' && row.paused_at ? row.paused_at : now;
    return Math.max(0, workingMsBetween(cal, started, end) - (kind === 'reply' ? Number(row.paused_ms) : 0));
  };
  return toAppealView(row, names, abilitiesOfAppeal(actor, row, parts, facts, names.categoryCode), {
    now,
    fullContact: seesInternal(actor, parts) || parts.includes('owner'),
    pendingExtension: extras.pending,
    usedMs: { accept: used('accept'), sign: used('sign'), reply: used('reply'), followUp: used('follow_up') },
  });
}

function applyFilters<O>(qb: SelectQueryBuilder<Database, 'appeals', O>, actor: Actor, scope: AppealScope, q: ListAppealsQuery, now: Date) {
  let query = applyAppealFilters(qb, q, now);
  if (q.queue === 'triage') query = query.where('appeals.status', 'in', ['submitted', 'accepted', 'returned']);
  if (q.queue === 'follow-up') query = query.where('appeals.status', '=', 'replied');
  if (q.queue === 'mine') {
    if (hasRole(actor, 'handler') && (scope.kind === 'departments' || scope.kind === 'regions')) {
      const ids = scope.departmentIds;
      query = query.where('appeals.status', 'in', departmentStates).where('appeals.lead_department_id', '=', (eb) => eb.fn.any(sql<string[]>`${sql.val(ids)}::uuid[]`));
    } else if (hasRole(actor, 'dispatcher')) {
      query = query.where((eb) =>
        eb.or([
          eb('appeals.status', 'in', ['submitted', 'accepted', 'returned']),
          eb.exists(eb.selectFrom('appeal_extensions as x').select('x.id').whereRef('x.appeal_id', '=', 'appeals.id').where('x.decision', 'is', null)),
        ]),
      );
    } else if (hasRole(actor, 'followup')) {
      query = query.where('appeals.status', '=', 'replied');
    } else if (hasRole(actor, 'enterprise')) {
      query = query.where('appeals.status', 'not in', ['closed', 'rejected', 'merged']);
    }
  }
  return query;
}

export async function listAppeals(db: Executor, actor: Actor, scope: AppealScope, q: ListAppealsQuery, now: Date): Promise<{ items: AppealListItem[]; total: number }> {
  const base = applyFilters(whereVisible(db.selectFrom('appeals'), scope), actor, scope, q, now);
  const sortByDeadline = q.sort === 'deadline' || (q.queue !== undefined && q.sort !== 'submitted');
  let itemsQuery = base
    .leftJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .leftJoin('org_units as lead', 'lead.id', 'appeals.lead_department_id')
    .leftJoin('appeal_categories', 'appeal_categories.id', 'appeals.category_id')
    .selectAll('appeals')
    .select(['enterprises.name as enterprise_name', 'lead.name as lead_department_name', 'appeal_categories.code as category_code'])
    .select((eb) =>
      eb.exists(eb.selectFrom('appeal_extensions as x').select('x.id').whereRef('x.appeal_id', '=', 'appeals.id').where('x.decision', 'is', null)).as('has_pending_extension'),
    );
  itemsQuery = sortByDeadline
    ? itemsQuery.orderBy(sql`appeals.next_due_at ASC NULLS LAST`).orderBy('appeals.submitted_at', 'asc')
    : itemsQuery.orderBy('appeals.submitted_at', 'desc');
  const [rows, count] = await Promise.all([
    itemsQuery.orderBy('appeals.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => {
    const row = r as unknown as AppealRow;
    const parts = partsOf(actor, row, scope);
    const facts = factsOf(row, { hasPendingExtension: Boolean(r.has_pending_extension), unreachedAttempts: 0 });
    return toAppealListItem(
      row,
      { categoryCode: r.category_code, enterpriseName: r.enterprise_name, leadDepartmentName: r.lead_department_name, policyTitle: null },
      abilitiesOfAppeal(actor, row, parts, facts, r.category_code),
      { now, fullContact: seesInternal(actor, parts) || parts.includes('owner') },
    );
  });
  return { items, total: Number(count.n) };
}

/** The timeline, oldest first; internal events and staff names are left out for those who do not see internal matters. */
export async function listAppealEvents(db: Executor, appealId: string, internal: boolean): Promise<AppealEventView[]> {
  let query = db
    .selectFrom('appeal_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .leftJoin('org_units as o', 'o.id', 'e.actor_unit_id')
    .select(['e.id', 'e.at', 'e.actor_id', 'e.action', 'e.from_status', 'e.to_status', 'e.note', 'e.data', 'u.display_name', 'o.name as unit_name', 'u.roles'])
    .where('e.appeal_id', '=', appealId)
    .orderBy('e.id');
  if (!internal) query = query.where('e.internal', '=', false);
  const rows = await query.execute();
  return rows.map((r) => {
    const byEnterprise = r.roles?.includes('enterprise') ?? false;
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorId: internal || byEnterprise ? r.actor_id : null,
      actorName: internal || byEnterprise ? (r.display_name ?? null) : null,
      actorUnitName: r.unit_name ?? null,
      action: r.action,
      from: r.from_status,
      to: r.to_status,
      note: r.note,
      data: internal ? r.data : publicData(r.data),
    };
  });
}

/** Event data an enterprise may see: due times and outcomes, not internal identifiers. */
function publicData(data: Record<string, unknown>): Record<string, unknown> {
  const allowed = ['channel', 'acceptDue', 'signDue', 'replyDue', 'followUpDue', 'dueFrom', 'dueTo', 'workingDays', 'resolution', 'rating', 'departmentName', 'intoNumber', 'duplicateNumber', 'attachmentId', 'fileName'];
  return Object.fromEntries(Object.entries(data).filter(([key]) => allowed.includes(key)));
}

export async function listNotes(db: Executor, appealId: string) {
  const rows = await db
    .selectFrom('appeal_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .leftJoin('org_units as o', 'o.id', 'n.author_unit_id')
    .select(['n.id', 'n.author_id', 'u.display_name', 'o.name as unit_name', 'n.content', 'n.created_at'])
    .where('n.appeal_id', '=', appealId)
    .orderBy('n.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, authorId: r.author_id, authorName: r.display_name, authorUnitName: r.unit_name, content: r.content, createdAt: r.created_at.toISOString() }));
}
