// The e-mail outbox drain: claim due rows with SKIP LOCKED under a lease, send, mark sent; failures back off and give up after 8 attempts.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from './mailer.ts';

export const OUTBOX_BATCH = 50;
export const MAX_ATTEMPTS = 8;
/** A claimed row not marked within this time (the worker died mid-send) is due again. */
export const CLAIM_LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;

export interface OutboxDeps {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
}

export interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
  /** The batch was full: more may be due. */
  more: boolean;
}

/** Delay before attempt n+1 after n failures: 1, 2, 4 … minutes, at most six hours. */
export const backoffMs = (attempts: number): number => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);

/**
 * Claims up to `limit` due rows for this worker: the claim moves next_attempt_at a lease ahead, so other workers skip them and a crash
 * between claim and mark only delays them. Committed at once: no transaction stays open while SMTP talks.
 */
export async function claimOutbox(db: Kysely<Database>, now: Date, limit = OUTBOX_BATCH): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const { rows } = await sql<OutboxRow & { attempts: number }>`
    UPDATE notification_outbox o SET next_attempt_at = ${leaseUntil}
      FROM (SELECT id FROM notification_outbox
             WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ${now}
             ORDER BY next_attempt_at, id
             LIMIT ${limit}
             FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
     RETURNING o.id::text AS id, o.recipient, o.subject, o.body, o.attempts`.execute(db);
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

async function markSent(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('notification_outbox').set({ sent_at: at, last_error: null }).where('id', '=', id).where('sent_at', 'is', null).execute();
}

async function markFailedAttempt(db: Kysely<Database>, row: OutboxRow, error: unknown, at: Date): Promise<'retrying' | 'failed'> {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= MAX_ATTEMPTS;
  await db
    .updateTable('notification_outbox')
    .set({
      attempts,
      last_error: String((error as Error)?.message ?? error).slice(0, 1000),
      next_attempt_at: new Date(at.getTime() + backoffMs(attempts)),
      failed_at: giveUp ? at : null,
    })
    .where('id', '=', row.id)
    .execute();
  return giveUp ? 'failed' : 'retrying';
}

export async function pendingOutboxCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('notification_outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One batch. Without a mailer nothing is claimed: the rows wait, untouched, until SMTP is configured. */
export async function drainOutbox(deps: OutboxDeps, mailer: Mailer | null, options: { limit?: number } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0, more: false };
  if (!mailer) return result;
  const limit = options.limit ?? OUTBOX_BATCH;
  const rows = await claimOutbox(deps.db, deps.clock.now(), limit);
  for (const row of rows) {
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
      await markSent(deps.db, row.id, deps.clock.now());
      result.sent++;
    } catch (error) {
      const outcome = await markFailedAttempt(deps.db, row, error, deps.clock.now());
      result[outcome]++;
      deps.log.warn({ err: error, outboxId: row.id, attempts: row.attempts + 1, outcome }, 'e-mail not sent');
    }
  }
  result.more = rows.length === limit;
  return result;
}
