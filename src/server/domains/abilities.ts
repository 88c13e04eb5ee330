// All named actions of every domain in one table: `authorize` checks one, `abilitiesOf` lists what the UI may offer.
import { forbidden } from '../http/errors.ts';
import type { Actor } from './auth/actor.ts';
import { authAccess } from './auth/auth.access.ts';
import { appealAccess } from './appeals/appeal.access.ts';
import { auditAccess } from './audit/audit.access.ts';
import { calendarAccess } from './calendar/calendar.access.ts';
import { enterpriseAccess } from './enterprises/enterprise.access.ts';
import { orgAccess } from './org/org.access.ts';
import { userAccess } from './users/user.access.ts';
import { relationAccess } from './enterprises/relations/relation.access.ts';
import { greenCardAccess } from './enterprises/green-card/green-card.access.ts';
import { enterpriseAccountAccess } from './enterprises/accounts/account.access.ts';
import { enterpriseImportAccess } from './enterprises/import/import.access.ts';
import { policyAccess } from './policies/policy.access.ts';

const actions = { ...appealAccess, ...authAccess, ...auditAccess, ...calendarAccess, ...enterpriseAccess, ...orgAccess, ...userAccess, ...relationAccess, ...greenCardAccess, ...enterpriseAccountAccess, ...enterpriseImportAccess, ...policyAccess };

export type Action = keyof typeof actions;

export const can = (actor: Actor, action: Action): boolean => actions[action](actor);

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(`无权执行 ${action} / not allowed to ${action}`);
}

export const abilitiesOf = (actor: Actor): Action[] => (Object.keys(actions) as Action[]).filter((a) => can(actor, a)).sort();
