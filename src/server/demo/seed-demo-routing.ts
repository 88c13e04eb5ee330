// The demo city's dispatch catalogue (派单目录) and department heads, so that suggestions and escalations have someone to reach.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Category code → city department code; district entries override for 吴兴区 (330502). */
export const demoRouting: Record<string, string> = {
  utilities: 'gdgs',
  finance: 'fgw',
  approval: 'zjj',
  land: 'zgj',
  talent: 'rsj',
  policy: 'czj',
  enforcement: 'scjgj',
  market: 'scjgj',
  tax: 'swj',
  other: 'fgw',
};
export const demoDistrictRouting: Array<{ category: string; divisionCode: string; unitCode: string }> = [
  { category: 'market', divisionCode: '330502', unitCode: 'wuxing-scjgj' },
  { category: 'market', divisionCode: '330503', unitCode: 'nanxun-scjgj' },
];
/** Unit code → the username of its head (负责人), who is told when an appeal of the unit is registered for supervision. */
export const demoHeads: Record<string, string> = { zjj: 'handler-zjj', swj: 'handler-swj', yhb: 'dispatcher' };

export async function seedDemoRouting(trx: Transaction<Database>, now: Date): Promise<void> {
  const units = new Map((await trx.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const categories = new Map((await trx.selectFrom('appeal_categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));
  const rows = [
    ...Object.entries(demoRouting).map(([category, unitCode]) => ({ category, divisionCode: '', unitCode })),
    ...demoDistrictRouting,
  ];
  await trx
    .insertInto('routing_rules')
    .values(rows.map((r) => ({ category_id: categories.get(r.category)!, division_code: r.divisionCode, department_id: units.get(r.unitCode)!, updated_at: now })))
    .execute();
  for (const [unitCode, username] of Object.entries(demoHeads)) {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    await trx.updateTable('org_units').set({ head_user_id: user.id }).where('code', '=', unitCode).execute();
  }
}
