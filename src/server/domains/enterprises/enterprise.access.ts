// Who may see and change enterprise records: staff read all, an enterprise user only its own (a scope applied in SQL); the office edits.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole, isStaff } from '../auth/actor.ts';

/**
 * 优化办 (dispatcher) and administrators register enterprises and edit their attributes and yearly figures; policy
 * officers keep figures and tags current too, since policies are matched on them; every staff role reads; an
 * enterprise's own users read their enterprise and edit only its contact fields.
 */
export const enterpriseAccess = {
  'enterprise.read': (actor: Actor) => isStaff(actor) || actor.enterpriseId !== null,
  'enterprise.create': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
  'enterprise.update': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher'),
  'enterprise.figures': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher', 'policy_officer'),
  'enterprise.tag': (actor: Actor) => hasRole(actor, 'admin', 'dispatcher', 'policy_officer'),
} as const;

export type EnterpriseScope = { kind: 'all' } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'none' };

export function enterpriseScopeFor(actor: Actor): EnterpriseScope {
  if (isStaff(actor)) return { kind: 'all' };
  if (actor.enterpriseId) return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
  return { kind: 'none' };
}

/** The scope as a WHERE condition on `enterprises`. */
export function inEnterpriseScope(scope: EnterpriseScope) {
  return (eb: ExpressionBuilder<Database, 'enterprises'>) =>
    scope.kind === 'all' ? eb.lit(true) : scope.kind === 'enterprise' ? eb('enterprises.id', '=', scope.enterpriseId) : eb.lit(false);
}

const isOwnEnterprise = (actor: Actor, enterpriseId: string) => hasRole(actor, 'enterprise') && actor.enterpriseId === enterpriseId;

/** Unmasked contact phone: the office (优化办 dispatchers and follow-up staff, who call enterprises), administrators, and the enterprise's own users. */
export const seesContactPhone = (actor: Actor, enterpriseId: string): boolean =>
  hasRole(actor, 'admin', 'dispatcher', 'followup') || isOwnEnterprise(actor, enterpriseId);

/** As seesContactPhone, plus the cadres and leaders assigned to the enterprise (包联) on `today`. */
export async function seesContactPhoneOn(db: Executor, actor: Actor, enterpriseId: string, today: string): Promise<boolean> {
  if (seesContactPhone(actor, enterpriseId)) return true;
  if (!isStaff(actor)) return false;
  const assignment = await db
    .selectFrom('relation_assignments')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where('enterprise_id', '=', enterpriseId)
    .where('ended_at', 'is', null)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .executeTakeFirst();
  return assignment !== undefined;
}

/** The enterprise's own users may change its contact fields (and nothing else). */
export const mayEditContact = (actor: Actor, enterpriseId: string): boolean =>
  enterpriseAccess['enterprise.update'](actor) || isOwnEnterprise(actor, enterpriseId);
