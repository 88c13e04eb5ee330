// "我的包联企业": the caller's running assignments, each enterprise's open appeals (all counted, listed only where the caller's appeal scope reaches) and visits due.
import type { Executor } from '../../../db/transaction.ts';
import type { MyRelationsResponse } from '../../../../shared/schemas/enterprise-relations.ts';
import type { Actor } from '../../auth/actor.ts';
import { appealScopeFor, whereVisible } from '../../appeals/appeal.access.ts';
import { listAssignments } from './relation.repository.ts';

/** Appeals no longer being worked. */
const finishedStatuses = ['closed', 'rejected', 'merged'];
const listedPerEnterprise = 5;

export async function myRelations(db: Executor, actor: Actor, today: string): Promise<MyRelationsResponse> {
  const { items } = await listAssignments(db, { userId: actor.userId }, today, { page: 1, pageSize: 200 });
  const running = items.filter((a) => a.endedAt === null && (a.validUntil === null || a.validUntil >= today));
  const projectIds = running.filter((a) => a.projectId).map((a) => a.projectId!);
  const projectEnterprise = new Map<string, string | null>();
  if (projectIds.length) {
    for (const p of await db.selectFrom('projects').select(['id', 'enterprise_id']).where('id', 'in', projectIds).execute()) projectEnterprise.set(p.id, p.enterprise_id);
  }
  const enterpriseOf = (a: (typeof running)[number]) => a.enterpriseId ?? (a.projectId ? (projectEnterprise.get(a.projectId) ?? null) : null);
  const enterpriseIds = [...new Set(running.map(enterpriseOf).filter((id): id is string => id !== null))];

  const counts = new Map<string, number>();
  const visible = new Map<string, MyRelationsResponse['items'][number]['visibleOpenAppeals']>();
  if (enterpriseIds.length) {
    const countRows = await db
      .selectFrom('appeals')
      .select(['enterprise_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('enterprise_id', 'in', enterpriseIds)
      .where('status', 'not in', finishedStatuses)
      .groupBy('enterprise_id')
      .execute();
    for (const r of countRows) counts.set(r.enterprise_id!, Number(r.n));
    // Listing goes through the appeals' own visibility rules: being assigned to an enterprise does not widen them.
    const scope = await appealScopeFor(db, actor);
    for (const enterpriseId of enterpriseIds) {
      const rows = await whereVisible(
        db.selectFrom('appeals').select(['appeals.id', 'appeals.number', 'appeals.title', 'appeals.status', 'appeals.submitted_at']).where('appeals.enterprise_id', '=', enterpriseId).where('appeals.status', 'not in', finishedStatuses),
        scope,
      )
        .orderBy('appeals.submitted_at', 'desc')
        .limit(listedPerEnterprise)
        .execute();
      visible.set(enterpriseId, rows.map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status, submittedAt: r.submitted_at.toISOString() })));
    }
  }
  const result = running.map((assignment) => {
    const enterpriseId = enterpriseOf(assignment);
    return { assignment, openAppeals: enterpriseId ? (counts.get(enterpriseId) ?? 0) : 0, visibleOpenAppeals: enterpriseId ? (visible.get(enterpriseId) ?? []) : [] };
  });
  // Overdue first, then the soonest visit due, then the rest.
  result.sort((x, y) => Number(y.assignment.visitOverdue) - Number(x.assignment.visitOverdue) || (x.assignment.nextVisitDue ?? '9999').localeCompare(y.assignment.nextVisitDue ?? '9999'));
  return {
    items: result,
    visitsDue: running.filter((a) => a.nextVisitDue !== null).length,
    visitsOverdue: running.filter((a) => a.visitOverdue).length,
  };
}
