// The list filters of GET /api/v1/appeals (status, department, channel, overdue, text, dates …) as a WHERE over `appeals`; the ledger export applies the same.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ListAppealsQuery } from '../../../shared/schemas/appeals.ts';
import { queryTerms } from './duplicates/terms.ts';

export type AppealFilters = Pick<ListAppealsQuery, 'status' | 'channel' | 'categoryId' | 'enterpriseId' | 'policyId' | 'departmentId' | 'supervised' | 'overdue' | 'from' | 'to' | 'q'>;

export function applyAppealFilters<O>(qb: SelectQueryBuilder<Database, 'appeals', O>, q: AppealFilters, now: Date): SelectQueryBuilder<Database, 'appeals', O> {
  let query = qb;
  if (q.status?.length) query = query.where('appeals.status', 'in', q.status);
  if (q.channel) query = query.where('appeals.channel', '=', q.channel);
  if (q.categoryId) query = query.where('appeals.category_id', '=', q.categoryId);
  if (q.enterpriseId) query = query.where('appeals.enterprise_id', '=', q.enterpriseId);
  if (q.policyId) query = query.where('appeals.policy_id', '=', q.policyId);
  if (q.departmentId) {
    const id = q.departmentId;
    query = query.where((eb) => eb.or([eb('appeals.lead_department_id', '=', id), eb(sql`appeals.co_department_ids`, '@>', sql`ARRAY[${id}]::uuid[]`)]));
  }
  if (q.supervised !== undefined) query = query.where('appeals.supervised', '=', q.supervised);
  if (q.overdue !== undefined) {
    const overdue = sql<boolean>`coalesce(appeals.next_due_at < ${now} OR appeals.accept_overdue OR appeals.sign_overdue OR appeals.reply_overdue OR appeals.follow_up_overdue, false)`;
    query = query.where(q.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  if (q.from) query = query.where('appeals.submitted_at', '>=', new Date(`${q.from}T00:00:00+08:00`));
  if (q.to) query = query.where('appeals.submitted_at', '<', new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000));
  if (q.q) {
    const text = q.q;
    const terms = queryTerms(text);
    query = query.where((eb) =>
      eb.or([
        eb('appeals.number', '=', text.toUpperCase()),
        eb('appeals.title', 'ilike', `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        ...(terms.length ? [eb(sql`appeals.terms`, '@>', sql`${sql.val(terms)}::text[]`)] : []),
      ]),
    );
  }
  return query;
}
