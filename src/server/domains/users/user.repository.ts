// Users in SQL: the presented view (with unit, enterprise and lock state) and the caller-filtered list.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { UserView } from '../../../shared/schemas/index.ts';
import type { Role } from '../../../shared/roles.ts';

const viewQuery = (db: Executor, now: Date) =>
  db
    .selectFrom('users')
    .leftJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .leftJoin('enterprises', 'enterprises.id', 'users.enterprise_id')
    .leftJoin('login_throttle', (join) =>
      join.onRef('login_throttle.username', '=', 'users.username').on('login_throttle.locked_until', '>', now),
    )
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.org_unit_id',
      'org_units.name as org_unit_name',
      'users.enterprise_id',
      'enterprises.name as enterprise_name',
      'users.phone',
      'users.email',
      'users.locale',
      'users.care_mode',
      'users.status',
      'login_throttle.locked_until',
      'users.last_login_at',
      'users.created_at',
    ]);

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['executeTakeFirstOrThrow']>>;

export const toUserView = (row: ViewRow): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: row.roles as Role[],
  orgUnitId: row.org_unit_id,
  orgUnitName: row.org_unit_name,
  enterpriseId: row.enterprise_id,
  enterpriseName: row.enterprise_name,
  phone: row.phone,
  email: row.email,
  locale: row.locale as UserView['locale'],
  careMode: row.care_mode,
  status: row.status,
  lockedUntil: row.locked_until ? row.locked_until.toISOString() : null,
  lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  createdAt: row.created_at.toISOString(),
});

export async function findUserView(db: Executor, id: string, now: Date = new Date()): Promise<UserView | null> {
  const row = await viewQuery(db, now).where('users.id', '=', id).executeTakeFirst();
  return row ? toUserView(row) : null;
}

export interface UserListFilter {
  id?: string;
  q?: string;
  role?: Role;
  orgUnitId?: string;
  enterpriseId?: string;
  page: number;
  pageSize: number;
}

export type UserScope = { kind: 'all' } | { kind: 'units'; unitIds: string[] } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'self'; userId: string };

const applyScope = (scope: UserScope) => (eb: ExpressionBuilder<Database, 'users'>) => {
  switch (scope.kind) {
    case 'all':
      return eb.val(true);
    case 'units':
      return scope.unitIds.length ? eb('users.org_unit_id', 'in', scope.unitIds) : eb.val(false);
    case 'enterprise':
      return eb('users.enterprise_id', '=', scope.enterpriseId);
    case 'self':
      return eb('users.id', '=', scope.userId);
  }
};

export async function listUsers(db: Executor, scope: UserScope, filter: UserListFilter, now: Date = new Date()) {
  let query = viewQuery(db, now).where((eb) => applyScope(scope)(eb as never));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('users.username', 'ilike', like), eb('users.display_name', 'ilike', like)]));
  }
  if (filter.id) query = query.where('users.id', '=', filter.id);
  if (filter.role) query = query.where(sql<boolean>`${filter.role} = ANY(users.roles)`);
  if (filter.orgUnitId) query = query.where('users.org_unit_id', '=', filter.orgUnitId);
  if (filter.enterpriseId) query = query.where('users.enterprise_id', '=', filter.enterpriseId);
  const rows = await query
    .select(sql<number>`count(*) over ()::int`.as('total_count'))
    .orderBy('users.username')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const total = rows[0]?.total_count ?? (filter.page > 1 ? await countUsers(db, scope, filter) : 0);
  return { items: rows.map(toUserView), total };
}

async function countUsers(db: Executor, scope: UserScope, filter: UserListFilter): Promise<number> {
  const { total } = await listUsers(db, scope, { ...filter, page: 1, pageSize: 1 });
  return total;
}
