// The rules the loop runs by: the category tree, stage durations per category and urgency, and the dispatch catalogue (派单目录).
import type { Executor } from '../../db/transaction.ts';
import type { CategoryView } from '../../../shared/schemas/appeals.ts';

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
export async function findCategory(db: Executor, codeOrName: string) {
  return db
    .selectFrom('appeal_categories')
    .select(['id', 'code', 'name'])
    .where((eb) => eb.or([eb('code', '=', codeOrName), eb('name', '=', codeOrName)]))
    .where('active', '=', true)
    .executeTakeFirst();
}

/** The durations for a category and urgency: the category's own rule if there is one, else the default rule. */
export async function stageDurations(db: Executor, categoryId: string | null, urgency: 'normal' | 'urgent'): Promise<StageDurations> {
  const rows = await db
    .selectFrom('clock_rules')
    .selectAll()
    .where('urgency', '=', urgency)
    .where((eb) => (categoryId ? eb.or([eb('category_id', 'is', null), eb('category_id', '=', categoryId)]) : eb('category_id', 'is', null)))
    .execute();
  const rule = rows.find((r) => r.category_id !== null) ?? rows.find((r) => r.category_id === null);
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
export async function suggestDepartment(db: Executor, categoryId: string | null, divisionCode: string | null): Promise<string | null> {
  if (!categoryId) return null;
  const rules = await db.selectFrom('routing_rules').select(['division_code', 'department_id']).where('category_id', '=', categoryId).execute();
  let best: { length: number; departmentId: string } | null = null;
  for (const rule of rules) {
    const prefix = rule.division_code === '' ? '' : divisionPrefix(rule.division_code);
    if (prefix !== '' && !(divisionCode ?? '').startsWith(prefix)) continue;
    if (!best || prefix.length > best.length) best = { length: prefix.length, departmentId: rule.department_id };
  }
  return best?.departmentId ?? null;
}
