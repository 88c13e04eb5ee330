// A policy's content as it is versioned: the row's fields in canonical form (ids, status and timestamps left out), its canonical JSON and SHA-256 content hash, and the row ↔ view mapping.
import type { Selectable } from 'kysely';
import type { PoliciesTable } from '../../db/schema.ts';
import { canonicalJson, sha256 } from '../../platform/crypto.ts';
import { canonicalWan } from '../../../shared/rules/money.ts';
import type { Rule } from '../../../shared/rules/rule-language.ts';
import type { Benefit, PolicyInput, PolicyListItem, PolicyMode } from '../../../shared/schemas/policies.ts';

export type PolicyRow = Selectable<PoliciesTable>;

/** Everything a version fixes: PolicyInput with optional fields made explicit and amounts in canonical decimal text. */
export interface PolicyContent {
  title: string;
  documentNumber: string;
  issuingDepartment: string;
  responsibleUnitId: string | null;
  contactName: string;
  contactPhone: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  summary: string;
  interpretation: { heading: string; body: string }[];
  clauses: { id: string; text: string }[];
  benefit: Benefit;
  mode: PolicyMode;
  budget: string | null;
  rule: Rule;
  /** Application review deadline in working days; present only when set, so contents written before it keep their hash. */
  reviewWorkingDays?: number;
}

/** The review deadline of applications when a policy does not set one. */
export const DEFAULT_REVIEW_WORKING_DAYS = 10;

export const reviewWorkingDaysOf = (content: Pick<PolicyContent, 'reviewWorkingDays'>): number => content.reviewWorkingDays ?? DEFAULT_REVIEW_WORKING_DAYS;

const reviewDaysField = (days: number | null | undefined): Pick<PolicyContent, 'reviewWorkingDays'> => (days == null ? {} : { reviewWorkingDays: days });

const wanText = (value: string | null | undefined): string | null => (value == null ? null : (canonicalWan(value) ?? value));

export function canonicalBenefit(benefit: Benefit): Benefit {
  const amount = benefit.amount;
  if (amount === null) return { kind: benefit.kind, amount: null };
  if (amount.type === 'fixed') return { kind: benefit.kind, amount: { type: 'fixed', wan: wanText(amount.wan)! } };
  return { kind: benefit.kind, amount: { type: 'formula', figure: amount.figure, year: amount.year, ratePercent: wanText(amount.ratePercent)!, capWan: wanText(amount.capWan) } };
}

export function contentOfInput(input: PolicyInput): PolicyContent {
  return {
    title: input.title,
    documentNumber: input.documentNumber,
    issuingDepartment: input.issuingDepartment,
    responsibleUnitId: input.responsibleUnitId ?? null,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    effectiveFrom: input.effectiveFrom,
    effectiveUntil: input.effectiveUntil ?? null,
    summary: input.summary,
    interpretation: input.interpretation,
    clauses: input.clauses,
    benefit: canonicalBenefit(input.benefit),
    mode: input.mode,
    budget: wanText(input.budget),
    rule: input.rule,
    ...reviewDaysField(input.reviewWorkingDays),
  };
}

export function contentOfRow(row: PolicyRow): PolicyContent {
  return {
    title: row.title,
    documentNumber: row.document_number,
    issuingDepartment: row.issuing_department,
    responsibleUnitId: row.responsible_unit_id,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    summary: row.summary,
    interpretation: row.interpretation as PolicyContent['interpretation'],
    clauses: row.clauses as PolicyContent['clauses'],
    benefit: canonicalBenefit(row.benefit as Benefit),
    mode: row.mode,
    budget: wanText(row.budget_wan),
    rule: row.rule as Rule,
    ...reviewDaysField(row.review_working_days),
  };
}

/** The row's columns for a content (insert or update). */
export function rowValuesOf(content: PolicyContent) {
  return {
    title: content.title,
    document_number: content.documentNumber,
    issuing_department: content.issuingDepartment,
    responsible_unit_id: content.responsibleUnitId,
    contact_name: content.contactName,
    contact_phone: content.contactPhone,
    effective_from: content.effectiveFrom,
    effective_until: content.effectiveUntil,
    summary: content.summary,
    interpretation: JSON.stringify(content.interpretation),
    clauses: JSON.stringify(content.clauses),
    benefit: JSON.stringify(content.benefit),
    mode: content.mode,
    budget_wan: content.budget,
    rule: JSON.stringify(content.rule),
    review_working_days: content.reviewWorkingDays ?? null,
  };
}

/** SHA-256 (hex) of the canonical JSON (keys sorted, no spaces) of the content. */
export const contentHash = (content: PolicyContent): string => sha256(canonicalJson(content));

export function listItemOf(row: PolicyRow): PolicyListItem {
  return {
    id: row.id,
    title: row.title,
    documentNumber: row.document_number,
    issuingDepartment: row.issuing_department,
    mode: row.mode,
    status: row.status,
    currentVersion: row.current_version,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
  };
}
