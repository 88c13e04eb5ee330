// SQL of the policy domain: one policy within what the caller may see, the list, versions (the one in force on a date), enterprise names for rows of the store.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { notFound } from '../../http/errors.ts';
import type { ListPoliciesQuery } from '../../../shared/schemas/policies.ts';
import type { PolicyContent, PolicyRow } from './policy-content.ts';

export async function findPolicy(db: Executor, id: string, options: { withDrafts: boolean; forUpdate?: boolean }): Promise<PolicyRow> {
  let query = db.selectFrom('policies').selectAll().where('id', '=', id);
  if (!options.withDrafts) query = query.where('status', '=', 'published');
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('政策 / policy');
  return row;
}

export async function listPolicies(db: Executor, query: ListPoliciesQuery, withDrafts: boolean): Promise<{ total: number; rows: PolicyRow[] }> {
  let base = db.selectFrom('policies');
  if (!withDrafts) base = base.where('status', '=', 'published');
  if (query.status) base = base.where('status', '=', query.status);
  if (query.mode) base = base.where('mode', '=', query.mode);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('title', 'ilike', like), eb('document_number', 'ilike', like), eb('issuing_department', 'ilike', like)]));
  }
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

export interface VersionRow {
  policy_id: string;
  version: number;
  content_hash: string;
  content: PolicyContent;
  published_at: Date;
}

export async function findVersion(db: Executor, policyId: string, version: number): Promise<VersionRow | undefined> {
  const row = await db.selectFrom('policy_versions').select(['policy_id', 'version', 'content_hash', 'content', 'published_at']).where('policy_id', '=', policyId).where('version', '=', version).executeTakeFirst();
  return row as VersionRow | undefined;
}

/**
 * The version of each published policy in force on `asOf`: the latest one published before the end of that day
 * (Asia/Shanghai), whose effective period contains the day, of a policy not withdrawn by the end of that day (a policy
 * withdrawn on day W was in force up to W − 1). `policyId` narrows to one policy.
 */
export async function versionsInForce(db: Executor, asOf: string, policyId?: string): Promise<VersionRow[]> {
  const { rows } = await sql<VersionRow>`
    SELECT v.policy_id, v.version, v.content_hash, v.content, v.published_at FROM (
      SELECT DISTINCT ON (pv.policy_id) pv.*
        FROM policy_versions pv JOIN policies p ON p.id = pv.policy_id
       WHERE (p.status = 'published' OR (p.status = 'withdrawn' AND p.withdrawn_at >= ((${asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')))
         AND pv.published_at < ((${asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
         ${policyId ? sql`AND pv.policy_id = ${policyId}` : sql``}
       ORDER BY pv.policy_id, pv.version DESC
    ) v
    WHERE (v.content->>'effectiveFrom') <= ${asOf} AND coalesce(v.content->>'effectiveUntil', '9999-12-31') >= ${asOf}
    ORDER BY v.published_at DESC, v.policy_id`.execute(db);
  return rows;
}

export async function listVersions(db: Executor, policyId: string) {
  return db
    .selectFrom('policy_versions')
    .leftJoin('users', 'users.id', 'policy_versions.published_by')
    .select(['policy_versions.version', 'policy_versions.content_hash', 'policy_versions.published_at', 'policy_versions.published_by', 'users.display_name'])
    .where('policy_versions.policy_id', '=', policyId)
    .orderBy('policy_versions.version', 'desc')
    .execute();
}

/** uscc and name of enterprises by id, ordered by credit code; a page of them when offset/limit are given. */
export async function enterpriseRefs(db: Executor, ids: readonly string[], page?: { offset: number; limit: number }): Promise<{ id: string; uscc: string; name: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string; uscc: string; name: string }>`
    SELECT id, uscc, name FROM enterprises WHERE id = ANY(${sql.val(ids)}::uuid[]) ORDER BY uscc
    ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`.execute(db);
  return rows;
}

export async function unitName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}
