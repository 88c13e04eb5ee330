// The plain enterprise record the engine reads, mirroring the registry tables (enterprises, enterprise_figures, enterprise_tags of migration 2026-11-25T0900): money as decimal text in 万元, dates as YYYY-MM-DD.
import type { RuleCreditRating, RuleSizeClass, RuleTag, RuleTaxpayerType } from '../../../../shared/rules/rule-language.ts';

export interface EnterpriseFigureRecord {
  year: number;
  headcount: number | null;
  /** numeric(20,6) as text, e.g. '1500.000000'; null when not reported. */
  revenueWan: string | null;
  assetsWan: string | null;
  taxWan: string | null;
}

export interface EnterpriseTagRecord {
  tag: RuleTag;
  validFrom: string;
  /** null = open-ended. */
  validUntil: string | null;
  /** A revoked tag is never held (docs/ENTERPRISES.md); ISO timestamp or null. */
  revokedAt: string | null;
}

export interface EnterpriseRecord {
  id: string;
  divisionCode: string | null;
  /** 4-digit GB/T 4754-2017 class. */
  industryCode: string | null;
  sizeClass: RuleSizeClass | null;
  foundedOn: string | null;
  registeredCapitalWan: string | null;
  taxpayerType: RuleTaxpayerType | null;
  creditRating: RuleCreditRating | null;
  figures: EnterpriseFigureRecord[];
  tags: EnterpriseTagRecord[];
}

/** Codes the evaluators can read; anything else (the registry's checks make it impossible) is treated as missing. */
export const usableDivisionCode = (code: string | null): string | null => (code != null && /^(\d{6}|\d{9}|\d{12}|\d{2}|\d{4})$/.test(code) ? code : null);
export const usableIndustryCode = (code: string | null): string | null => (code != null && /^\d{4}$/.test(code) ? code : null);

/** The row in SQL terms, for loading the store from the database (column names of the migration). */
export const ENTERPRISE_RECORD_SQL = {
  enterprises: 'SELECT id, division_code, industry_code, size_class, founded_on::text, registered_capital_wan::text, taxpayer_type, credit_rating FROM enterprises',
  figures: 'SELECT enterprise_id, year, headcount, revenue_wan::text, assets_wan::text, tax_wan::text FROM enterprise_figures',
  tags: 'SELECT enterprise_id, tag, valid_from::text, valid_until::text, revoked_at::text FROM enterprise_tags',
} as const;
