// Writing policies: create a draft, edit the working copy (a published policy keeps its versions untouched), publish an immutable version identified by its content hash and tell the eligible enterprises once.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PolicyInput, PolicyPatch, PolicyView, PublishResult } from '../../../shared/schemas/policies.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../abilities.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { businessDateOf } from '../calendar/working-days.ts';
import { notify } from '../notifications/notify.ts';
import { compileRule } from './engine/compile.ts';
import { checkRule, decisionConditions, evaluateOverRegistry, explainEnterpriseRow, ruleFaults, verdictOf } from './policy-evaluation.ts';
import { contentHash, contentOfInput, contentOfRow, rowValuesOf, type PolicyContent, type PolicyRow } from './policy-content.ts';
import { findPolicy, findVersion, unitName } from './policy.repository.ts';

export interface PolicyDeps {
  db: Executor;
  clock: Clock;
}

async function checkContent(db: Executor, content: PolicyContent): Promise<void> {
  checkRule(content.rule);
  if (content.effectiveUntil !== null && content.effectiveUntil < content.effectiveFrom) {
    throw invalid('effectiveUntil', '截止日期不能早于生效日期 / effectiveUntil must not be before effectiveFrom');
  }
  if (content.responsibleUnitId !== null && (await unitName(db, content.responsibleUnitId)) === null) {
    throw invalid('responsibleUnitId', '责任单位不存在 / unknown responsible unit');
  }
}

export async function policyView(db: Executor, actor: Actor, row: PolicyRow): Promise<PolicyView> {
  const content = contentOfRow(row);
  const current = row.current_version === null ? null : await findVersion(db, row.id, row.current_version);
  const hash = contentHash(content);
  const abilities = (['policy.edit', 'policy.publish'] as const).filter((a) => can(actor, a));
  return {
    id: row.id,
    ...content,
    reviewWorkingDays: content.reviewWorkingDays ?? null,
    responsibleUnitName: await unitName(db, row.responsible_unit_id),
    status: row.status,
    currentVersion: row.current_version,
    currentHash: current?.content_hash ?? null,
    draftDiffers: current?.content_hash !== hash,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    abilities,
  };
}

export async function createPolicy(deps: PolicyDeps, ctx: RequestContext, actor: Actor, input: PolicyInput): Promise<PolicyView> {
  const content = contentOfInput(input);
  await checkContent(deps.db, content);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await trx
      .insertInto('policies')
      .values({ ...rowValuesOf(content), created_by: actor.userId, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'policy.create', entityType: 'policy', entityId: row.id, after: { title: content.title, hash: contentHash(content) } }, now);
    return policyView(trx, actor, row);
  });
}

export async function updatePolicy(deps: PolicyDeps, ctx: RequestContext, actor: Actor, id: string, patch: PolicyPatch): Promise<PolicyView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await findPolicy(trx, id, { withDrafts: true, forUpdate: true });
    if (row.status === 'withdrawn') throw new AppError('invalid_transition', '政策已撤回，不能修改 / the policy is withdrawn');
    const before = contentOfRow(row);
    const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as PolicyInput;
    const content = contentOfInput(merged);
    await checkContent(trx, content);
    const updated = await trx
      .updateTable('policies')
      .set({ ...rowValuesOf(content), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'policy.update', entityType: 'policy', entityId: id, before: { hash: contentHash(before) }, after: { hash: contentHash(content), fields: Object.keys(patch) } }, now);
    return policyView(trx, actor, updated);
  });
}

/** Decisions and notifications are written in batches of this many enterprises. */
const NOTICE_BATCH = 1000;

export async function publishPolicy(deps: PolicyDeps, ctx: RequestContext, actor: Actor, id: string): Promise<PublishResult> {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  return inTransaction(deps.db, async (trx) => {
    const row = await findPolicy(trx, id, { withDrafts: true, forUpdate: true });
    if (row.status === 'withdrawn') throw new AppError('invalid_transition', '政策已撤回，不能发布 / the policy is withdrawn');
    const content = contentOfRow(row);
    const faults = ruleFaults(content.rule);
    if (faults.length > 0) throw new AppError('invalid_transition', `规则有误，不能发布 / the rule is invalid: ${faults[0].path}: ${faults[0].message}`, faults);
    const hash = contentHash(content);
    const current = row.current_version === null ? null : await findVersion(trx, id, row.current_version);
    if (current?.content_hash === hash) {
      throw new AppError('invalid_transition', `与已发布的第 ${current.version} 版相同，无需再次发布 / identical to published version ${current.version}`, [{ path: 'contentHash', message: hash }]);
    }
    const version = (current?.version ?? 0) + 1;
    await trx
      .insertInto('policy_versions')
      .values({ policy_id: id, version, content_hash: hash, content: JSON.stringify(content), published_at: now, published_by: actor.userId })
      .execute();
    await trx.updateTable('policies').set({ status: 'published', current_version: version, updated_at: now }).where('id', '=', id).execute();
    const notified = await noticeEligible(trx, { id, version, hash, content }, today, now);
    await recordAudit(trx, ctx, { action: 'policy.publish', entityType: 'policy', entityId: id, after: { version, hash, notified } }, now);
    return { version, contentHash: hash, publishedAt: now.toISOString(), notified };
  });
}

/**
 * Tells every enterprise eligible today that was not told about this policy before (publish_notice decisions are unique
 * per policy and enterprise), recording the version and the data used; a policy not yet or no longer in force tells no one.
 */
async function noticeEligible(trx: Executor, policy: { id: string; version: number; hash: string; content: PolicyContent }, today: string, now: Date): Promise<number> {
  const { content } = policy;
  if (content.effectiveFrom > today || (content.effectiveUntil !== null && content.effectiveUntil < today)) return 0;
  const registry = await evaluateOverRegistry(trx, content.rule, today);
  const compiled = compileRule(content.rule, today);
  let told = 0;
  for (let start = 0; start < registry.eligible.length; start += NOTICE_BATCH) {
    const rows = registry.eligible.subarray(start, start + NOTICE_BATCH);
    const decisions = Array.from(rows, (row) => {
      const evaluation = explainEnterpriseRow(registry, row);
      return {
        policy_id: policy.id,
        version: policy.version,
        content_hash: policy.hash,
        enterprise_id: registry.engine.store.ids[row],
        kind: 'publish_notice' as const,
        as_of: today,
        verdict: verdictOf(evaluation.verdict),
        conditions: JSON.stringify(decisionConditions(evaluation, compiled)),
        decided_at: now,
      };
    });
    const inserted = await trx
      .insertInto('policy_decisions')
      .values(decisions)
      .onConflict((oc) => oc.columns(['policy_id', 'enterprise_id']).where(sql<boolean>`kind = 'publish_notice'`).doNothing())
      .returning('enterprise_id')
      .execute();
    if (inserted.length === 0) continue;
    told += inserted.length;
    const { rows: users } = await sql<{ id: string }>`
      SELECT id FROM users WHERE enterprise_id = ANY(${sql.val(inserted.map((r) => r.enterprise_id))}::uuid[]) AND status = 'active' AND 'enterprise' = ANY(roles)`.execute(trx);
    await notify(
      trx,
      {
        userIds: users.map((u) => u.id),
        kind: 'policy.eligible',
        title: `贵企业符合政策“${content.title}”的条件`,
        body: `${content.documentNumber}：${content.summary}`,
        data: { policyId: policy.id, version: policy.version, title: content.title, mode: content.mode },
        link: '/my/policies',
        entityType: 'policy',
        entityId: policy.id,
        dedupeKey: `policy.eligible:${policy.id}`,
      },
      now,
    );
  }
  return told;
}
