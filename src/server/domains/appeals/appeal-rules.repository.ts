// The rules the loop runs by, read from the cached reference: categories, stage durations per category and urgency, the dispatch catalogue (派单目录), regions.
import type { Executor } from '../../db/transaction.ts';
import type { CategoryView } from '../../../shared/schemas/appeals.ts';
import type { AppealReference } from './appeal-reference.ts';

export interface StageDurations {
  accept: number;
  sign: number;
  reply: number;
  followUp: number;
}

export async function listCategories(db: Executor): Promise<CategoryView[]> {
  const rows = await db.selectFrom('appeal_categories').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, code: r.code, name: r.name, names: r.names, sortOrder: r.sort_order, active: r.active }));
}

/** A category by its code or its Chinese name (imports and integrations use either). */
export const findCategory = (ref: AppealReference, codeOrName: string) => ref.categories.find((c) => c.active && (c.code === codeOrName || c.name === codeOrName));

/** The durations for a category and urgency: the category's own rule if there is one, else the default rule. */
export function stageDurations(ref: AppealReference, categoryId: string | null, urgency: 'normal' | 'urgent'): StageDurations {
  const rule =
    (categoryId ? ref.clockRules.find((r) => r.urgency === urgency && r.category_id === categoryId) : undefined) ??
    ref.clockRules.find((r) => r.urgency === urgency && r.category_id === null);
  if (!rule) throw new Error(`no clock rule for urgency ${urgency}: the default rules are missing`);
  return { accept: Number(rule.accept_days), sign: Number(rule.sign_days), reply: Number(rule.reply_days), followUp: Number(rule.follow_up_days) };
}

/**
 * The significant prefix of a division code: 330500 (a city) covers 3305…, 330000 (a province) 33…,
 * 330502 (a district) 330502…, township and village codes cover themselves and what lies beneath.
 */
export function divisionPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
  }
  return code;
}

/** The default lead department for a category in a division: the most specific catalogue entry wins. */
export function suggestDepartment(ref: AppealReference, categoryId: string | null, divisionCode: string | null): string | null {
  if (!categoryId) return null;
  let best: { length: number; departmentId: string } | null = null;
  for (const rule of ref.routing) {
    if (rule.category_id !== categoryId) continue;
    const prefix = rule.division_code === '' ? '' : divisionPrefix(rule.division_code);
    if (prefix !== '' && !(divisionCode ?? '').startsWith(prefix)) continue;
    if (!best || prefix.length > best.length) best = { length: prefix.length, departmentId: rule.department_id };
  }
  return best?.departmentId ?? null;
}

/** The region (city/district/township/village unit) an appeal belongs to, from a division code, and its district. */
export function regionFor(ref: AppealReference, divisionCode: string | null): { regionId: string | null; districtId: string | null } {
  let region: { id: string; kind: string } | undefined;
  if (divisionCode) {
    for (const code of [divisionCode, divisionCode.slice(0, 9), divisionCode.slice(0, 6), `${divisionCode.slice(0, 4)}00`]) {
      region = code.length >= 6 ? ref.regions.get(code) : undefined;
      if (region) break;
    }
  }
  const district = divisionCode && divisionCode.length >= 6 ? ref.regions.get(divisionCode.slice(0, 6)) : undefined;
  return { regionId: region?.id ?? ref.rootCityId, districtId: district?.kind === 'district' ? district.id : null };
}
