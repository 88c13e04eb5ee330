// The small reference tables intake and actions read on every request (categories, clock rules, dispatch catalogue, regions), cached per database for a few seconds.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rootDatabase, type Executor } from '../../db/transaction.ts';

/** Edits made by another process show up within this time; edits made here show up at once. */
const TTL_MS = 15_000;

export interface AppealReference {
  categories: Array<{ id: string; code: string; name: string; active: boolean }>;
  clockRules: Array<{ category_id: string | null; urgency: 'normal' | 'urgent'; accept_days: string; sign_days: string; reply_days: string; follow_up_days: string }>;
  routing: Array<{ category_id: string; division_code: string; department_id: string }>;
  /** Region units (city/district/township/village) by division code. */
  regions: Map<string, { id: string; kind: string }>;
  rootCityId: string | null;
  departments: Map<string, { name: string; active: boolean }>;
}

const cache = new WeakMap<Kysely<Database>, { at: number; reference: Promise<AppealReference> }>();

async function load(db: Executor): Promise<AppealReference> {
  const [categories, clockRules, routing, units] = await Promise.all([
    db.selectFrom('appeal_categories').select(['id', 'code', 'name', 'active']).execute(),
    db.selectFrom('clock_rules').select(['category_id', 'urgency', 'accept_days', 'sign_days', 'reply_days', 'follow_up_days']).execute(),
    db.selectFrom('routing_rules').select(['category_id', 'division_code', 'department_id']).execute(),
    db.selectFrom('org_units').select(['id', 'kind', 'division_code', 'parent_id', 'name', 'active', 'sort_order']).orderBy('sort_order').execute(),
  ]);
  const regions = new Map<string, { id: string; kind: string }>();
  const departments = new Map<string, { name: string; active: boolean }>();
  let rootCityId: string | null = null;
  for (const unit of units) {
    if (unit.kind === 'department') departments.set(unit.id, { name: unit.name, active: unit.active });
    else if (unit.division_code && unit.active) regions.set(unit.division_code, { id: unit.id, kind: unit.kind });
    if (!rootCityId && unit.kind === 'city' && unit.parent_id === null) rootCityId = unit.id;
  }
  return { categories, clockRules, routing, regions, rootCityId, departments };
}

/** Shared by the pool and its transactions; a miss is loaded through the caller's own connection. */
export function appealReference(db: Executor): Promise<AppealReference> {
  const root = rootDatabase(db);
  const hit = cache.get(root);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.reference;
  const reference = load(db);
  cache.set(root, { at: performance.now(), reference });
  reference.catch(() => cache.delete(root));
  return reference;
}

/** After a local change to categories, rules or the organisation tree. */
export function invalidateAppealReference(db: Executor): void {
  cache.delete(rootDatabase(db));
}
