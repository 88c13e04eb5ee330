// The appeal state machine as data: for each action, the states it starts from, the state it leads to, and the part a caller must play.
import type { AppealAction, AppealStatus } from '../../../shared/schemas/appeals.ts';

/**
 * The part the caller plays for one appeal, decided by the access module from roles and the appeal's data:
 * `dispatcher` (优化办 of the appeal's region), `lead` (a handler of the lead department), `co` (a handler of a co-department),
 * `followup`, `supervisor`, `owner` (the enterprise that raised it), `viewer` (may read, nothing else).
 */
export type Part = 'dispatcher' | 'lead' | 'co' | 'followup' | 'supervisor' | 'owner' | 'viewer';

export interface Transition {
  from: readonly AppealStatus[];
  /** null: the status does not change (the action records something on the appeal). */
  to: AppealStatus | null;
  parts: readonly Part[];
}

const triage: AppealStatus[] = ['submitted', 'accepted', 'returned'];
const working: AppealStatus[] = ['signed', 'paused'];

export const transitions: Record<AppealAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', parts: ['dispatcher'] },
  reject: { from: triage, to: 'rejected', parts: ['dispatcher'] },
  merge: { from: triage, to: 'merged', parts: ['dispatcher'] },
  assign: { from: [...triage, 'assigned', 'reopened'], to: 'assigned', parts: ['dispatcher'] },
  sign: { from: ['assigned', 'reopened'], to: 'signed', parts: ['lead'] },
  return: { from: ['assigned', 'reopened'], to: 'returned', parts: ['lead'] },
  pause: { from: ['signed'], to: 'paused', parts: ['lead'] },
  resume: { from: ['paused'], to: 'signed', parts: ['lead'] },
  'request-extension': { from: working, to: null, parts: ['lead'] },
  'approve-extension': { from: working, to: null, parts: ['dispatcher'] },
  'deny-extension': { from: working, to: null, parts: ['dispatcher'] },
  reply: { from: ['signed'], to: 'replied', parts: ['lead'] },
  'follow-up': { from: ['replied'], to: null, parts: ['followup'] },
  rate: { from: ['replied', 'closed'], to: null, parts: ['owner'] },
  reopen: { from: ['replied', 'closed'], to: 'reopened', parts: ['dispatcher', 'followup'] },
  close: { from: ['replied'], to: 'closed', parts: ['dispatcher', 'followup'] },
  supervise: { from: ['accepted', 'assigned', 'signed', 'returned', 'paused', 'replied', 'reopened'], to: null, parts: ['supervisor', 'dispatcher'] },
};

/** Facts about the appeal that some actions need beyond its status. */
export interface AppealFacts {
  status: AppealStatus;
  hasPendingExtension: boolean;
  followedUp: boolean;
  /** The last follow-up found the problem unresolved and the enterprise unsatisfied (rating ≤ 2): it must be reopened, not closed. */
  followUpDemandsReopen: boolean;
  enterpriseRated: boolean;
  supervised: boolean;
}

/** Why an action is refused on these facts, or null when the state allows it (the caller's part is checked separately). */
export function stateRefusal(action: AppealAction, facts: AppealFacts): string | null {
  const t = transitions[action];
  if (!t.from.includes(facts.status)) return `状态为 ${facts.status} 时不能 ${action} / cannot ${action} an appeal that is ${facts.status}`;
  switch (action) {
    case 'request-extension':
      return facts.hasPendingExtension ? '已有待审批的延期申请 / an extension request is already pending' : null;
    case 'approve-extension':
    case 'deny-extension':
      return facts.hasPendingExtension ? null : '没有待审批的延期申请 / no extension request is pending';
    case 'close':
      if (!facts.followedUp) return '尚未回访，不能办结 / every replied appeal is followed up before it is closed';
      return facts.followUpDemandsReopen ? '回访未解决且不满意，应当重办 / the follow-up found it unresolved and unsatisfactory: reopen it' : null;
    case 'rate':
      return facts.enterpriseRated ? '企业已评价 / the enterprise has already rated this appeal' : null;
    default:
      return null;
  }
}

export const partAllows = (action: AppealAction, parts: readonly Part[]): boolean => transitions[action].parts.some((p) => parts.includes(p));

export const nextStatus = (action: AppealAction, current: AppealStatus): AppealStatus => transitions[action].to ?? current;

export function allowedActions(facts: AppealFacts, parts: readonly Part[]): AppealAction[] {
  return (Object.keys(transitions) as AppealAction[]).filter((a) => partAllows(a, parts) && stateRefusal(a, facts) === null);
}
