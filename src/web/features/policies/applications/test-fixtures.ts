// Answers of the faked API for the application component tests: an application form, an application, a policy view.
import type { PolicyView } from '../../../../shared/schemas/policies.ts';
import type { ApplicationForm, PolicyApplication } from './api.ts';

export const policyId = '00000000-0000-4000-8000-0000000000b1';
export const applicationId = '00000000-0000-4000-8000-0000000000c1';

const enterprise = {
  uscc: '91330502MA2B3C4D1U',
  name: '湖州织里童装示范有限公司（演示）',
  divisionCode: '330502',
  divisionName: '吴兴区',
  industryCode: '1811',
  industryName: '运动机织服装制造',
  size: 'small',
  foundedOn: '2015-03-01',
  legalRepresentative: '沈建国',
  contactPhone: '0572-3012345',
  figures: [
    { year: 2025, revenue: '4800', headcount: 120, assets: '9000', taxPaid: '210.5' },
    { year: 2024, revenue: '4100', headcount: 110, assets: null, taxPaid: null },
  ],
};

const benefit = { kind: 'subsidy' as const, amount: { type: 'formula' as const, figure: 'revenue' as const, year: { absolute: 2025 }, ratePercent: '0.5', capWan: '30' } };

export const applicationForm: ApplicationForm = {
  policy: {
    id: policyId,
    title: '吴兴区规上工业企业2025年度营收奖励',
    docNumber: '吴政办发〔2026〕7号',
    version: 1,
    responsibleUnit: '市发展和改革委员会',
    contactPerson: '沈佳',
    contactPhone: '0572-2671234',
    effectiveFrom: '2026-01-01',
    effectiveUntil: '2027-12-31',
    benefit,
    reviewWorkingDays: 10,
  },
  enterprise,
  eligibility: {
    eligible: 'unknown',
    conditions: [
      { id: 'district', label: '注册在吴兴区', result: true, actual: '330502', met: true },
      { id: 'revenue', label: '2025 年主营业务收入 ≥ 2000 万元', result: true, actual: '4800', met: true },
      { id: 'credit', label: '纳税信用 A 级或 B 级', result: 'unknown', actual: null, met: false },
    ],
  },
  estimatedAmount: '24',
  canApply: true,
  refusal: null,
  existingApplicationId: null,
};

export const application: PolicyApplication = {
  id: applicationId,
  number: 'SB2026-000123',
  policyId,
  policyTitle: applicationForm.policy.title,
  version: 1,
  enterprise: { uscc: enterprise.uscc, name: enterprise.name },
  status: 'submitted',
  submittedAt: '2026-11-23T01:00:00Z',
  reviewDueAt: '2026-12-07T01:00:00Z',
  reviewWorkingDays: 10,
  overdue: false,
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  rejectionReason: null,
  amount: null,
  grantId: null,
  eligibility: applicationForm.eligibility,
  form: { contactName: '王芳', contactPhone: '13800001234', statement: '附 2025 年审计报告。', enterprise, estimatedAmount: '24' },
  attachments: [{ id: '00000000-0000-4000-8000-0000000000d1', fileName: '2025年审计报告.pdf', contentType: 'application/pdf', size: 204800 }],
  abilities: [],
};

export const policyView: PolicyView = {
  id: policyId,
  title: applicationForm.policy.title,
  documentNumber: '吴政办发〔2026〕7号',
  issuingDepartment: '湖州市吴兴区人民政府办公室',
  responsibleUnitId: null,
  responsibleUnitName: null,
  contactName: '沈佳',
  contactPhone: '0572-2671234',
  effectiveFrom: '2026-01-01',
  effectiveUntil: '2027-12-31',
  summary: '按营业收入的 0.5% 给予奖励，最高 30 万元。',
  interpretation: [],
  clauses: [{ id: '第五条', text: '按营业收入的 0.5% 给予奖励，单个企业最高 30 万元。' }],
  benefit,
  mode: 'application',
  budget: '500',
  rule: { type: 'all', items: [] } as never,
  status: 'published',
  currentVersion: 1,
  currentHash: 'ab'.repeat(32),
  draftDiffers: false,
  createdAt: '2026-11-01T01:00:00Z',
  updatedAt: '2026-11-01T01:00:00Z',
  withdrawal: null,
  abilities: [],
};

export const notFound = { status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } };
