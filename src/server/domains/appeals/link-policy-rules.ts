// Who may link a 政策兑现 appeal to a policy, and when — pure, shared by the appeal's abilities and the link action.
import type { Part } from './appeal-machine.ts';

/** The category whose appeals are about a policy (migration 2026-11-24T0900: 政策兑现). */
export const POLICY_CATEGORY_CODE = 'policy';
export const finalStatuses = new Set(['closed', 'rejected', 'merged']);

/** Whether the caller may (re)link this appeal now: a 政策兑现 appeal still open, and the caller dispatches or leads it. */
export function mayLinkPolicy(categoryCode: string | null, status: string, parts: readonly Part[]): boolean {
  return categoryCode === POLICY_CATEGORY_CODE && !finalStatuses.has(status) && (parts.includes('dispatcher') || parts.includes('lead'));
}

