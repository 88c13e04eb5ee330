// The policy editor's form values ↔ the API's PolicyInput: dates as dayjs, the benefit flattened into fields, empty optional fields left out.
import dayjs, { type Dayjs } from 'dayjs';
import type { BenefitKind, PolicyInputBody, PolicyMode, PolicyView } from '../../../shared/schemas/policies.ts';
import type { RuleFigure } from '../../../shared/rules/rule-language.ts';

export interface PolicyFormValues {
  title: string;
  documentNumber: string;
  issuingDepartment: string;
  responsibleUnitId?: string | null;
  contactName: string;
  contactPhone: string;
  effectiveFrom?: Dayjs | null;
  effectiveUntil?: Dayjs | null;
  summary: string;
  interpretation: { heading: string; body: string }[];
  clauses: { id: string; text: string }[];
  mode: PolicyMode;
  budget?: string;
  benefitKind: BenefitKind;
  amountType: 'none' | 'fixed' | 'formula';
  fixedWan?: string;
  formulaFigure?: RuleFigure;
  /** -1 (上年) … 0, or an absolute year. */
  formulaYearKind?: 'relative' | 'absolute';
  formulaYear?: number;
  ratePercent?: string;
  capWan?: string;
  /** The review deadline of an application-mode policy in working days (1..60); unset reads as 10 and keeps an existing content hash. */
  reviewWorkingDays?: number | null;
}

export const DEFAULT_REVIEW_WORKING_DAYS = 10;

/** PolicyInput with the contract's optional review deadline (notes/applications-contract.md). */
export type PolicyInputWithReview = PolicyInputBody & { reviewWorkingDays?: number };

export const emptyPolicyForm: PolicyFormValues = {
  title: '',
  documentNumber: '',
  issuingDepartment: '',
  responsibleUnitId: null,
  contactName: '',
  contactPhone: '',
  effectiveFrom: null,
  effectiveUntil: null,
  summary: '',
  interpretation: [],
  clauses: [{ id: '第三条', text: '' }],
  mode: 'application',
  benefitKind: 'subsidy',
  amountType: 'fixed',
  formulaFigure: 'revenue',
  formulaYearKind: 'relative',
  formulaYear: -1,
  reviewWorkingDays: DEFAULT_REVIEW_WORKING_DAYS,
};

export function formValuesOf(view: PolicyView): PolicyFormValues {
  const amount = view.benefit.amount;
  return {
    title: view.title,
    documentNumber: view.documentNumber,
    issuingDepartment: view.issuingDepartment,
    responsibleUnitId: view.responsibleUnitId,
    contactName: view.contactName,
    contactPhone: view.contactPhone,
    effectiveFrom: view.effectiveFrom ? dayjs(view.effectiveFrom) : null,
    effectiveUntil: view.effectiveUntil ? dayjs(view.effectiveUntil) : null,
    summary: view.summary,
    interpretation: view.interpretation,
    clauses: view.clauses,
    mode: view.mode,
    budget: view.budget ?? undefined,
    benefitKind: view.benefit.kind,
    amountType: amount ? amount.type : 'none',
    fixedWan: amount?.type === 'fixed' ? amount.wan : undefined,
    formulaFigure: amount?.type === 'formula' ? amount.figure : 'revenue',
    formulaYearKind: amount?.type === 'formula' && 'absolute' in amount.year ? 'absolute' : 'relative',
    formulaYear: amount?.type === 'formula' ? ('absolute' in amount.year ? amount.year.absolute : amount.year.relative) : -1,
    ratePercent: amount?.type === 'formula' ? amount.ratePercent : undefined,
    capWan: amount?.type === 'formula' ? (amount.capWan ?? undefined) : undefined,
    reviewWorkingDays: (view as PolicyView & { reviewWorkingDays?: number | null }).reviewWorkingDays ?? undefined,
  };
}

const trimmed = (v: string | undefined | null) => (v ?? '').trim();

/** The body of POST /policies (and of PATCH: the whole input each time, so the working copy is what the form shows). */
export function policyInputOf(values: PolicyFormValues, rule: unknown): PolicyInputWithReview {
  const amount: PolicyInputBody['benefit']['amount'] =
    values.amountType === 'fixed'
      ? { type: 'fixed', wan: trimmed(values.fixedWan) }
      : values.amountType === 'formula'
        ? {
            type: 'formula',
            figure: values.formulaFigure ?? 'revenue',
            year: values.formulaYearKind === 'absolute' ? { absolute: values.formulaYear ?? dayjs().year() - 1 } : { relative: values.formulaYear ?? -1 },
            ratePercent: trimmed(values.ratePercent),
            capWan: trimmed(values.capWan) || null,
          }
        : null;
  return {
    title: trimmed(values.title),
    documentNumber: trimmed(values.documentNumber),
    issuingDepartment: trimmed(values.issuingDepartment),
    responsibleUnitId: values.responsibleUnitId || null,
    contactName: trimmed(values.contactName),
    contactPhone: trimmed(values.contactPhone),
    effectiveFrom: values.effectiveFrom ? values.effectiveFrom.format('YYYY-MM-DD') : '',
    effectiveUntil: values.effectiveUntil ? values.effectiveUntil.format('YYYY-MM-DD') : null,
    summary: trimmed(values.summary),
    interpretation: (values.interpretation ?? []).map((i) => ({ heading: trimmed(i?.heading), body: trimmed(i?.body) })),
    clauses: (values.clauses ?? []).map((c) => ({ id: trimmed(c?.id), text: trimmed(c?.text) })),
    benefit: { kind: values.benefitKind, amount },
    mode: values.mode,
    budget: trimmed(values.budget) || null,
    rule: rule as PolicyInputBody['rule'],
    ...(values.mode === 'application' && typeof values.reviewWorkingDays === 'number' ? { reviewWorkingDays: values.reviewWorkingDays } : {}),
  };
}

/**
 * Where a server fault belongs in the form: `benefit.amount.wan` → fixedWan, `clauses.0.text` → ['clauses', 0, 'text'];
 * null for rule faults (the rule editor shows them) and paths the form has no field for.
 */
export function formFieldOf(path: string): (string | number)[] | null {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [head] = parts;
  if (head === 'rule') return null;
  if (head === 'benefit') {
    const last = parts[parts.length - 1];
    if (parts[1] === 'kind') return ['benefitKind'];
    if (last === 'wan') return ['fixedWan'];
    if (last === 'ratePercent') return ['ratePercent'];
    if (last === 'capWan') return ['capWan'];
    if (last === 'figure') return ['formulaFigure'];
    if (parts.includes('year')) return ['formulaYear'];
    return ['amountType'];
  }
  if ((head === 'clauses' || head === 'interpretation') && typeof parts[1] === 'number' && typeof parts[2] === 'string') return [head, parts[1], parts[2]];
  if (typeof head === 'string' && head in emptyPolicyForm) return [head];
  if (head === 'budget' || head === 'responsibleUnitId') return [head];
  return null;
}
