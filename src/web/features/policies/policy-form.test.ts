// Tests of the editor's form ↔ PolicyInput conversion (dates, the flattened benefit, empty optional fields) and of where server faults land in the form.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { policyInputSchema, type PolicyView } from '../../../shared/schemas/policies.ts';
import { emptyPolicyForm, formFieldOf, formValuesOf, policyInputOf } from './policy-form.ts';
import { newRule } from './rule-tree.ts';

const filled = {
  ...emptyPolicyForm,
  title: ' 专精特新企业奖励 ',
  documentNumber: '湖政办发〔2026〕12号',
  issuingDepartment: '湖州市经济和信息化局',
  contactName: '王明',
  contactPhone: '0572-2222222',
  effectiveFrom: dayjs('2026-01-01'),
  summary: '对认定的专精特新中小企业给予奖励。',
  clauses: [{ id: '第三条', text: '申报条件' }],
};

describe('policyInputOf', () => {
  it('gives a body the shared schema accepts, with a fixed amount, no end date and no budget', () => {
    const body = policyInputOf({ ...filled, amountType: 'fixed', fixedWan: ' 100 ' }, newRule('第三条'));
    expect(body).toMatchObject({ title: '专精特新企业奖励', effectiveFrom: '2026-01-01', effectiveUntil: null, budget: null, benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '100' } } });
    expect(policyInputSchema.safeParse(body).success).toBe(true);
  });

  it('builds a formula amount with a relative or absolute year and an optional cap', () => {
    const relative = policyInputOf({ ...filled, amountType: 'formula', formulaFigure: 'revenue', formulaYearKind: 'relative', formulaYear: -1, ratePercent: '1.5', capWan: '50' }, newRule());
    expect(relative.benefit.amount).toEqual({ type: 'formula', figure: 'revenue', year: { relative: -1 }, ratePercent: '1.5', capWan: '50' });
    const absolute = policyInputOf({ ...filled, amountType: 'formula', formulaFigure: 'tax', formulaYearKind: 'absolute', formulaYear: 2025, ratePercent: '10', capWan: '' }, newRule());
    expect(absolute.benefit.amount).toEqual({ type: 'formula', figure: 'tax', year: { absolute: 2025 }, ratePercent: '10', capWan: null });
    expect(policyInputSchema.safeParse(absolute).success).toBe(true);
    expect(policyInputOf({ ...filled, amountType: 'none' }, newRule()).benefit.amount).toBeNull();
  });

  it('round-trips a policy view through the form', () => {
    const body = policyInputOf({ ...filled, amountType: 'formula', formulaFigure: 'assets', formulaYearKind: 'absolute', formulaYear: 2024, ratePercent: '2', capWan: '30', budget: '500', effectiveUntil: dayjs('2027-12-31') }, newRule());
    const view = { ...body, id: '00000000-0000-4000-8000-000000000001', responsibleUnitName: null, status: 'draft', currentVersion: null, currentHash: null, draftDiffers: true, createdAt: '', updatedAt: '', abilities: [] } as unknown as PolicyView;
    expect(policyInputOf(formValuesOf(view), view.rule)).toEqual(body);
  });
});

describe('formFieldOf', () => {
  it('puts server faults on the form field they name, and leaves rule faults to the rule editor', () => {
    expect(formFieldOf('title')).toEqual(['title']);
    expect(formFieldOf('benefit.amount.wan')).toEqual(['fixedWan']);
    expect(formFieldOf('benefit.amount.ratePercent')).toEqual(['ratePercent']);
    expect(formFieldOf('benefit.kind')).toEqual(['benefitKind']);
    expect(formFieldOf('clauses.2.text')).toEqual(['clauses', 2, 'text']);
    expect(formFieldOf('budget')).toEqual(['budget']);
    expect(formFieldOf('rule.items.0.test')).toBeNull();
    expect(formFieldOf('somethingElse')).toBeNull();
  });
});

describe('reviewWorkingDays', () => {
  it('is 10 in a new application-mode policy and sent only for application mode', () => {
    expect(emptyPolicyForm.reviewWorkingDays).toBe(10);
    expect(policyInputOf({ ...filled, mode: 'application', reviewWorkingDays: 15 }, newRule())).toMatchObject({ mode: 'application', reviewWorkingDays: 15 });
    expect(policyInputOf({ ...filled, mode: 'automatic', reviewWorkingDays: 15 }, newRule())).not.toHaveProperty('reviewWorkingDays');
  });

  it('stays unset for a saved policy without it (its content hash does not change) and round-trips when set', () => {
    const body = policyInputOf({ ...filled, reviewWorkingDays: undefined }, newRule());
    expect(body).not.toHaveProperty('reviewWorkingDays');
    const view = { ...body, reviewWorkingDays: 20, id: '00000000-0000-4000-8000-000000000001', responsibleUnitName: null, status: 'draft', currentVersion: null, currentHash: null, draftDiffers: true, createdAt: '', updatedAt: '', abilities: [] } as unknown as PolicyView;
    expect(formValuesOf(view).reviewWorkingDays).toBe(20);
    expect(policyInputOf(formValuesOf(view), view.rule)).toEqual({ ...body, reviewWorkingDays: 20 });
    expect(formValuesOf({ ...view, reviewWorkingDays: undefined } as unknown as PolicyView).reviewWorkingDays).toBeUndefined();
  });

  it('puts a server fault on the field', () => {
    expect(formFieldOf('reviewWorkingDays')).toEqual(['reviewWorkingDays']);
  });
});
