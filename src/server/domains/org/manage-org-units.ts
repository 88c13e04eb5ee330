// Create, rename and move units; a move may not put a unit under itself or its descendants, and kinds must nest city → district → township → village.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../../db/transaction.ts';
import { allowedChildKinds, type OrgUnitKind } from '../../../shared/roles.ts';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findOrgUnit, subtreeIds, toOrgUnitView } from './org.repository.ts';

/** Serialises tree edits so two concurrent moves cannot build a cycle between them. */
const ORG_TREE_LOCK = 7_414_207_002;

type Ctx = Pick<Deps, 'clock'> & { db: Executor };

async function checkParent(db: Executor, parentId: string | null, kind: OrgUnitKind) {
  if (parentId === null) {
    if (kind !== 'city') throw invalid('parentId', '只有市级单位可以没有上级 / only a city may be a root unit');
    return;
  }
  const parent = await findOrgUnit(db, parentId);
  if (!parent) throw invalid('parentId', '上级单位不存在 / parent unit does not exist');
  if (!allowedChildKinds[parent.kind].includes(kind)) {
    throw invalid('parentId', `${parent.kind} 下不能设 ${kind} / a ${kind} cannot sit under a ${parent.kind}`);
  }
}

export async function createOrgUnit(
  deps: Ctx,
  ctx: RequestContext,
  input: { parentId: string | null; kind: OrgUnitKind; name: string; code: string; divisionCode?: string | null; sortOrder?: number },
): Promise<OrgUnitView> {
  const now = deps.clock.now();
  try {
    return await inTransaction(deps.db, async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${ORG_TREE_LOCK})`.execute(trx);
      await checkParent(trx, input.parentId, input.kind);
      const row = await trx
        .insertInto('org_units')
        .values({
          parent_id: input.parentId,
          kind: input.kind,
          name: input.name,
          code: input.code,
          division_code: input.divisionCode ?? null,
          sort_order: input.sortOrder ?? 0,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = toOrgUnitView(row);
      await recordAudit(trx, ctx, { action: 'org_unit.create', entityType: 'org_unit', entityId: row.id, after: view }, now);
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'org_units_code_key')) throw conflict(`编码 ${input.code} 已被使用 / code already in use`, 'code');
    throw error;
  }
}

export async function updateOrgUnit(
  deps: Ctx,
  ctx: RequestContext,
  id: string,
  input: { parentId?: string | null; name?: string; divisionCode?: string | null; sortOrder?: number; active?: boolean },
): Promise<OrgUnitView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${ORG_TREE_LOCK})`.execute(trx);
    const before = await findOrgUnit(trx, id);
    if (!before) throw notFound('单位 / unit');
    if (input.parentId !== undefined && input.parentId !== before.parent_id) {
      if (input.parentId !== null && (await subtreeIds(trx, id)).includes(input.parentId)) {
        throw invalid('parentId', '不能移到自身或其下级单位之下 / a unit cannot move under itself or its own descendant');
      }
      await checkParent(trx, input.parentId, before.kind);
    }
    if (input.active === false) {
      const activeChildren = await trx.selectFrom('org_units').select('id').where('parent_id', '=', id).where('active', '=', true).executeTakeFirst();
      if (activeChildren) throw invalid('active', '请先停用其下级单位 / deactivate its child units first');
    }
    const row = await trx
      .updateTable('org_units')
      .set({
        ...(input.parentId !== undefined && { parent_id: input.parentId }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.divisionCode !== undefined && { division_code: input.divisionCode }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        ...(input.active !== undefined && { active: input.active }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toOrgUnitView(row);
    await recordAudit(trx, ctx, { action: 'org_unit.update', entityType: 'org_unit', entityId: id, before: toOrgUnitView(before), after: view }, now);
    return view;
  });
}
