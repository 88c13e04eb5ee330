// Demo 包联 data: the demo leader assigned to both demo enterprises and a project (one visit logged, one overdue), the demo enterprise users as their 法人 accounts, one green card.
import { createHash } from 'node:crypto';
import type { Deps } from '../../../deps.ts';
import { systemContext } from '../../../http/context.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { newCardNumber } from '../green-card/card-number.ts';
import { addMonths, shanghaiDate } from './visit-plan.ts';

/** The demo card's number is the same in every demo database, so guides can quote it. */
const demoCardRandom = (size: number) => createHash('sha256').update('qinqing-demo-green-card').digest().subarray(0, size);
export const demoGreenCardNumber = newCardNumber(demoCardRandom);

export async function seedDemoRelations(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const ctx = systemContext('seed-demo');
  await inTransaction(deps.db, async (trx) => {
    const users = await trx.selectFrom('users').select(['id', 'username', 'enterprise_id']).where('username', 'in', ['leader', 'dispatcher', 'enterprise', 'enterprise2']).execute();
    const user = (name: string) => users.find((u) => u.username === name);
    const leader = user('leader');
    const dispatcher = user('dispatcher');
    const first = user('enterprise')?.enterprise_id;
    const second = user('enterprise2')?.enterprise_id;
    if (!leader || !dispatcher || !first || !second) return;

    for (const name of ['enterprise', 'enterprise2']) {
      const member = user(name)!;
      await trx.insertInto('enterprise_members').values({ user_id: member.id, enterprise_id: member.enterprise_id!, kind: 'legal_representative', verified_by: dispatcher.id, verified_at: now }).execute();
    }

    const project = await trx
      .insertInto('projects')
      .values({ name: '织里童装智能制造产业园（二期）', enterprise_id: first, division_code: '330502100', stage: 'under_construction', created_by: dispatcher.id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const since = addMonths(today, -5);
    const firstAssignment = await trx
      .insertInto('relation_assignments')
      .values({ user_id: leader.id, enterprise_id: first, duty: 'leader', valid_from: since, valid_until: addMonths(today, 19), visit_every_months: 3, planned_visits: [], note: '五个一：一名市领导联系', created_by: dispatcher.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The second enterprise's first planned visit has passed without a visit: the page shows it overdue.
    await trx
      .insertInto('relation_assignments')
      .values({ user_id: leader.id, enterprise_id: second, duty: 'leader', valid_from: since, valid_until: null, visit_every_months: null, planned_visits: [addMonths(today, -1), addMonths(today, 2)], created_by: dispatcher.id, created_at: now })
      .execute();
    await trx
      .insertInto('relation_assignments')
      .values({ user_id: leader.id, project_id: project.id, duty: 'leader', valid_from: since, valid_until: addMonths(today, 12), visit_every_months: 2, planned_visits: [], created_by: dispatcher.id, created_at: now })
      .execute();
    await trx
      .insertInto('relation_visits')
      .values({ assignment_id: firstAssignment.id, visited_on: addMonths(today, -2), visitor_id: leader.id, met_with: '企业法定代表人', findings: '订单稳定；反映园区道路夜间照明不足，已当场协调。', created_by: leader.id, created_at: now })
      .execute();

    await trx
      .insertInto('green_cards')
      .values({ number: demoGreenCardNumber, enterprise_id: first, holder_name: '沈织里', holder_title: '董事长', id_card_tail: '0021', valid_from: since, valid_until: addMonths(today, 31), issued_by: dispatcher.id, issued_at: now })
      .execute();
    await recordAudit(trx, ctx, { action: 'demo.seed_relations', entityType: 'relation_assignment', entityId: firstAssignment.id, after: { assignments: 3, visits: 1, greenCards: 1 } }, now);
  });
}
