// An application as the caller sees it (PolicyApplication of the contract): overdue frozen at decision, attachments, and what the caller may do now.
import type { Executor } from '../../../db/transaction.ts';
import { canonicalWan } from '../../../../shared/rules/money.ts';
import type { ApplicationAbility, ApplicationEligibility, PolicyApplication } from '../../../../shared/schemas/policy-applications.ts';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../abilities.ts';
import { maskPhone } from '../../appeals/appeal-view.ts';
import { seesContactPhone } from '../../enterprises/enterprise.access.ts';
import { listApplicationAttachments, type ApplicationRow } from './application.repository.ts';

type AttachmentRow = Awaited<ReturnType<typeof listApplicationAttachments>>[number];

export function isOverdue(row: Pick<ApplicationRow, 'status' | 'review_due_at' | 'decided_at'>, now: Date): boolean {
  const due = new Date(row.review_due_at).getTime();
  if (row.status === 'submitted') return now.getTime() > due;
  if (row.status === 'withdrawn' || !row.decided_at) return false;
  return new Date(row.decided_at).getTime() > due;
}

export function applicationAbilitiesOf(actor: Actor, row: Pick<ApplicationRow, 'status' | 'enterprise_id'>): ApplicationAbility[] {
  if (row.status !== 'submitted') return [];
  if (can(actor, 'policy.review')) return ['approve', 'reject'];
  if (can(actor, 'policy.apply') && actor.enterpriseId === row.enterprise_id) return ['withdraw', 'attach'];
  return [];
}

export function toApplicationView(actor: Actor, row: ApplicationRow, attachments: readonly AttachmentRow[], now: Date): PolicyApplication {
  const form = row.form as PolicyApplication['form'];
  return {
    id: row.id,
    number: row.number,
    policyId: row.policy_id,
    policyTitle: row.policy_title,
    version: row.version,
    enterprise: { uscc: row.uscc, name: row.enterprise_name },
    status: row.status,
    submittedAt: new Date(row.submitted_at).toISOString(),
    reviewDueAt: new Date(row.review_due_at).toISOString(),
    reviewWorkingDays: row.review_working_days,
    overdue: isOverdue(row, now),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decisionNote: row.decision_note,
    rejectionReason: row.rejection_reason,
    amount: row.amount_wan === null ? null : canonicalWan(row.amount_wan),
    grantId: row.grant_id,
    eligibility: row.eligibility as ApplicationEligibility,
    form: {
      // The contact given for this application is for the reviewers; the registry's phone in the snapshot is masked as the registry masks it.
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      statement: form.statement ?? null,
      enterprise: seesContactPhone(actor, row.enterprise_id) ? form.enterprise : { ...form.enterprise, contactPhone: maskPhone(form.enterprise.contactPhone ?? null) },
      estimatedAmount: form.estimatedAmount ?? null,
    },
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.media_type, size: a.size_bytes })),
    abilities: applicationAbilitiesOf(actor, row),
  };
}

/** Views of several rows with their attachments read in one query. */
export async function applicationViews(db: Executor, actor: Actor, rows: readonly ApplicationRow[], now: Date): Promise<PolicyApplication[]> {
  const attachments = await listApplicationAttachments(db, rows.map((r) => r.id));
  return rows.map((row) => toApplicationView(actor, row, attachments.filter((a) => a.application_id === row.id), now));
}
