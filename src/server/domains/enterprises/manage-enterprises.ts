// Registering and editing enterprises: code, division, industry and dates checked against the reference tables; former names kept; audit last.
import { inTransaction, isUniqueViolation, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import {
  enterpriseContactFields,
  type CreateEnterpriseBody,
  type EnterpriseView,
  type TagInput,
  type UpdateEnterpriseBody,
} from '../../../shared/schemas/enterprises.ts';
import { validateUscc } from '../../../shared/uscc.ts';
import { can } from '../abilities.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { businessDateOf, shanghaiYearOf } from '../calendar/working-days.ts';
import { mayEditContact } from './enterprise.access.ts';
import { insertEnterprise, updateEnterpriseRow } from './enterprise.repository.ts';
import { nameInitials } from './enterprise-search.ts';
import { loadEnterpriseView, type EnterpriseRow } from './enterprise-view.ts';
import { refreshSizeClass, upsertFigures } from './figures.ts';
import { findDivision } from './reference/divisions.ts';
import { normaliseIndustryCode } from './reference/industries.ts';
import { insertTag } from './tags.ts';

export interface EnterpriseDeps {
  db: Executor;
  clock: Clock;
}

const usccProblemText: Record<string, string> = {
  length: '统一社会信用代码应为 18 位 / a credit code has 18 characters',
  character: '含有不允许的字符（不使用 I、O、Z、S、V）/ a character outside the code set (no I, O, Z, S, V)',
  organisation_code_check: '组织机构代码校验位不符 (GB 11714) / the organisation code check digit does not match',
  check_character: '校验码不符 (GB 32100) / the final check character does not match',
};

/** The normalised code, or `invalid_uscc` naming the reason (length, character and its position, which check failed). */
export function checkUscc(input: string): string {
  const result = validateUscc(input);
  if (result.ok) return result.code;
  const own = (result as { message?: string }).message;
  const base = own ?? usccProblemText[result.problem] ?? result.problem;
  const message = result.position && !own ? `${base}（第 ${result.position} 位 / position ${result.position}）` : base;
  throw new AppError('invalid_uscc', `统一社会信用代码无效 / invalid credit code: ${message}`, [{ path: 'uscc', message }]);
}

/** A known 统计用区划代码 at county level or below, or a detail naming `path`. */
export function divisionProblem(code: string, path = 'divisionCode'): ErrorDetail | null {
  const division = /^(\d{6}|\d{9}|\d{12})$/.test(code) ? findDivision(code) : null;
  if (!division) return { path, message: `没有这个统计用区划代码 ${code} / unknown division code` };
  if (division.level === 'province' || division.level === 'city') {
    return { path, message: `区划须到县级或以下（${division.fullName} 是${division.level === 'province' ? '省' : '市'}级）/ the division must be a county or below` };
  }
  return null;
}

/** A known GB/T 4754-2017 class (C3011 or 3011 → 3011), or a detail naming `path`. */
export function industryOrProblem(code: string, path = 'industryCode'): { code: string } | ErrorDetail {
  const normal = normaliseIndustryCode(code);
  return normal ? { code: normal } : { path, message: `没有这个国民经济行业小类 ${code}（GB/T 4754-2017，4 位）/ unknown industry class` };
}

export const foundedOnProblem = (date: string, today: string, path = 'foundedOn'): ErrorDetail | null =>
  date > today ? { path, message: `成立日期不能晚于今天（${today}）/ the founding date is in the future` } : null;

function failIfAny(details: ErrorDetail[]): void {
  if (details.length === 0) return;
  throw new AppError('validation_failed', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}

const tagInputs = (tags: CreateEnterpriseBody['tags']): TagInput[] => (tags ?? []).map((t) => (typeof t === 'string' ? { tag: t } : t));

export async function createEnterprise(deps: EnterpriseDeps, ctx: RequestContext, actor: Actor, body: CreateEnterpriseBody): Promise<EnterpriseView> {
  const at = deps.clock.now();
  const today = businessDateOf(at);
  const uscc = checkUscc(body.uscc);
  const details: ErrorDetail[] = [];
  const division = divisionProblem(body.divisionCode);
  if (division) details.push(division);
  const industry = industryOrProblem(body.industryCode);
  if ('path' in industry) details.push(industry);
  const founded = foundedOnProblem(body.foundedOn, today);
  if (founded) details.push(founded);
  const figuresYear = body.figuresYear ?? shanghaiYearOf(at) - 1;
  if (figuresYear > shanghaiYearOf(at)) details.push({ path: 'figuresYear', message: '不能登记未来年份的数据 / no figures for a future year' });
  failIfAny(details);
  const industryCode = (industry as { code: string }).code;
  const formerNames = [...new Set((body.formerNames ?? []).filter((n) => n !== body.name))];

  return inTransaction(deps.db, async (trx) => {
    const exists = await trx.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst();
    if (exists) throw new AppError('conflict', `该统一社会信用代码已登记 / ${uscc} is already registered`, [{ path: 'uscc', message: '已登记 / already registered' }]);
    let row: EnterpriseRow;
    try {
      row = await insertEnterprise(trx, {
        uscc,
        name: body.name,
        division_code: body.divisionCode,
        former_names: formerNames,
        legal_representative: body.legalRepresentative ?? null,
        registered_address: body.registeredAddress ?? null,
        industry_code: industryCode,
        founded_on: body.foundedOn,
        registered_capital_wan: body.registeredCapital ?? null,
        taxpayer_type: body.taxpayerType ?? null,
        credit_rating: body.creditRating ?? null,
        contact_name: body.contactName ?? null,
        contact_phone: body.contactPhone ?? null,
        contact_email: body.contactEmail ?? null,
        name_initials: nameInitials(body.name, formerNames),
        created_at: at,
        updated_at: at,
        updated_by: actor.userId,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `该统一社会信用代码已登记 / ${uscc} is already registered`, [{ path: 'uscc', message: '已登记 / already registered' }]);
      throw error;
    }
    const figures = { headcount: body.headcount, revenue: body.revenue, assets: body.assets, tax: body.tax };
    if (Object.values(figures).some((v) => v !== undefined)) {
      await upsertFigures(trx, row.id, figuresYear, figures, 'manual', actor.userId, at);
      await refreshSizeClass(trx, row.id);
    }
    for (const [i, tag] of tagInputs(body.tags).entries()) await insertTag(trx, row.id, tag, actor.userId, at, `tags.${i}`);
    const view = await loadEnterpriseView(trx, actor, (await trx.selectFrom('enterprises').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()), today);
    await recordAudit(trx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: row.id, before: null, after: { ...body, uscc, industryCode, figuresYear } }, at);
    return view;
  });
}

const columnOf = {
  name: 'name',
  divisionCode: 'division_code',
  industryCode: 'industry_code',
  foundedOn: 'founded_on',
  legalRepresentative: 'legal_representative',
  registeredAddress: 'registered_address',
  registeredCapital: 'registered_capital_wan',
  taxpayerType: 'taxpayer_type',
  creditRating: 'credit_rating',
  status: 'status',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
} as const satisfies Record<keyof UpdateEnterpriseBody, keyof EnterpriseRow>;

/**
 * Staff with `enterprise.update` change any attribute; an enterprise's own users only its contact fields (anything else
 * answers 403, since they may see the record). A name change moves the old name into former names.
 */
export async function updateEnterprise(deps: EnterpriseDeps, ctx: RequestContext, actor: Actor, current: EnterpriseRow, body: UpdateEnterpriseBody): Promise<EnterpriseView> {
  const at = deps.clock.now();
  const today = businessDateOf(at);
  const given = (Object.keys(body) as (keyof UpdateEnterpriseBody)[]).filter((k) => body[k] !== undefined);
  if (!can(actor, 'enterprise.update')) {
    const notContact = given.filter((k) => !(enterpriseContactFields as readonly string[]).includes(k));
    if (!mayEditContact(actor, current.id) || notContact.length > 0) {
      const error = forbidden('只能修改本企业的联系人信息 / you may change only your enterprise\'s contact details');
      error.details.push(...notContact.map((k) => ({ path: k, message: '无权修改 / not allowed' })));
      throw error;
    }
  }
  const details: ErrorDetail[] = [];
  if (body.divisionCode !== undefined) {
    const problem = divisionProblem(body.divisionCode);
    if (problem) details.push(problem);
  }
  let industryCode: string | undefined;
  if (body.industryCode !== undefined) {
    const industry = industryOrProblem(body.industryCode);
    if ('path' in industry) details.push(industry);
    else industryCode = industry.code;
  }
  if (body.foundedOn !== undefined) {
    const problem = foundedOnProblem(body.foundedOn, today);
    if (problem) details.push(problem);
  }
  failIfAny(details);

  return inTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('enterprises').selectAll().where('id', '=', current.id).forUpdate().executeTakeFirstOrThrow();
    const values: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of given) {
      const column = columnOf[key];
      const value = key === 'industryCode' ? industryCode : body[key];
      if (row[column] === value) continue;
      values[column] = value;
      before[key] = row[column];
      after[key] = value;
    }
    if (values.name !== undefined) {
      const formerNames = [...row.former_names.filter((n) => n !== values.name && n !== row.name), row.name];
      values.former_names = formerNames;
      values.name_initials = nameInitials(values.name as string, formerNames);
      before.formerNames = row.former_names;
      after.formerNames = formerNames;
    }
    if (Object.keys(after).length === 0) return loadEnterpriseView(trx, actor, row, today);
    await updateEnterpriseRow(trx, row.id, { ...values, updated_at: at, updated_by: actor.userId });
    if (values.industry_code !== undefined) await refreshSizeClass(trx, row.id);
    const updated = await trx.selectFrom('enterprises').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    const view = await loadEnterpriseView(trx, actor, updated, today);
    await recordAudit(trx, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: row.id, before, after }, at);
    return view;
  });
}
