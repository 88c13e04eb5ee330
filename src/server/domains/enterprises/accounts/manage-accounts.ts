// Enterprise accounts: a claim (credit code + name + legal representative) waits for the office; later accounts are approved or invited by the enterprise's verified 法人 account or the office.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError, conflict, invalid, notFound, forbidden } from '../../../http/errors.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../../../db/transaction.ts';
import { randomToken, sha256 } from '../../../platform/crypto.ts';
import { validateUscc } from '../../../../shared/uscc.ts';
import type {
  AccountRequestView,
  ClaimAccountBody,
  inviteMemberBody,
  listAccountRequestsQuery,
  listMembersQuery,
  MemberKind,
  MemberView,
} from '../../../../shared/schemas/enterprise-relations.ts';
import type { Actor } from '../../auth/actor.ts';
import { hasRole } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { can } from '../../abilities.ts';

type UseCaseDeps = Pick<Deps, 'clock' | 'hasher'> & { db: Executor };

/** Names compared the way people type them: full-width folded, spaces and brackets' width ignored. */
const comparable = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

const maskPhone = (phone: string | null) => (phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone ? '****' : null);

async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (user) return true;
  const pending = await db.selectFrom('enterprise_account_requests').select('id').where('username', '=', username).where('status', '=', 'pending').executeTakeFirst();
  return pending !== undefined;
}

export async function isLegalRepresentativeOf(db: Executor, actor: Actor, enterpriseId: string): Promise<boolean> {
  if (!hasRole(actor, 'enterprise') || actor.enterpriseId !== enterpriseId) return false;
  const member = await db.selectFrom('enterprise_members').select('kind').where('user_id', '=', actor.userId).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  return member?.kind === 'legal_representative';
}

export async function claimAccount(deps: UseCaseDeps, ctx: RequestContext, body: ClaimAccountBody): Promise<{ requestId: string; statusToken: string; status: 'pending' }> {
  const now = deps.clock.now();
  const uscc = validateUscc(body.uscc);
  if (!uscc.ok) throw new AppError('invalid_uscc', `uscc: ${uscc.message}`, [{ path: 'uscc', message: uscc.message }]);
  const enterprise = await deps.db
    .selectFrom('enterprises')
    .select(['id', 'name', sql<string[]>`former_names`.as('former_names'), sql<string | null>`legal_representative`.as('legal_representative')])
    .where('uscc', '=', uscc.code)
    .executeTakeFirst();
  const nameMatches = enterprise && [enterprise.name, ...(enterprise.former_names ?? [])].some((n) => comparable(n) === comparable(body.enterpriseName));
  const representativeMatches = enterprise?.legal_representative && comparable(enterprise.legal_representative) === comparable(body.legalRepresentative);
  // One answer for every mismatch, so the form cannot be used to learn which part of a registration is right.
  if (!enterprise || !nameMatches || !representativeMatches) {
    const message = '与企业登记信息不符 / does not match the registry';
    throw new AppError('validation_failed', `统一社会信用代码、企业名称、法定代表人 ${message}`, [
      { path: 'uscc', message },
      { path: 'enterpriseName', message },
      { path: 'legalRepresentative', message },
    ]);
  }
  const passwordHash = await deps.hasher.hash(body.password);
  const statusToken = randomToken(24);
  try {
    return await inTransaction(deps.db, async (trx) => {
      if (await usernameTaken(trx, body.username)) throw conflict(`用户名 ${body.username} 已被使用 / username already taken`, 'username');
      if (body.kind === 'legal_representative') {
        const existing = await trx.selectFrom('enterprise_members').select('user_id').where('enterprise_id', '=', enterprise.id).where('kind', '=', 'legal_representative').executeTakeFirst();
        if (existing) throw conflict('该企业已有经核验的法人账号，请由其邀请或申请员工账号 / the enterprise already has a verified 法人 account: ask it, or claim a staff account', 'kind');
      }
      const row = await trx
        .insertInto('enterprise_account_requests')
        .values({
          enterprise_id: enterprise.id,
          kind: body.kind,
          username: body.username,
          display_name: body.displayName,
          phone: body.phone ?? null,
          email: body.email ?? null,
          password_hash: passwordHash,
          status_token_hash: sha256(statusToken),
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'enterprise_account.claim', entityType: 'enterprise_account_request', entityId: row.id, before: null, after: { enterpriseId: enterprise.id, kind: body.kind, username: body.username, status: 'pending' } }, now);
      return { requestId: row.id, statusToken, status: 'pending' as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`用户名 ${body.username} 已被使用 / username already taken`, 'username');
    throw error;
  }
}

export async function claimStatus(db: Executor, id: string, token: string) {
  const row = await db
    .selectFrom('enterprise_account_requests as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .select(['r.status', 'r.status_token_hash', 'r.reject_reason', 'r.decided_at', 'e.name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row || row.status_token_hash !== sha256(token)) throw notFound('申请 / request');
  return { status: row.status, enterpriseName: row.name, rejectReason: row.reject_reason, decidedAt: row.decided_at?.toISOString() ?? null };
}

const requestQuery = (db: Executor) =>
  db.selectFrom('enterprise_account_requests as r').innerJoin('enterprises as e', 'e.id', 'r.enterprise_id').selectAll('r').select(['e.name as enterprise_name', 'e.uscc']);
type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

const toRequestView = (r: RequestRow): AccountRequestView => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  uscc: r.uscc,
  kind: r.kind,
  username: r.username,
  displayName: r.display_name,
  phoneMasked: maskPhone(r.phone),
  email: r.email,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  rejectReason: r.reject_reason,
  userId: r.user_id,
});

/** The office sees every request; an enterprise's 法人 account the staff requests of its own enterprise; nobody else any. */
export async function listAccountRequests(db: Executor, actor: Actor, query: z.output<typeof listAccountRequestsQuery>) {
  let q = requestQuery(db);
  if (!can(actor, 'enterprise-account.verify')) {
    if (!actor.enterpriseId || !(await isLegalRepresentativeOf(db, actor, actor.enterpriseId))) throw forbidden('只有法人账号可以审核员工账号 / only the 法人 account approves staff accounts');
    q = q.where('r.enterprise_id', '=', actor.enterpriseId).where('r.kind', '=', 'staff');
  } else if (query.enterpriseId) q = q.where('r.enterprise_id', '=', query.enterpriseId);
  if (query.status) q = q.where('r.status', '=', query.status);
  const rows = await q.select(sql<number>`count(*) over ()::int`.as('total_count')).orderBy('r.created_at', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return { total: rows[0]?.total_count ?? 0, items: rows.map(toRequestView) };
}

/** The request locked, when the caller may decide it: the office any; the 法人 account staff requests of its enterprise; otherwise 404. */
async function decidableRequest(trx: Executor, actor: Actor, id: string): Promise<RequestRow> {
  const row = await requestQuery(trx).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!row) throw notFound('申请 / request');
  if (can(actor, 'enterprise-account.verify')) return row;
  if (row.kind === 'staff' && (await isLegalRepresentativeOf(trx, actor, row.enterprise_id))) return row;
  throw notFound('申请 / request');
}

export async function approveAccountRequest(deps: Pick<Deps, 'clock'> & { db: Executor }, ctx: RequestContext, actor: Actor, id: string): Promise<AccountRequestView> {
  const now = deps.clock.now();
  try {
    return await inTransaction(deps.db, async (trx) => {
      const request = await decidableRequest(trx, actor, id);
      if (request.status !== 'pending') throw conflict('该申请已处理 / the request has already been decided');
      if (request.kind === 'legal_representative') {
        const existing = await trx.selectFrom('enterprise_members').select('user_id').where('enterprise_id', '=', request.enterprise_id).where('kind', '=', 'legal_representative').executeTakeFirst();
        if (existing) throw conflict('该企业已有法人账号 / the enterprise already has a 法人 account', 'kind');
      }
      const existingUser = await trx.selectFrom('users').select('id').where('username', '=', request.username).executeTakeFirst();
      if (existingUser) throw conflict(`用户名 ${request.username} 已被使用 / username already taken`, 'username');
      const user = await trx
        .insertInto('users')
        .values({
          username: request.username,
          display_name: request.display_name,
          password_hash: request.password_hash,
          roles: ['enterprise'],
          enterprise_id: request.enterprise_id,
          org_unit_id: null,
          phone: request.phone,
          email: request.email,
          created_at: now,
          updated_at: now,
          password_changed_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('enterprise_members').values({ user_id: user.id, enterprise_id: request.enterprise_id, kind: request.kind, verified_by: actor.userId, verified_at: now }).execute();
      await trx.updateTable('enterprise_account_requests').set({ status: 'approved', decided_by: actor.userId, decided_at: now, user_id: user.id }).where('id', '=', id).execute();
      const after = toRequestView((await requestQuery(trx).where('r.id', '=', id).executeTakeFirstOrThrow()));
      await recordAudit(trx, ctx, { action: 'enterprise_account.approve', entityType: 'enterprise_account_request', entityId: id, before: { status: 'pending' }, after: { status: 'approved', userId: user.id, enterpriseId: request.enterprise_id, kind: request.kind } }, now);
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_key')) throw conflict('用户名已被使用 / username already taken', 'username');
    throw error;
  }
}

export async function rejectAccountRequest(deps: Pick<Deps, 'clock'> & { db: Executor }, ctx: RequestContext, actor: Actor, id: string, reason: string): Promise<AccountRequestView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const request = await decidableRequest(trx, actor, id);
    if (request.status !== 'pending') throw conflict('该申请已处理 / the request has already been decided');
    await trx.updateTable('enterprise_account_requests').set({ status: 'rejected', decided_by: actor.userId, decided_at: now, reject_reason: reason }).where('id', '=', id).execute();
    const after = toRequestView((await requestQuery(trx).where('r.id', '=', id).executeTakeFirstOrThrow()));
    await recordAudit(trx, ctx, { action: 'enterprise_account.reject', entityType: 'enterprise_account_request', entityId: id, before: { status: 'pending' }, after: { status: 'rejected', reason } }, now);
    return after;
  });
}

/** The enterprise an account action applies to: the office names it, an enterprise user acts only on its own. */
async function targetEnterprise(db: Executor, actor: Actor, requested: string | undefined, requireLegalRepresentative: boolean): Promise<string> {
  if (can(actor, 'enterprise-account.verify')) {
    if (!requested) throw invalid('enterpriseId', '请选择企业 / choose the enterprise');
    const found = await db.selectFrom('enterprises').select('id').where('id', '=', requested).executeTakeFirst();
    if (!found) throw invalid('enterpriseId', '企业不存在 / no such enterprise');
    return requested;
  }
  if (!actor.enterpriseId) throw forbidden();
  // Another enterprise's id is treated as unknown, so it reveals nothing.
  if (requested && requested !== actor.enterpriseId) throw notFound('企业 / enterprise');
  if (requireLegalRepresentative && !(await isLegalRepresentativeOf(db, actor, actor.enterpriseId))) throw forbidden('只有法人账号可以添加员工账号 / only the 法人 account adds staff accounts');
  return actor.enterpriseId;
}

export async function inviteMember(deps: UseCaseDeps, ctx: RequestContext, actor: Actor, body: z.output<typeof inviteMemberBody>): Promise<MemberView> {
  const now = deps.clock.now();
  const enterpriseId = await targetEnterprise(deps.db, actor, body.enterpriseId, true);
  const passwordHash = await deps.hasher.hash(body.password);
  // The office may make the first account the 法人 one; the 法人 account adds staff.
  const hasRepresentative = await deps.db.selectFrom('enterprise_members').select('user_id').where('enterprise_id', '=', enterpriseId).where('kind', '=', 'legal_representative').executeTakeFirst();
  const kind: MemberKind = can(actor, 'enterprise-account.verify') && !hasRepresentative ? 'legal_representative' : 'staff';
  try {
    return await inTransaction(deps.db, async (trx) => {
      if (await usernameTaken(trx, body.username)) throw conflict(`用户名 ${body.username} 已被使用 / username already taken`, 'username');
      const user = await trx
        .insertInto('users')
        .values({ username: body.username, display_name: body.displayName, password_hash: passwordHash, roles: ['enterprise'], enterprise_id: enterpriseId, org_unit_id: null, phone: body.phone ?? null, email: body.email ?? null, created_at: now, updated_at: now, password_changed_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('enterprise_members').values({ user_id: user.id, enterprise_id: enterpriseId, kind, verified_by: actor.userId, verified_at: now }).execute();
      const view: MemberView = { userId: user.id, username: body.username, displayName: body.displayName, enterpriseId, kind, status: 'active', verifiedAt: now.toISOString() };
      await recordAudit(trx, ctx, { action: 'enterprise_account.invite', entityType: 'user', entityId: user.id, before: null, after: view }, now);
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_key')) throw conflict('用户名已被使用 / username already taken', 'username');
    throw error;
  }
}

export async function listMembers(db: Executor, actor: Actor, query: z.output<typeof listMembersQuery>) {
  let q = db
    .selectFrom('users as u')
    .leftJoin('enterprise_members as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.enterprise_id', 'u.status', 'u.created_at', 'm.kind', 'm.verified_at'])
    .where('u.enterprise_id', 'is not', null);
  if (can(actor, 'enterprise-account.verify')) {
    if (query.enterpriseId) q = q.where('u.enterprise_id', '=', query.enterpriseId);
  } else {
    q = q.where('u.enterprise_id', '=', await targetEnterprise(db, actor, query.enterpriseId, false));
  }
  const rows = await q.select(sql<number>`count(*) over ()::int`.as('total_count')).orderBy('u.display_name').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return {
    total: rows[0]?.total_count ?? 0,
    items: rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, enterpriseId: r.enterprise_id!, kind: r.kind ?? 'staff', status: r.status, verifiedAt: (r.verified_at ?? r.created_at).toISOString() })),
  };
}

export async function myEnterpriseAccount(db: Executor, actor: Actor) {
  if (!actor.enterpriseId) throw notFound('企业 / enterprise');
  const row = await db
    .selectFrom('enterprises as e')
    .leftJoin('enterprise_members as m', (join) => join.on('m.user_id', '=', actor.userId).onRef('m.enterprise_id', '=', 'e.id'))
    .select(['e.id', 'e.name', 'e.uscc', 'm.kind'])
    .where('e.id', '=', actor.enterpriseId)
    .executeTakeFirstOrThrow();
  return { enterpriseId: row.id, enterpriseName: row.name, uscc: row.uscc, kind: row.kind };
}
