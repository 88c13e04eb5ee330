// From a stored appeal row (plus the names it refers to) to the API's appeal view: clocks, overdue flags, masking and abilities.
import type { AppealRow, ClockKind } from '../../db/schema.ts';
import type { AppealListItem, AppealStatus, AppealView, ClockName, Resolution } from '../../../shared/schemas/appeals.ts';
import type { Actor } from '../auth/actor.ts';
import { allowedActions, type AppealFacts, type Part } from './appeal-machine.ts';
import { seesInternal } from './appeal.access.ts';
import { canAttach } from './attachments/attachment-rules.ts';
import { mayLinkPolicy } from './link-policy-rules.ts';

export interface AppealNames {
  categoryCode: string | null;
  enterpriseName: string | null;
  leadDepartmentName: string | null;
  policyTitle: string | null;
}

export interface PendingExtension {
  id: string;
  working_days: number;
  reason: string;
  requested_at: Date;
}

const clockColumns: Record<ClockName, ClockKind> = { accept: 'accept', sign: 'sign', reply: 'reply', followUp: 'follow_up' };

/** The follow-up counts as done once the enterprise was reached, or after three unanswered call attempts (无法联系). */
export const FOLLOW_UP_ATTEMPTS_TO_CLOSE = 3;

export function factsOf(row: AppealRow, extra: { hasPendingExtension: boolean; unreachedAttempts: number }): AppealFacts {
  return {
    status: row.status as AppealStatus,
    hasPendingExtension: extra.hasPendingExtension,
    followedUp: row.follow_up_reached === true || extra.unreachedAttempts >= FOLLOW_UP_ATTEMPTS_TO_CLOSE,
    followUpDemandsReopen: row.follow_up_reached === true && row.follow_up_resolved === false && (row.follow_up_rating ?? 5) <= 2,
    enterpriseRated: row.enterprise_rating !== null,
    supervised: row.supervised,
  };
}

export const maskPhone = (phone: string | null): string | null => {
  if (!phone) return phone;
  const digits = phone.replace(/\s/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Whether a clock is (or was, when its stage ended) overdue at `now`. A paused reply clock is not overdue while paused unless already past due. */
export function clockOverdue(row: AppealRow, kind: ClockKind, now: Date): boolean {
  const due = row[`${kind}_due_at`];
  const met = row[`${kind}_met_at`];
  const frozen = row[`${kind}_overdue`];
  if (!due) return false;
  if (met) return frozen ?? met.getTime() > due.getTime();
  const stoppedAt = kind === 'reply' && row.paused_at ? row.paused_at : now;
  return stoppedAt.getTime() > due.getTime();
}

export function abilitiesOfAppeal(actor: Actor, row: AppealRow, parts: readonly Part[], facts: AppealFacts, categoryCode: string | null): string[] {
  const abilities: string[] = allowedActions(facts, parts);
  if (mayLinkPolicy(categoryCode, row.status, parts)) abilities.push('link-policy');
  const internal = seesInternal(actor, parts);
  if (internal && parts.some((p) => p !== 'viewer' && p !== 'owner')) abilities.push('note');
  if (canAttach(parts, row.status as AppealStatus)) abilities.push('attach');
  if (internal) abilities.push('view-internal');
  return abilities;
}

function clocksOf(row: AppealRow, now: Date, usedMs: Record<ClockName, number | null> | null): AppealView['clocks'] {
  const clock = (name: ClockName) => {
    const kind = clockColumns[name];
    return {
      startedAt: iso(row[`${kind}_started_at`]),
      dueAt: iso(row[`${kind}_due_at`]),
      metAt: iso(row[`${kind}_met_at`]),
      overdue: clockOverdue(row, kind, now),
      usedMs: usedMs ? usedMs[name] : null,
    };
  };
  return { accept: clock('accept'), sign: clock('sign'), reply: clock('reply'), followUp: clock('followUp') };
}

export function toAppealListItem(row: AppealRow, names: AppealNames, abilities: string[], options: { now: Date; fullContact: boolean }): AppealListItem {
  const { now } = options;
  const deadline = (kind: ClockKind): string | null => (row[`${kind}_started_at`] && !row[`${kind}_met_at`] ? iso(row[`${kind}_due_at`]) : null);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status as AppealStatus,
    channel: row.channel as AppealView['channel'],
    sourceNote: row.source_note,
    category: names.categoryCode,
    categoryId: row.category_id,
    urgency: row.urgency,
    enterpriseId: row.enterprise_id,
    enterpriseName: names.enterpriseName,
    contactName: row.contact_name,
    contactPhone: options.fullContact ? row.contact_phone : maskPhone(row.contact_phone),
    regionUnitId: row.region_unit_id,
    leadDepartmentId: row.lead_department_id,
    leadDepartmentName: names.leadDepartmentName,
    coDepartmentIds: row.co_department_ids,
    suggestedDepartmentId: row.suggested_department_id,
    handlerId: row.handler_id,
    submittedAt: row.submitted_at.toISOString(),
    deadlines: { accept: deadline('accept'), sign: deadline('sign'), reply: deadline('reply'), followUp: deadline('follow_up') },
    overdue: {
      accept: clockOverdue(row, 'accept', now),
      sign: clockOverdue(row, 'sign', now),
      reply: clockOverdue(row, 'reply', now),
      followUp: clockOverdue(row, 'follow_up', now),
    },
    nextDueAt: iso(row.next_due_at),
    clocks: clocksOf(row, now, null),
    round: row.round,
    returnCount: row.return_count,
    reopenCount: row.reopen_count,
    rejectReason: row.reject_reason,
    mergedIntoId: row.merged_into_id,
    policyId: row.policy_id,
    policyTitle: names.policyTitle,
    enterpriseRating: row.enterprise_rating,
    rating: row.rating,
    supervised: row.supervised,
    pausedAt: iso(row.paused_at),
    closedAt: iso(row.closed_at),
    version: row.version,
    abilities,
  };
}

export function toAppealView(
  row: AppealRow,
  names: AppealNames,
  abilities: string[],
  options: { now: Date; fullContact: boolean; pendingExtension: PendingExtension | null; usedMs: Record<ClockName, number | null> },
): AppealView {
  const pending = options.pendingExtension;
  return {
    ...toAppealListItem(row, names, abilities, options),
    content: row.content,
    clocks: clocksOf(row, options.now, options.usedMs),
    reply: row.replied_at && row.reply_content && row.resolution ? { content: row.reply_content, resolution: row.resolution as Resolution, at: row.replied_at.toISOString() } : null,
    followUp: row.follow_up_at
      ? { at: row.follow_up_at.toISOString(), reached: row.follow_up_reached ?? false, resolved: row.follow_up_resolved ?? false, rating: row.follow_up_rating }
      : null,
    pendingExtension: pending ? { id: pending.id, workingDays: pending.working_days, reason: pending.reason, requestedAt: pending.requested_at.toISOString() } : null,
  };
}
