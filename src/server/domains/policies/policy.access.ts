// Who may do what with policies: policy officers and administrators write and publish; every staff role reads published policies and their matches; an enterprise user reads published policies and only its own enterprise's matches.
import type { Actor } from '../auth/actor.ts';
import { hasRole, isStaff } from '../auth/actor.ts';

export const policyAccess = {
  /** Published policies (and, for editors, drafts: see seesDrafts). */
  'policy.read': (actor: Actor) => isStaff(actor) || actor.enterpriseId !== null,
  'policy.edit': (actor: Actor) => hasRole(actor, 'admin', 'policy_officer'),
  'policy.publish': (actor: Actor) => hasRole(actor, 'admin', 'policy_officer'),
  /** Which enterprises a policy matches, near-misses, the live count of a rule. */
  'policy.matches': (actor: Actor) => isStaff(actor),
  /** 免申即享: create candidates, approve in bulk, exclude, record payouts. */
  'policy.grant': (actor: Actor) => hasRole(actor, 'admin', 'policy_officer'),
  /** 兑付台账 and each policy's grants. */
  'policy.ledger': (actor: Actor) => hasRole(actor, 'admin', 'policy_officer', 'leader', 'supervisor'),
  /** 申报: an enterprise user applies for its own enterprise. */
  'policy.apply': (actor: Actor) => actor.enterpriseId !== null && hasRole(actor, 'enterprise'),
  /** Approve or reject applications (every application). */
  'policy.review': (actor: Actor) => hasRole(actor, 'admin', 'policy_officer'),
} as const;

/** Who reads which applications: reviewers, leaders and supervisors all of them, an enterprise user its own; nobody else. */
export type ApplicationScope = { kind: 'all' } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'none' };
export function applicationScopeFor(actor: Actor): ApplicationScope {
  if (hasRole(actor, 'admin', 'policy_officer', 'leader', 'supervisor')) return { kind: 'all' };
  if (actor.enterpriseId !== null && hasRole(actor, 'enterprise')) return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
  return { kind: 'none' };
}

/** Drafts and withdrawn policies are seen by those who write them. */
export const seesDrafts = (actor: Actor): boolean => policyAccess['policy.edit'](actor);
