// Pure rules of the application pages: the POST body from the form, the field checks the server also makes, how a condition label reads, and the review countdown (the appeals' green / amber / red).
import type { TriState } from '../../../../shared/schemas/policies.ts';
import { countdownOf, type Countdown } from '../../appeals/countdown.ts';
import type { WorkingDayTest } from '../../appeals/working-time.ts';
import type { ApplyBody, ConditionLabel, PolicyApplication } from './api.ts';

export interface ApplyFormValues {
  contactName?: string;
  contactPhone?: string;
  statement?: string;
  confirmed?: boolean;
}

/** Mobile or landline: digits with + - ( ) and spaces, 7..20 characters (as the contract). */
export const contactPhonePattern = /^[0-9+\-() ]{7,20}$/;
/** 万元 above 0 with at most 6 decimals. */
export const amountPattern = /^\d{1,12}(\.\d{1,6})?$/;

export function isPositiveAmount(text: string): boolean {
  return amountPattern.test(text) && Number(text) > 0;
}

/** The body of POST /policies/{id}/applications; confirmed is literally true (the form only submits once it is ticked). */
export function applyBodyOf(values: ApplyFormValues): ApplyBody {
  const statement = values.statement?.trim();
  return { contactName: (values.contactName ?? '').trim(), contactPhone: (values.contactPhone ?? '').trim(), ...(statement ? { statement } : {}), confirmed: true };
}

export function conditionLabelText(label: ConditionLabel, language: string): string {
  if (typeof label === 'string') return label;
  if (language === 'en') return label.en || label.zh;
  if (language === 'zh-TW') return label['zh-TW'] || label.zh;
  return label.zh;
}

export const verdictOf = (eligible: TriState) => (eligible === true ? 'eligible' : eligible === 'unknown' ? 'pending' : 'ineligible');

/**
 * The countdown to the review deadline while the application waits for a decision, coloured as the appeals' queues
 * (green, amber in the last half or day, red when overdue); none once decided or withdrawn.
 */
export function reviewCountdown(application: Pick<PolicyApplication, 'status' | 'submittedAt' | 'reviewDueAt' | 'overdue'>, now: Date, isWorkingDay?: WorkingDayTest): Countdown | null {
  if (application.status !== 'submitted') return null;
  return countdownOf({ clock: 'reply', dueAt: application.reviewDueAt, now, startedAt: application.submittedAt, overdue: application.overdue, isWorkingDay });
}
