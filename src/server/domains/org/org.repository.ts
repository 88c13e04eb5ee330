// The organisation tree in SQL: units, and subtrees by recursive query.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import type { OrgUnitRow } from '../../db/schema.ts';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';

export const toOrgUnitView = (row: OrgUnitRow): OrgUnitView => ({
  id: row.id,
  parentId: row.parent_id,
  kind: row.kind,
  name: row.name,
  code: row.code,
  divisionCode: row.division_code,
  sortOrder: row.sort_order,
  active: row.active,
});

export async function listOrgUnits(db: Executor): Promise<OrgUnitView[]> {
  const rows = await db.selectFrom('org_units').selectAll().orderBy('sort_order').orderBy('name').execute();
  return rows.map(toOrgUnitView);
}

export async function findOrgUnit(db: Executor, id: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The unit and every unit below it. */
export async function subtreeIds(db: Executor, rootId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM org_units WHERE id = ${rootId}
      UNION ALL
      SELECT child.id FROM org_units child JOIN tree ON child.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((r) => r.id);
}
