// Log in and out: password check with lockout after repeated failures, a new session, audit events for both outcomes.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUserView } from '../users/user.repository.ts';
import {
  clearLoginFailures,
  insertSession,
  lockedUntil,
  recordLoginFailure,
  revokeSession,
} from './session.repository.ts';

// A real argon2id digest of a random password: unknown users cost the same time as known ones.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$Q2uKeukmeZUAJiiu6IkWeQ$EhkGmle2ggbtRiS84633LcuwMWrAsuqV83B362FZQxM';

const lockedError = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    'rate_limited',
    `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试（至 ${until.toISOString()}） / too many failed attempts; locked until ${until.toISOString()}`,
    [{ path: 'username', message: `locked until ${until.toISOString()}` }],
    { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))) },
  );
};

export async function login(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config'>,
  ctx: RequestContext,
  input: { username: string; password: string },
) {
  const { db, clock, hasher, config } = deps;
  const username = input.username.trim().toLowerCase();
  const now = clock.now();
  const lock = await lockedUntil(db, username, now);
  if (lock) throw lockedError(lock);

  let user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'status', 'is_demo'])
    .where('username', '=', username)
    .executeTakeFirst();
  const passwordOk = await hasher.verify(user?.password_hash ?? DUMMY_HASH, input.password);
  // Demo accounts have a published password: outside demo mode they do not exist.
  if (user?.is_demo && !config.demo) user = undefined;

  if (!user || !passwordOk) {
    const failure = await inTransaction(db, async (trx) => {
      const result = await recordLoginFailure(trx, username, now, config.login.maxFailures, config.login.lockMinutes);
      await recordAudit(trx, ctx, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null, after: { username, failures: result.failures } }, now);
      return result;
    });
    if (failure.locked_until) throw lockedError(failure.locked_until);
    const left = config.login.maxFailures - failure.failures;
    throw new AppError(
      'invalid_credentials',
      `用户名或密码错误，再失败 ${left} 次将锁定 ${config.login.lockMinutes} 分钟 / wrong username or password; ${left} attempts left before a ${config.login.lockMinutes}-minute lock`,
      [{ path: 'password', message: 'wrong username or password' }],
    );
  }
  if (user.status !== 'active') {
    throw new AppError('forbidden', '账号已停用，请联系管理员 / this account is disabled; contact your administrator');
  }

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + config.session.maxAgeHours * 3_600_000);
  await inTransaction(db, async (trx) => {
    await clearLoginFailures(trx, username);
    await insertSession(trx, { id: sha256(token), userId: user.id, now, expiresAt, ip: ctx.ip, userAgent: ctx.userAgent });
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
    await recordAudit(trx, { ...ctx, actor: null }, { action: 'auth.login', entityType: 'user', entityId: user.id, after: { username } }, now);
  });
  const view = await findUserView(db, user.id);
  return { token, expiresAt, user: view! };
}

export async function logout(deps: Pick<Deps, 'db' | 'clock'>, ctx: RequestContext): Promise<void> {
  const sessionId = ctx.actor?.sessionId;
  if (!sessionId) return;
  await inTransaction(deps.db, async (trx) => {
    await revokeSession(trx, sessionId, deps.clock.now());
    await recordAudit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor!.userId });
  });
}
