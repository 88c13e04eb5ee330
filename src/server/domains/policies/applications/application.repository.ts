// SQL of policy applications: one application within the caller's scope (optionally locked), the list filtered and sorted in SQL, attachments, the next number.
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import { notFound } from '../../../http/errors.ts';
import type { ListApplicationsQuery } from '../../../../shared/schemas/policy-applications.ts';
import type { ApplicationScope } from '../policy.access.ts';

const columns = [
  'a.id', 'a.number', 'a.policy_id', 'a.version', 'a.content_hash', 'a.enterprise_id', 'a.submitted_by', 'a.submitted_at', 'a.status', 'a.form', 'a.eligibility',
  'a.review_working_days', 'a.review_due_at', 'a.decided_at', 'a.decided_by', 'a.decision_note', 'a.rejection_reason', 'a.amount_wan', 'a.grant_id',
  'e.uscc', 'e.name as enterprise_name', 'u.display_name as decided_by_name',
] as const;

const selectApplications = (db: Executor) =>
  db
    .selectFrom('policy_applications as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('policy_versions as v', (join) => join.onRef('v.policy_id', '=', 'a.policy_id').onRef('v.version', '=', 'a.version'))
    .leftJoin('users as u', 'u.id', 'a.decided_by')
    .select(columns)
    .select(sql<string>`v.content->>'title'`.as('policy_title'));

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof selectApplications>['executeTakeFirstOrThrow']>>;

const inScope = <Q extends ReturnType<typeof selectApplications>>(query: Q, scope: ApplicationScope): Q => {
  if (scope.kind === 'all') return query;
  if (scope.kind === 'enterprise') return query.where('a.enterprise_id', '=', scope.enterpriseId) as Q;
  return query.where(sql<boolean>`false`) as Q;
};

/** The application when the scope holds it, else 404 (whether it exists is not told). `forUpdate` locks the row. */
export async function findVisibleApplication(db: Executor, scope: ApplicationScope, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
  let query = inScope(selectApplications(db).where('a.id', '=', id), scope);
  if (options.forUpdate) query = query.forUpdate('a');
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('申报 / application');
  return row;
}

/** Reviewers get the nearest deadline first, an enterprise its newest first. */
export async function listApplications(db: Executor, scope: ApplicationScope, query: ListApplicationsQuery, now: Date): Promise<{ total: number; rows: ApplicationRow[] }> {
  let base = inScope(selectApplications(db), scope);
  if (query.status) base = base.where('a.status', '=', query.status);
  if (query.policyId) base = base.where('a.policy_id', '=', query.policyId);
  if (query.overdue !== undefined) base = base.where(overdueSql(now, query.overdue));
  const ordered = scope.kind === 'enterprise' ? base.orderBy('a.submitted_at', 'desc').orderBy('a.id', 'desc') : base.orderBy('a.review_due_at').orderBy('a.id');
  const [count, rows] = await Promise.all([
    base.clearSelect().select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    ordered.limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
  ]);
  return { total: Number(count.total), rows };
}

/** Overdue: still submitted past the due time, or decided (approved, rejected) after it. */
const overdueSql = (now: Date, wanted: boolean) => {
  const overdue = sql<boolean>`((a.status = 'submitted' AND a.review_due_at < ${now}) OR (a.status IN ('approved', 'rejected') AND a.decided_at > a.review_due_at))`;
  return wanted ? overdue : sql<boolean>`NOT ${overdue}`;
};

export async function openApplicationOf(db: Executor, policyId: string, enterpriseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('policy_applications')
    .select('id')
    .where('policy_id', '=', policyId)
    .where('enterprise_id', '=', enterpriseId)
    .where('status', 'in', ['submitted', 'approved'])
    .executeTakeFirst();
  return row?.id ?? null;
}

/** SB2026-000123: the year of submission (Asia/Shanghai) and a sequence shared by all years. */
export async function nextApplicationNumber(db: Executor, year: number): Promise<string> {
  const { rows } = await sql<{ seq: string }>`SELECT nextval('policy_application_number_seq')::text AS seq`.execute(db);
  return `SB${year}-${rows[0]!.seq.padStart(6, '0')}`;
}

const attachmentColumns = ['id', 'application_id', 'file_name', 'media_type', 'size_bytes', 'storage_key', 'uploaded_at'] as const;

export async function listApplicationAttachments(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db.selectFrom('policy_application_attachments').select(attachmentColumns).where('application_id', 'in', applicationIds).orderBy('uploaded_at').orderBy('id').execute();
}

export async function findApplicationAttachment(db: Executor, applicationId: string, attachmentId: string) {
  return db.selectFrom('policy_application_attachments').select(attachmentColumns).where('application_id', '=', applicationId).where('id', '=', attachmentId).executeTakeFirst();
}
