// Who holds a part in an appeal, as active user ids: a region's staff of one role, a department's handlers, unit heads, an enterprise's users.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import type { Role } from '../../../shared/roles.ts';

export interface RegionStaff {
  userIds: string[];
  /** The units those users belong to (for dispatchers: the 优化办 office of the region). */
  unitIds: string[];
}

/**
 * Users of `role` whose region (the nearest city/district/township/village at or above their unit) contains the appeal's region,
 * at the nearest level that has any: a district's own 营商办 before the city's, the city's when the district has none.
 */
export async function regionStaff(db: Executor, regionUnitId: string, role: Role): Promise<RegionStaff> {
  const { rows } = await sql<{ user_id: string; org_unit_id: string; depth: number }>`
    WITH RECURSIVE containing AS (
      SELECT id, parent_id, 0 AS depth FROM org_units WHERE id = ${regionUnitId}
      UNION ALL
      SELECT o.id, o.parent_id, c.depth + 1 FROM org_units o JOIN containing c ON o.id = c.parent_id
    ),
    staff AS (
      SELECT u.id AS user_id, u.org_unit_id, o.id AS at_id, o.parent_id, o.kind
        FROM users u JOIN org_units o ON o.id = u.org_unit_id
       WHERE u.status = 'active' AND ${role} = ANY(u.roles)
      UNION ALL
      SELECT s.user_id, s.org_unit_id, o.id, o.parent_id, o.kind FROM staff s JOIN org_units o ON o.id = s.parent_id WHERE s.kind = 'department'
    )
    SELECT s.user_id, s.org_unit_id, c.depth FROM staff s JOIN containing c ON c.id = s.at_id
     WHERE s.kind <> 'department'
     ORDER BY c.depth, s.user_id`.execute(db);
  const nearest = rows.filter((r) => r.depth === rows[0]?.depth);
  return { userIds: unique(nearest.map((r) => r.user_id)), unitIds: unique(nearest.map((r) => r.org_unit_id)) };
}

/** Handlers of the departments or of a unit under one of them. */
export async function departmentHandlers(db: Executor, departmentIds: readonly (string | null)[]): Promise<string[]> {
  const roots = departmentIds.filter((id): id is string => id !== null);
  if (roots.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM org_units WHERE id = ANY(${sql.val(roots)}::uuid[])
      UNION
      SELECT child.id FROM org_units child JOIN tree ON child.parent_id = tree.id
    )
    SELECT u.id FROM users u JOIN tree ON tree.id = u.org_unit_id
     WHERE u.status = 'active' AND 'handler' = ANY(u.roles)
     ORDER BY u.id`.execute(db);
  return rows.map((r) => r.id);
}

/** The active heads (负责人) of the units; empty when none is set. */
export async function unitHeads(db: Executor, unitIds: readonly (string | null)[]): Promise<string[]> {
  const ids = unitIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_units')
    .innerJoin('users', 'users.id', 'org_units.head_user_id')
    .select('users.id')
    .where('org_units.id', 'in', ids)
    .where('users.status', '=', 'active')
    .execute();
  return unique(rows.map((r) => r.id));
}

export async function enterpriseUsers(db: Executor, enterpriseId: string | null): Promise<string[]> {
  if (!enterpriseId) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'active')
    .where(sql<boolean>`'enterprise' = ANY(roles)`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The head of the lead department, else its handlers: who answers for a department's appeal. */
export async function departmentHeadOrHandlers(db: Executor, departmentId: string | null): Promise<string[]> {
  const heads = await unitHeads(db, [departmentId]);
  return heads.length > 0 ? heads : departmentHandlers(db, [departmentId]);
}

/** The head of the region's 优化办 (the unit of its dispatchers), else the dispatchers themselves. */
export async function officeHeadOrDispatchers(db: Executor, regionUnitId: string): Promise<string[]> {
  const dispatchers = await regionStaff(db, regionUnitId, 'dispatcher');
  const heads = await unitHeads(db, dispatchers.unitIds);
  return heads.length > 0 ? heads : dispatchers.userIds;
}

const unique = (ids: string[]): string[] => [...new Set(ids)];
