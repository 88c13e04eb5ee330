// One enterprise as a caller sees it: names of its division and industry, every year's figures, tags with history, size with its basis, contacts masked unless the caller needs them.
import type { Selectable } from 'kysely';
import type { EnterprisesTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { EnterpriseView } from '../../../shared/schemas/enterprises.ts';
import { can } from '../abilities.ts';
import type { Actor } from '../auth/actor.ts';
import { maskPhone } from '../appeals/appeal-view.ts';
import { mayEditContact, seesContactPhoneOn } from './enterprise.access.ts';
import { sizeFromFigures } from './figures.ts';
import { findDivision } from './reference/divisions.ts';
import { findIndustry } from './reference/industries.ts';
import { listTags } from './tags.ts';

export type EnterpriseRow = Selectable<EnterprisesTable>;

/** 张三 → 张*, 欧阳娜娜 → 欧***: enough to recognise, not enough to collect. */
export const maskPersonName = (name: string | null): string | null => {
  if (!name) return name;
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

export function divisionView(code: string | null): EnterpriseView['division'] {
  const division = code ? findDivision(code) : null;
  return division ? { code: division.code, name: division.name, fullName: division.fullName, level: division.level, parents: division.parents } : null;
}

export function industryView(code: string | null): EnterpriseView['industry'] {
  const industry = code ? findIndustry(code) : null;
  return industry ? { code: industry.code, name: industry.name, section: industry.section, sectionName: industry.sectionName, path: industry.path } : null;
}

export function enterpriseAbilitiesOf(actor: Actor, enterpriseId: string): EnterpriseView['abilities'] {
  const abilities: EnterpriseView['abilities'] = [];
  if (can(actor, 'enterprise.update')) abilities.push('update');
  if (mayEditContact(actor, enterpriseId)) abilities.push('update-contact');
  if (can(actor, 'enterprise.figures')) abilities.push('figures');
  if (can(actor, 'enterprise.tag')) abilities.push('tag');
  return abilities;
}

/** Does not check visibility: callers find the row through the caller's scope first. */
export async function loadEnterpriseView(db: Executor, actor: Actor, row: EnterpriseRow, today: string): Promise<EnterpriseView> {
  const [figures, tags, fullPhone] = await Promise.all([
    db
      .selectFrom('enterprise_figures')
      .select(['year', 'headcount', 'revenue_wan', 'assets_wan', 'tax_wan', 'source', 'updated_at'])
      .where('enterprise_id', '=', row.id)
      .orderBy('year', 'desc')
      .execute(),
    listTags(db, row.id, today),
    seesContactPhoneOn(db, actor, row.id, today),
  ]);
  const size = sizeFromFigures(row.industry_code, figures);
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    formerNames: row.former_names,
    legalRepresentative: row.legal_representative,
    registeredAddress: row.registered_address,
    divisionCode: row.division_code,
    division: divisionView(row.division_code),
    industryCode: row.industry_code,
    industry: industryView(row.industry_code),
    foundedOn: row.founded_on,
    registeredCapital: row.registered_capital_wan,
    taxpayerType: row.taxpayer_type,
    creditRating: row.credit_rating,
    status: row.status,
    contact: {
      name: row.contact_name,
      phone: fullPhone ? row.contact_phone : maskPhone(row.contact_phone),
      email: row.contact_email,
      phoneMasked: !fullPhone && row.contact_phone !== null,
    },
    figures: figures.map((f) => ({
      year: f.year,
      headcount: f.headcount,
      revenue: f.revenue_wan,
      assets: f.assets_wan,
      tax: f.tax_wan,
      source: f.source,
      updatedAt: new Date(f.updated_at).toISOString(),
    })),
    tags,
    size: size?.size ?? null,
    sizeYear: size?.year ?? null,
    sizeSector: size?.sector ?? null,
    sizeBasis: size ? size.basis : null,
    sizeBasisTranslations: size ? { 'zh-CN': size.basis, 'zh-TW': size.basisTw, en: size.basisEn } : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    abilities: enterpriseAbilitiesOf(actor, row.id),
  };
}
