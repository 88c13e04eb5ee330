// SQL for single enterprise rows: find one within the caller's scope (by credit code or id), insert, update.
import type { Insertable, Updateable } from 'kysely';
import type { EnterprisesTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { notFound } from '../../http/errors.ts';
import { inEnterpriseScope, type EnterpriseScope } from './enterprise.access.ts';
import type { EnterpriseRow } from './enterprise-view.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `key` is the credit code (any case) or, for clients holding an id from a picker, the enterprise's uuid. Out of scope or absent → 404. */
export async function findVisibleEnterprise(db: Executor, scope: EnterpriseScope, key: string, options: { forUpdate?: boolean } = {}): Promise<EnterpriseRow> {
  const trimmed = key.trim();
  let query = db.selectFrom('enterprises').selectAll().where(inEnterpriseScope(scope));
  query = uuidPattern.test(trimmed) ? query.where('id', '=', trimmed.toLowerCase()) : query.where('uscc', '=', trimmed.toUpperCase());
  if (options.forUpdate) query = query.forUpdate();
  const row = scope.kind === 'none' ? undefined : await query.executeTakeFirst();
  if (!row) throw notFound('企业 / enterprise');
  return row;
}

export async function insertEnterprise(db: Executor, values: Insertable<EnterprisesTable>): Promise<EnterpriseRow> {
  return db.insertInto('enterprises').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateEnterpriseRow(db: Executor, id: string, values: Updateable<EnterprisesTable>): Promise<EnterpriseRow> {
  return db.updateTable('enterprises').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
