// The application form of one policy for the caller's enterprise: the version in force, the registry's values, eligibility through the engine, the estimated benefit, and whether (and why not) it may apply — shared by GET application-form and the submission.
import type { Executor } from '../../../db/transaction.ts';
import { canonicalWan } from '../../../../shared/rules/money.ts';
import type { ApplicationEnterprise, ApplicationForm, ApplicationRefusal } from '../../../../shared/schemas/policy-applications.ts';
import { divisionView, industryView } from '../../enterprises/enterprise-view.ts';
import { benefitFen, fenText } from '../benefit-amount.ts';
import { reviewWorkingDaysOf } from '../policy-content.ts';
import { evaluateEnterpriseOn } from '../policy-evaluation.ts';
import { findPolicy, findVersion, unitName, versionsInForce, type VersionRow } from '../policy.repository.ts';
import { loadEnterpriseRecords } from '../registry-engine.ts';
import { openApplicationOf } from './application.repository.ts';

export interface PreparedApplication {
  form: ApplicationForm;
  version: VersionRow;
  enterpriseId: string;
  /** The data the eligibility_check decision records. */
  decision: ReturnType<typeof evaluateEnterpriseOn>;
}

const refusalMessages: Record<ApplicationRefusal, string> = {
  not_application_mode: '该政策不接受申报（免申即享或仅告知）/ this policy does not take applications',
  policy_expired: '政策已过期，不再受理申报 / the policy has expired',
  not_in_force: '政策尚未生效 / the policy is not in force yet',
  already_applied: '贵企业已申报该政策（审核中或已通过）/ your enterprise has applied already',
  not_eligible: '贵企业不符合申报条件 / your enterprise does not meet the conditions',
};

export const refusalMessage = (reason: ApplicationRefusal): string => refusalMessages[reason];

/** The registry's values as the form shows them; the enterprise's own contact phone is not masked for its own users. */
async function enterpriseSnapshot(db: Executor, enterpriseId: string): Promise<ApplicationEnterprise> {
  const [row, figures] = await Promise.all([
    db.selectFrom('enterprises').select(['uscc', 'name', 'division_code', 'industry_code', 'size_class', 'founded_on', 'legal_representative', 'contact_phone']).where('id', '=', enterpriseId).executeTakeFirstOrThrow(),
    db.selectFrom('enterprise_figures').select(['year', 'headcount', 'revenue_wan', 'assets_wan', 'tax_wan']).where('enterprise_id', '=', enterpriseId).orderBy('year', 'desc').execute(),
  ]);
  const wan = (v: string | null) => (v === null ? null : canonicalWan(v));
  return {
    uscc: row.uscc,
    name: row.name,
    divisionCode: row.division_code,
    divisionName: divisionView(row.division_code)?.fullName ?? null,
    industryCode: row.industry_code,
    industryName: industryView(row.industry_code)?.name ?? null,
    size: row.size_class,
    foundedOn: row.founded_on,
    legalRepresentative: row.legal_representative,
    contactPhone: row.contact_phone,
    figures: figures.map((f) => ({ year: f.year, revenue: wan(f.revenue_wan), headcount: f.headcount, assets: wan(f.assets_wan), taxPaid: wan(f.tax_wan) })),
  };
}

/**
 * The form for `enterpriseId` on `today`: the version in force (else the current one, to explain the refusal), the
 * enterprise's eligibility as of today, and the first reason it may not apply.
 */
export async function prepareApplication(db: Executor, policyId: string, enterpriseId: string, today: string): Promise<PreparedApplication> {
  const policy = await findPolicy(db, policyId, { withDrafts: false });
  const [inForce] = await versionsInForce(db, today, policyId);
  const version = inForce ?? (policy.current_version === null ? undefined : await findVersion(db, policyId, policy.current_version));
  if (!version) throw new Error(`published policy ${policyId} has no version`);
  const content = version.content;
  const [records, enterprise, existing, responsibleUnit] = await Promise.all([
    loadEnterpriseRecords(db, [enterpriseId]),
    enterpriseSnapshot(db, enterpriseId),
    openApplicationOf(db, policyId, enterpriseId),
    unitName(db, content.responsibleUnitId),
  ]);
  const record = records[0]!.record;
  const decision = evaluateEnterpriseOn(version, record, today);
  const fen = benefitFen(content.benefit, record, today);
  const refusal: ApplicationRefusal | null =
    content.mode !== 'application'
      ? 'not_application_mode'
      : content.effectiveUntil !== null && content.effectiveUntil < today
        ? 'policy_expired'
        : !inForce
          ? 'not_in_force'
          : existing
            ? 'already_applied'
            : decision.eligible === false
              ? 'not_eligible'
              : null;
  const form: ApplicationForm = {
    policy: {
      id: policyId,
      title: content.title,
      docNumber: content.documentNumber,
      version: version.version,
      responsibleUnit: responsibleUnit ?? content.issuingDepartment,
      contactPerson: content.contactName,
      contactPhone: content.contactPhone,
      effectiveFrom: content.effectiveFrom,
      effectiveUntil: content.effectiveUntil,
      benefit: content.benefit,
      reviewWorkingDays: reviewWorkingDaysOf(content),
    },
    enterprise,
    eligibility: { eligible: decision.eligible, conditions: decision.conditions },
    estimatedAmount: fen === null || fen <= 0n ? null : fenText(fen),
    canApply: refusal === null,
    refusal: refusal === null ? null : { reason: refusal, message: refusalMessages[refusal] },
    existingApplicationId: existing,
  };
  return { form, version, enterpriseId, decision };
}
