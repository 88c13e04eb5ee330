// What the synthetic generator reads from the database once: units, townships, departments with their pace, categories, clock rules, the dispatch catalogue, staff.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { clockCalendar, type ClockCalendar } from '../clock-math.ts';
import { divisionPrefix } from '../appeal-rules.repository.ts';
import type { Department, StageDurations } from './lifecycle.ts';
import { hashString, weighted, type Rng } from './prng.ts';
import type { Township } from './synthetic-enterprises.ts';
import { categoryCodes, type CategoryCode } from './texts.ts';

/** Lead departments per category, by unit code with weights; `district:` codes mean the department of the appeal's district. */
const leadDepartments: Record<CategoryCode, Array<[string, number]>> = {
  utilities: [['gdgs', 45], ['swjt', 30], ['rqgs', 20], ['zjj', 5]],
  finance: [['jxj', 40], ['czj', 30], ['fgw', 30]],
  approval: [['zjj', 30], ['scjgj', 12], ['zgj', 12], ['sthjj', 12], ['fgw', 10], ['sjj', 4], ['district:zjj', 14], ['district:scjgj', 6]],
  land: [['zgj', 70], ['zjj', 15], ['fgw', 15]],
  talent: [['rsj', 85], ['jxj', 15]],
  policy: [['jxj', 40], ['fgw', 25], ['czj', 25], ['rsj', 10]],
  enforcement: [['scjgj', 35], ['sthjj', 25], ['zjj', 15], ['district:scjgj', 15], ['district:zjj', 10]],
  market: [['scjgj', 60], ['district:scjgj', 30], ['fgw', 10]],
  tax: [['swj', 100]],
  other: [['zjj', 30], ['jxj', 20], ['fgw', 20], ['district:zjj', 15], ['sthjj', 15]],
};

type SyntheticDepartment = Department & { code: string; districtCode: string | null };

export interface SyntheticContext {
  db: Kysely<Database>;
  now: Date;
  cal: ClockCalendar;
  categories: Map<CategoryCode, string>;
  durations: (categoryId: string, urgency: 'normal' | 'urgent') => StageDurations;
  townships: Township[];
  departments: Map<string, SyntheticDepartment>;
  departmentsById: Map<string, SyntheticDepartment>;
  /** Departments that handle appeals (not those of dispatchers and supervisors): the fallback for unknown unit codes. */
  handling: SyntheticDepartment[];
  routing: Array<{ categoryId: string; divisionCode: string; departmentId: string }>;
  dispatcher: { id: string | null; unitId: string | null };
  followup: { id: string | null; unitId: string | null };
}

export async function loadSyntheticContext(db: Kysely<Database>, now: Date): Promise<SyntheticContext> {
  const [units, categoryRows, rules, routing, users, calendar] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'parent_id', 'kind', 'name', 'code', 'division_code']).where('active', '=', true).orderBy('sort_order').orderBy('code').execute(),
    db.selectFrom('appeal_categories').select(['id', 'code']).execute(),
    db.selectFrom('clock_rules').selectAll().execute(),
    db.selectFrom('routing_rules').select(['category_id', 'division_code', 'department_id']).execute(),
    db.selectFrom('users').select(['id', 'username', 'roles', 'org_unit_id']).where('status', '=', 'active').orderBy('username').execute(),
    getCalendar(db),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const root = units.find((u) => u.parent_id === null && u.kind === 'city') ?? units.find((u) => u.parent_id === null);
  const townships: Township[] = units
    .filter((u) => u.kind === 'township' && u.division_code)
    .map((u) => ({ unitId: u.id, name: u.name, divisionCode: u.division_code!, districtUnitId: u.parent_id && unitById.get(u.parent_id)?.kind === 'district' ? u.parent_id : null }));
  if (!root || townships.length === 0) throw new Error('no city and townships: load the demo city (qinqing seed --demo) or an organisation tree first');

  const handlerOf = (unitId: string) => users.find((u) => u.roles.includes('handler') && u.org_unit_id === unitId)?.id ?? null;
  const departments = new Map<string, SyntheticDepartment>();
  for (const u of units) {
    if (u.kind !== 'department' || !u.parent_id) continue;
    const parent = unitById.get(u.parent_id);
    if (!parent || (parent.kind !== 'city' && parent.kind !== 'district')) continue;
    // A department's pace: some are quicker than the rule, some slower, so KPIs differ between departments.
    const pace = 0.7 + (hashString(u.code) % 80) / 100;
    departments.set(u.code, { id: u.id, name: u.name, code: u.code, handlerId: handlerOf(u.id), pace, districtCode: parent.kind === 'district' ? parent.division_code : null });
  }
  const categories = new Map(categoryRows.filter((c) => (categoryCodes as readonly string[]).includes(c.code)).map((c) => [c.code as CategoryCode, c.id]));
  const missing = categoryCodes.filter((c) => !categories.has(c));
  if (missing.length) throw new Error(`appeal categories missing: ${missing.join(', ')}`);
  const overseeing = new Set(users.filter((u) => u.roles.some((r) => r === 'dispatcher' || r === 'supervisor' || r === 'followup')).map((u) => u.org_unit_id));
  const durations = (categoryId: string, urgency: 'normal' | 'urgent'): StageDurations => {
    const rule = rules.find((r) => r.category_id === categoryId && r.urgency === urgency) ?? rules.find((r) => r.category_id === null && r.urgency === urgency);
    if (!rule) throw new Error(`no clock rule for urgency ${urgency}`);
    return { accept: Number(rule.accept_days), sign: Number(rule.sign_days), reply: Number(rule.reply_days), followUp: Number(rule.follow_up_days) };
  };
  const staff = (role: string) => {
    const inRoot = users.find((u) => u.roles.includes(role) && u.org_unit_id && unitById.get(u.org_unit_id)?.parent_id === root.id);
    const user = inRoot ?? users.find((u) => u.roles.includes(role));
    return { id: user?.id ?? null, unitId: user?.org_unit_id ?? null };
  };
  return {
    db,
    now,
    cal: memoised(clockCalendar(calendar), now),
    categories,
    durations,
    townships,
    departments,
    departmentsById: new Map([...departments.values()].map((d) => [d.id, d])),
    handling: [...departments.values()].filter((d) => d.districtCode === null && !overseeing.has(d.id)),
    routing: routing.map((r) => ({ categoryId: r.category_id, divisionCode: r.division_code, departmentId: r.department_id })),
    dispatcher: staff('dispatcher'),
    followup: staff('followup'),
  };
}

/** The same answers as `cal`, remembered per day: a million simulated appeals ask about the same few thousand days. */
function memoised(cal: ClockCalendar, now: Date): ClockCalendar {
  const first = Math.floor(now.getTime() / 86_400_000) - 11 * 366;
  const known = new Int8Array(12 * 366 + 400);
  return {
    isWorkingDay(day: number) {
      const i = day - first;
      if (i < 0 || i >= known.length) return cal.isWorkingDay(day);
      if (known[i] === 0) known[i] = cal.isWorkingDay(day) ? 1 : 2;
      return known[i] === 1;
    },
    get provisionalUsed() {
      return cal.provisionalUsed;
    },
  };
}

/** The dispatch catalogue's suggestion, as `suggestDepartment` computes it. */
export function suggested(ctx: SyntheticContext, categoryId: string, divisionCode: string): string | null {
  let best: { length: number; id: string } | null = null;
  for (const rule of ctx.routing) {
    if (rule.categoryId !== categoryId) continue;
    const prefix = rule.divisionCode === '' ? '' : divisionPrefix(rule.divisionCode);
    if (prefix !== '' && !divisionCode.startsWith(prefix)) continue;
    if (!best || prefix.length > best.length) best = { length: prefix.length, id: rule.departmentId };
  }
  return best?.id ?? null;
}

/** A weighted department picker per (category, district); falls back to any city department when the codes are not the demo city's. */
export function departmentPicker(ctx: SyntheticContext) {
  const cache = new Map<string, (rng: Rng) => Department>();
  return (category: CategoryCode, districtCode: string | null): ((rng: Rng) => Department) => {
    const key = `${category}/${districtCode}`;
    let pick = cache.get(key);
    if (!pick) {
      const options: Array<[Department, number]> = [];
      for (const [code, weight] of leadDepartments[category]) {
        const dept = code.startsWith('district:')
          ? [...ctx.departments.values()].find((d) => d.districtCode === districtCode && d.code.endsWith(`-${code.slice(9)}`))
          : ctx.departments.get(code);
        if (dept) options.push([dept, weight]);
      }
      pick = options.length ? weighted(options) : (rng: Rng) => rng.pick(ctx.handling);
      cache.set(key, pick);
    }
    return pick;
  };
}
