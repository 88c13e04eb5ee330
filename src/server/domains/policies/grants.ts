// 免申即享: grant candidates from the eligible set of the version in force (with the data used), bulk approval in rank order within the budget, exclusion with a reason, one payout per grant, and the payout ledger (兑付台账).
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { canonicalWan } from '../../../shared/rules/money.ts';
import type { ApproveGrantsResult, CreateCandidatesResult, GrantList, LedgerQuery, PayoutLedger } from '../../../shared/schemas/policies.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findDivision } from '../enterprises/reference/divisions.ts';
import { benefitFen, fenText, wanFen } from './benefit-amount.ts';
import type { PolicyDeps } from './manage-policies.ts';
import { decisionConditions, evaluateOverRegistry, explainEnterpriseRow } from './policy-evaluation.ts';
import { enterpriseRefs, findPolicy, versionsInForce, type VersionRow } from './policy.repository.ts';
import { loadEnterpriseRecords } from './registry-engine.ts';

const BATCH = 1000;

async function inForce(db: Executor, policyId: string, asOf: string): Promise<VersionRow> {
  const [version] = await versionsInForce(db, asOf, policyId);
  if (!version) throw new AppError('invalid_transition', `政策在 ${asOf} 未生效 / the policy is not in force on ${asOf}`);
  if (version.content.mode !== 'automatic') throw new AppError('invalid_transition', '只有免申即享政策才能直接兑现 / only automatic (免申即享) policies are granted without application');
  return version;
}

/**
 * Every enterprise eligible on `asOf` under the version in force that has no grant of this policy yet becomes a
 * candidate, ranked after the existing ones by credit code, with the amount of the benefit and the data used.
 */
export async function createCandidates(deps: PolicyDeps, ctx: RequestContext, policyId: string, asOf: string): Promise<CreateCandidatesResult> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    await findPolicy(trx, policyId, { withDrafts: true, forUpdate: true });
    const version = await inForce(trx, policyId, asOf);
    const registry = await evaluateOverRegistry(trx, version.content.rule, asOf);
    const { compiled } = registry;
    const rowOf = new Map<string, number>();
    for (const row of registry.eligible) rowOf.set(registry.engine.store.ids[row], row);
    const granted = new Set((await trx.selectFrom('policy_grants').select('enterprise_id').where('policy_id', '=', policyId).execute()).map((g) => g.enterprise_id));
    const fresh = (await enterpriseRefs(trx, [...rowOf.keys()].filter((id) => !granted.has(id)))).map((r) => r.id);
    let rank = await lastGrantRank(trx, policyId);
    let created = 0;
    let noAmount = 0;
    for (let start = 0; start < fresh.length; start += BATCH) {
      const ids = fresh.slice(start, start + BATCH);
      const records = new Map((await loadEnterpriseRecords(trx, ids)).map((r) => [r.record.id, r.record]));
      const values = [];
      for (const id of ids) {
        const fen = benefitFen(version.content.benefit, records.get(id)!, asOf);
        if (fen === null || fen <= 0n) {
          noAmount++;
          continue;
        }
        const evaluation = explainEnterpriseRow(registry, rowOf.get(id)!);
        values.push({
          policy_id: policyId, version: version.version, content_hash: version.content_hash, enterprise_id: id, as_of: asOf,
          conditions: JSON.stringify(decisionConditions(evaluation, compiled)), amount_wan: fenText(fen), rank: ++rank, created_at: now,
        });
      }
      if (values.length > 0) await trx.insertInto('policy_grants').values(values).execute();
      created += values.length;
    }
    const result = { version: version.version, asOf, created, existing: [...rowOf.keys()].filter((id) => granted.has(id)).length, noAmount };
    await recordAudit(trx, ctx, { action: 'policy.grant.candidates', entityType: 'policy', entityId: policyId, after: result }, now);
    return result;
  });
}

/** The highest rank given in this policy's grants (0 when none): new grants come after it. */
export async function lastGrantRank(db: Executor, policyId: string): Promise<number> {
  return Number((await db.selectFrom('policy_grants').select((eb) => eb.fn.max('rank').as('rank')).where('policy_id', '=', policyId).executeTakeFirst())?.rank ?? 0);
}

/** The budget of the current version (万元 fen) and what approved and paid grants commit of it. */
export async function budgetOf(db: Executor, policyId: string, currentVersion: number | null): Promise<{ budget: bigint | null; committed: bigint }> {
  const version = currentVersion === null ? undefined : await db.selectFrom('policy_versions').select('content').where('policy_id', '=', policyId).where('version', '=', currentVersion).executeTakeFirst();
  const budgetWan = (version?.content as { budget?: string | null } | undefined)?.budget ?? null;
  const { rows } = await sql<{ total: string }>`SELECT coalesce(sum(amount_wan), 0)::text AS total FROM policy_grants WHERE policy_id = ${policyId} AND status IN ('approved', 'paid')`.execute(db);
  return { budget: budgetWan === null ? null : wanFen(budgetWan), committed: wanFen(canonicalWan(rows[0].total)!) };
}

/**
 * Approves candidates in rank order while the budget of the current version allows: the first candidate that does not
 * fit, and every one after it, stays a candidate with the reason — the stated order is never jumped.
 */
export async function approveGrants(deps: PolicyDeps, ctx: RequestContext, actor: Actor, policyId: string, grantIds: string[] | undefined): Promise<ApproveGrantsResult> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const policy = await findPolicy(trx, policyId, { withDrafts: true, forUpdate: true });
    let query = trx
      .selectFrom('policy_grants')
      .innerJoin('enterprises', 'enterprises.id', 'policy_grants.enterprise_id')
      .select(['policy_grants.id', 'policy_grants.status', 'policy_grants.amount_wan', 'enterprises.uscc'])
      .where('policy_grants.policy_id', '=', policyId)
      .orderBy('policy_grants.rank');
    query = grantIds ? query.where('policy_grants.id', 'in', grantIds) : query.where('policy_grants.status', '=', 'candidate');
    const grants = await query.execute();
    if (grantIds) {
      const faults = grantIds.flatMap((id, i) => {
        const grant = grants.find((g) => g.id === id);
        if (!grant) return [{ path: `grantIds.${i}`, message: '不是本政策的兑现记录 / not a grant of this policy' }];
        return grant.status === 'candidate' ? [] : [{ path: `grantIds.${i}`, message: `状态为 ${grant.status}，不能审批 / is ${grant.status}, not a candidate` }];
      });
      if (faults.length > 0) throw new AppError('invalid_transition', `${faults[0].path}: ${faults[0].message}`, faults);
    }
    const { budget, committed: before } = await budgetOf(trx, policyId, policy.current_version);
    let committed = before;
    const approved: string[] = [];
    const refused: ApproveGrantsResult['refused'] = [];
    for (const grant of grants) {
      const amount = wanFen(canonicalWan(grant.amount_wan)!);
      if (refused.length === 0 && (budget === null || committed + amount <= budget)) {
        approved.push(grant.id);
        committed += amount;
        continue;
      }
      const reason = refused.length === 0
        ? `超出预算：剩余 ${fenText(budget! - committed)} 万元，本笔 ${fenText(amount)} 万元 / beyond the budget: ${fenText(budget! - committed)} left`
        : '预算已在排序靠前的企业处用尽 / the budget ran out at an earlier rank';
      refused.push({ grantId: grant.id, uscc: grant.uscc, amount: fenText(amount), reason });
    }
    if (approved.length > 0) {
      await trx.updateTable('policy_grants').set({ status: 'approved', decided_by: actor.userId, decided_at: now }).where('id', 'in', approved).execute();
    }
    await recordAudit(trx, ctx, { action: 'policy.grant.approve', entityType: 'policy', entityId: policyId, after: { approved: approved.length, refused: refused.length, committed: fenText(committed) } }, now);
    return { approved: approved.length, refused, committed: fenText(committed), remaining: budget === null ? null : fenText(budget - committed) };
  });
}

async function lockGrant(trx: Executor, policyId: string, grantId: string) {
  const grant = await trx.selectFrom('policy_grants').selectAll().where('id', '=', grantId).where('policy_id', '=', policyId).forUpdate().executeTakeFirst();
  if (!grant) throw notFound('兑现记录 / grant');
  return grant;
}

export async function excludeGrant(deps: PolicyDeps, ctx: RequestContext, actor: Actor, policyId: string, grantId: string, reason: string): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const grant = await lockGrant(trx, policyId, grantId);
    if (grant.status === 'paid' || grant.status === 'excluded') throw new AppError('invalid_transition', `兑现记录状态为 ${grant.status}，不能排除 / a ${grant.status} grant cannot be excluded`);
    await trx.updateTable('policy_grants').set({ status: 'excluded', exclude_reason: reason, decided_by: actor.userId, decided_at: now }).where('id', '=', grantId).execute();
    await recordAudit(trx, ctx, { action: 'policy.grant.exclude', entityType: 'policy_grant', entityId: grantId, before: { status: grant.status }, after: { status: 'excluded', reason } }, now);
  });
}

/** Records the payout of an approved grant; a second payout of the same grant is refused (409), whatever the route. */
export async function recordPayout(deps: PolicyDeps, ctx: RequestContext, actor: Actor, policyId: string, grantId: string, paidOn: string, reference: string): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const grant = await lockGrant(trx, policyId, grantId);
    if (grant.status === 'paid') throw conflict('该笔已兑付，不能重复兑付 / this grant has been paid already', 'grantId');
    if (grant.status !== 'approved') throw new AppError('invalid_transition', `兑现记录状态为 ${grant.status}，须先审批 / a ${grant.status} grant cannot be paid`);
    const version = await trx.selectFrom('policy_versions').select('content').where('policy_id', '=', policyId).where('version', '=', grant.version).executeTakeFirstOrThrow();
    const enterprise = await trx.selectFrom('enterprises').select('division_code').where('id', '=', grant.enterprise_id).executeTakeFirstOrThrow();
    await trx
      .insertInto('policy_payouts')
      .values({
        grant_id: grantId, policy_id: policyId, enterprise_id: grant.enterprise_id, amount_wan: grant.amount_wan, paid_on: paidOn, reference,
        issuing_department: (version.content as { issuingDepartment: string }).issuingDepartment,
        district_code: enterprise.division_code?.slice(0, 6) ?? null, recorded_by: actor.userId, recorded_at: now,
      })
      .execute();
    await trx.updateTable('policy_grants').set({ status: 'paid' }).where('id', '=', grantId).execute();
    await recordAudit(trx, ctx, { action: 'policy.grant.payout', entityType: 'policy_grant', entityId: grantId, after: { amount: canonicalWan(grant.amount_wan), paidOn, reference } }, now);
  });
}

export async function listGrants(db: Executor, policyId: string, currentVersion: number | null, query: { status?: string; page: number; pageSize: number }): Promise<GrantList> {
  let base = db.selectFrom('policy_grants').where('policy_grants.policy_id', '=', policyId);
  if (query.status) base = base.where('policy_grants.status', '=', query.status as 'candidate');
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    base
      .innerJoin('enterprises', 'enterprises.id', 'policy_grants.enterprise_id')
      .leftJoin('policy_payouts', 'policy_payouts.grant_id', 'policy_grants.id')
      .select(['policy_grants.id', 'policy_grants.rank', 'policy_grants.version', 'policy_grants.as_of', 'policy_grants.amount_wan', 'policy_grants.status', 'policy_grants.exclude_reason', 'policy_grants.decided_at'])
      .select(['enterprises.uscc', 'enterprises.name', 'policy_payouts.paid_on', 'policy_payouts.reference', 'policy_payouts.amount_wan as paid_wan'])
      .orderBy('policy_grants.rank')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const { budget, committed } = await budgetOf(db, policyId, currentVersion);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id, rank: r.rank, uscc: r.uscc, name: r.name, version: r.version, asOf: r.as_of, amount: canonicalWan(r.amount_wan)!, status: r.status,
      excludeReason: r.exclude_reason, decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      payout: r.paid_on ? { paidOn: r.paid_on, reference: r.reference!, amount: canonicalWan(r.paid_wan!)! } : null,
    })),
    budget: budget === null ? null : fenText(budget),
    committed: fenText(committed),
    remaining: budget === null ? null : fenText(budget - committed),
  };
}

/** 兑付台账: payouts by policy, issuing department, district or month (of paid_on), within [from, to]. */
export async function payoutLedger(db: Executor, query: LedgerQuery): Promise<PayoutLedger> {
  const key = {
    policy: sql`pp.policy_id::text`,
    department: sql`pp.issuing_department`,
    district: sql`coalesce(pp.district_code, '')`,
    month: sql`to_char(pp.paid_on, 'YYYY-MM')`,
  }[query.groupBy];
  const { rows } = await sql<{ key: string; title: string | null; count: string; total: string }>`
    SELECT ${key} AS key, min(p.title) AS title, count(*)::text AS count, sum(pp.amount_wan)::text AS total
      FROM policy_payouts pp JOIN policies p ON p.id = pp.policy_id
     WHERE (${query.from ?? null}::date IS NULL OR pp.paid_on >= ${query.from ?? null}::date)
       AND (${query.to ?? null}::date IS NULL OR pp.paid_on <= ${query.to ?? null}::date)
     GROUP BY 1 ORDER BY 1`.execute(db);
  const label = (row: { key: string; title: string | null }) =>
    query.groupBy === 'policy' ? (row.title ?? row.key) : query.groupBy === 'district' ? (row.key ? (findDivision(row.key)?.name ?? row.key) : '未知 / unknown') : row.key;
  let total = 0n;
  let count = 0;
  const groups = rows.map((r) => {
    const fen = wanFen(canonicalWan(r.total)!);
    total += fen;
    count += Number(r.count);
    return { key: r.key, label: label(r), count: Number(r.count), total: fenText(fen) };
  });
  return { groupBy: query.groupBy, groups, count, total: fenText(total) };
}

const csvCell = (value: string | null): string => {
  const text = value ?? '';
  // A leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** 兑付台账 export: one CSV line per payout within [from, to], oldest first, with a UTF-8 BOM for spreadsheet programs. */
export async function payoutLedgerCsv(db: Executor, query: Pick<LedgerQuery, 'from' | 'to'>): Promise<string> {
  const { rows } = await sql<{ paid_on: string; title: string; document_number: string; issuing_department: string; uscc: string; name: string; district_code: string | null; amount: string; reference: string }>`
    SELECT pp.paid_on, p.title, p.document_number, pp.issuing_department, e.uscc, e.name, pp.district_code, pp.amount_wan::text AS amount, pp.reference
      FROM policy_payouts pp JOIN policies p ON p.id = pp.policy_id JOIN enterprises e ON e.id = pp.enterprise_id
     WHERE (${query.from ?? null}::date IS NULL OR pp.paid_on >= ${query.from ?? null}::date)
       AND (${query.to ?? null}::date IS NULL OR pp.paid_on <= ${query.to ?? null}::date)
     ORDER BY pp.paid_on, pp.recorded_at, e.uscc`.execute(db);
  const header = ['兑付日期', '政策', '文号', '发文部门', '统一社会信用代码', '企业名称', '区县', '金额（万元）', '凭证号'];
  const lines = rows.map((r) =>
    [r.paid_on, r.title, r.document_number, r.issuing_department, r.uscc, r.name, r.district_code ? (findDivision(r.district_code)?.name ?? r.district_code) : '', canonicalWan(r.amount), r.reference].map(csvCell).join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
