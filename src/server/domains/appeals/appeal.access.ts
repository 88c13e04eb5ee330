// Who sees which appeals (a scope applied in SQL) and which part a caller plays on one appeal (the state machine's `Part`).
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { AppealRow, Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole, isStaff } from '../auth/actor.ts';
import { subtreeIds } from '../org/org.repository.ts';
import type { Part } from './appeal-machine.ts';

export const appealAccess = {
  'appeal.create': (actor: Actor) => hasRole(actor, 'enterprise', 'dispatcher', 'handler', 'leader'),
  'appeal.read': (actor: Actor) => hasRole(actor, 'enterprise', 'dispatcher', 'handler', 'followup', 'leader', 'supervisor', 'admin'),
  'appeal.triage': (actor: Actor) => hasRole(actor, 'dispatcher'),
  'appeal.follow-up': (actor: Actor) => hasRole(actor, 'followup'),
  'appeal.kpi': (actor: Actor) => hasRole(actor, 'dispatcher', 'leader', 'supervisor', 'followup', 'admin', 'handler'),
  'appeal.supervision': (actor: Actor) => hasRole(actor, 'supervisor', 'dispatcher', 'leader'),
  'appeal.rules.manage': (actor: Actor) => hasRole(actor, 'admin'),
  'appeal.import': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
  'appeal.export': (actor: Actor) => hasRole(actor, 'dispatcher', 'leader', 'supervisor', 'admin'),
} as const;

/**
 * What a caller's appeal lists contain. Region roles (优化办, 回访, 督查, 领导) see the appeals of their region's subtree;
 * handlers see what their department (or a unit under it) leads or co-handles; an enterprise its own; administrators all (read-only).
 * Every staff member also sees the appeals they entered on an enterprise's behalf (`enteredBy`: a cadre's visit, a hotline call).
 */
export type AppealScope =
  | { kind: 'all' }
  | { kind: 'regions'; regionUnitIds: string[]; departmentIds: string[]; enteredBy: string }
  | { kind: 'departments'; departmentIds: string[]; enteredBy: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'entered'; enteredBy: string }
  | { kind: 'none' };

/** Channels through which an enterprise submits itself; the rest are entered by staff on its behalf (import keeps the old ledger's people). */
const selfServiceChannels = ['web', 'mobile', 'api', 'import'];

const regionKinds = new Set(['city', 'district', 'township', 'village']);

/** The nearest region (city/district/township/village) at or above a unit, and whether it is the root of the tree. */
async function regionOf(db: Executor, unitId: string): Promise<{ id: string; isRoot: boolean } | null> {
  const result = await sql<{ id: string; kind: string; parent_id: string | null; depth: number }>`
    WITH RECURSIVE up AS (
      SELECT id, kind, parent_id, 0 AS depth FROM org_units WHERE id = ${unitId}
      UNION ALL
      SELECT o.id, o.kind, o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id
    )
    SELECT id, kind, parent_id, depth FROM up ORDER BY depth`.execute(db);
  const region = result.rows.find((r) => regionKinds.has(r.kind));
  return region ? { id: region.id, isRoot: region.parent_id === null } : null;
}

export async function appealScopeFor(db: Executor, actor: Actor): Promise<AppealScope> {
  if (hasRole(actor, 'dispatcher', 'followup', 'supervisor', 'leader') && actor.orgUnitId) {
    const region = await regionOf(db, actor.orgUnitId);
    if (region?.isRoot) return { kind: 'all' };
    if (region) {
      const departmentIds = hasRole(actor, 'handler') ? await subtreeIds(db, actor.orgUnitId) : [];
      return { kind: 'regions', regionUnitIds: await subtreeIds(db, region.id), departmentIds, enteredBy: actor.userId };
    }
  }
  if (hasRole(actor, 'admin')) return { kind: 'all' };
  if (hasRole(actor, 'handler') && actor.orgUnitId) return { kind: 'departments', departmentIds: await subtreeIds(db, actor.orgUnitId), enteredBy: actor.userId };
  if (hasRole(actor, 'enterprise') && actor.enterpriseId) return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
  if (isStaff(actor)) return { kind: 'entered', enteredBy: actor.userId };
  return { kind: 'none' };
}

const uuidArray = (ids: readonly string[]) => sql<string[]>`${sql.val(ids)}::uuid[]`;

/** Entered by this staff member on an enterprise's behalf; written as the partial index appeals_entered_by_staff_idx is. */
const enteredByStaff = (eb: ExpressionBuilder<Database, 'appeals'>, userId: string) =>
  eb.and([eb('appeals.submitted_by', '=', userId), eb('appeals.channel', 'not in', selfServiceChannels)]);

/** The scope as a WHERE expression over `appeals` (aliased or not). */
export function visibleTo(scope: AppealScope) {
  return (eb: ExpressionBuilder<Database, 'appeals'>) => {
    switch (scope.kind) {
      case 'entered':
        return enteredByStaff(eb, scope.enteredBy);
      case 'all':
        return eb.val(true);
      case 'none':
        return eb.val(false);
      case 'enterprise':
        return eb('appeals.enterprise_id', '=', scope.enterpriseId);
      case 'departments':
        return eb.or([
          eb('appeals.lead_department_id', '=', eb.fn.any(uuidArray(scope.departmentIds))),
          eb(sql`appeals.co_department_ids`, '&&', uuidArray(scope.departmentIds)),
          enteredByStaff(eb, scope.enteredBy),
        ]);
      case 'regions':
        return eb.or([
          eb('appeals.region_unit_id', '=', eb.fn.any(uuidArray(scope.regionUnitIds))),
          ...(scope.departmentIds.length > 0
            ? [
                eb('appeals.lead_department_id', '=', eb.fn.any(uuidArray(scope.departmentIds))),
                eb(sql`appeals.co_department_ids`, '&&', uuidArray(scope.departmentIds)),
              ]
            : []),
          enteredByStaff(eb, scope.enteredBy),
        ]);
    }
  };
}

export function whereVisible<O>(qb: SelectQueryBuilder<Database, 'appeals', O>, scope: AppealScope): SelectQueryBuilder<Database, 'appeals', O> {
  return scope.kind === 'all' ? qb : qb.where(visibleTo(scope));
}

/** One appeal the caller may see, or 404 (also for appeals that exist but are not theirs). `forUpdate` locks the row. */
export async function findVisibleAppeal(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean; scope?: AppealScope } = {}): Promise<{ row: AppealRow; scope: AppealScope }> {
  const scope = options.scope ?? (await appealScopeFor(db, actor));
  let query = whereVisible(db.selectFrom('appeals').selectAll('appeals').where('appeals.id', '=', id), scope);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('诉求 / appeal');
  return { row, scope };
}

const inDepartments = (scope: AppealScope, departmentId: string | null): boolean =>
  departmentId !== null && (scope.kind === 'departments' || scope.kind === 'regions') && scope.departmentIds.includes(departmentId);

/** The parts the caller plays on a visible appeal; always includes 'viewer'. */
export function partsOf(actor: Actor, row: Pick<AppealRow, 'enterprise_id' | 'lead_department_id' | 'co_department_ids'>, scope: AppealScope): Part[] {
  const parts: Part[] = ['viewer'];
  const regionWide = scope.kind === 'all' || scope.kind === 'regions';
  if (regionWide && hasRole(actor, 'dispatcher')) parts.push('dispatcher');
  if (regionWide && hasRole(actor, 'followup')) parts.push('followup');
  if (regionWide && hasRole(actor, 'supervisor')) parts.push('supervisor');
  if (hasRole(actor, 'handler')) {
    const departmentIds = scope.kind === 'departments' || scope.kind === 'regions' ? scope.departmentIds : [];
    if (inDepartments(scope, row.lead_department_id)) parts.push('lead');
    else if (row.co_department_ids.some((id) => departmentIds.includes(id))) parts.push('co');
  }
  if (hasRole(actor, 'enterprise') && actor.enterpriseId !== null && row.enterprise_id === actor.enterpriseId) parts.push('owner');
  return parts;
}

/** Staff who work the appeal see internal notes, internal events and full contact data; the enterprise and read-only roles do not. */
export const seesInternal = (actor: Actor, parts: readonly Part[]): boolean =>
  parts.some((p) => p !== 'viewer' && p !== 'owner') || hasRole(actor, 'leader', 'admin');
