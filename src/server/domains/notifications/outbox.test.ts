// The e-mail outbox: written with the notification, drained through nodemailer, retried with backoff, given up after 8 attempts, never lost to a crash or sent twice by two workers.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPool, type Db } from '../../db/database.ts';
import { loadConfig } from '../../env.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/database.ts';
import { fixedClock } from '../../platform/clock.ts';
import { silentLogger, type Logger } from '../../platform/logger.ts';
import { appealJobDefinitions } from '../appeals/appeal.jobs.ts';
import { mailerFromTransport, type MailMessage, type Mailer } from './mailer.ts';
import { notify } from './notify.ts';
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, claimOutbox, drainOutbox } from './outbox.ts';

const clock = fixedClock('2026-09-14T10:00:00+08:00');
let database: TestDatabase;
const users: Record<string, string> = {};
const deps = () => ({ db: database.db, clock, log: silentLogger });

beforeAll(async () => {
  database = await createTestDatabase();
  for (const u of ['handler-zjj', 'dispatcher', 'followup']) users[u] = (await database.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  await database.db.updateTable('users').set({ email: 'zjj@example.gov.cn' }).where('username', '=', 'handler-zjj').execute();
  await database.db.updateTable('users').set({ email: 'yhb@example.gov.cn' }).where('username', '=', 'dispatcher').execute();
});
afterAll(async () => database?.close());

beforeEach(async () => {
  await database.db.deleteFrom('notification_outbox').execute();
});

const outbox = () => database.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();

async function notifyAll(title: string): Promise<void> {
  await notify(database.db, { userIds: [users['handler-zjj']!, users.dispatcher!, users.followup!], kind: 'test.mail', title, body: `${title}：请登录亲清平台查看。` }, clock.now());
}

/** A mailer that records what it sends and fails for the addresses it is told to. */
function recordingMailer(failFor: Set<string> = new Set()): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    close: () => {},
    send: async (message) => {
      if (failFor.has(message.to)) throw new Error(`550 mailbox unavailable: ${message.to}`);
      sent.push(message);
    },
  };
}

describe('the outbox', () => {
  it('gets one row per notified user with an e-mail address, in the notification\'s transaction', async () => {
    await notifyAll('诉求 SQ1 已交办');
    const rows = await outbox();
    expect(rows.map((r) => r.recipient).sort()).toEqual(['yhb@example.gov.cn', 'zjj@example.gov.cn']);
    expect(rows[0]).toMatchObject({ channel: 'email', subject: '诉求 SQ1 已交办', body: '诉求 SQ1 已交办：请登录亲清平台查看。', attempts: 0, sent_at: null, failed_at: null, next_attempt_at: clock.now() });
  });

  it('stays pending, untouched, while mail is not configured', async () => {
    await notifyAll('无邮件配置');
    expect(await drainOutbox(deps(), null)).toEqual({ sent: 0, retrying: 0, failed: 0, more: false });
    expect((await outbox()).every((r) => r.sent_at === null && r.attempts === 0 && r.next_attempt_at.getTime() === clock.now().getTime())).toBe(true);
  });

  it('sends through a nodemailer transport with the configured sender, and marks the rows sent', async () => {
    await notifyAll('诉求 SQ2 已答复');
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: Array<{ from: { address: string }; to: Array<{ address: string }>; subject: string; text: string }> = [];
    const mailer = mailerFromTransport(
      { sendMail: async (message) => sent.push(JSON.parse(((await transport.sendMail(message)) as { message: string }).message)) },
      '亲清平台 <noreply@example.gov.cn>',
    );
    expect(await drainOutbox(deps(), mailer)).toEqual({ sent: 2, retrying: 0, failed: 0, more: false });
    expect(sent.map((m) => m.to[0]!.address).sort()).toEqual(['yhb@example.gov.cn', 'zjj@example.gov.cn']);
    expect(sent[0]).toMatchObject({ from: { address: 'noreply@example.gov.cn' }, subject: '诉求 SQ2 已答复', text: '诉求 SQ2 已答复：请登录亲清平台查看。' });
    expect((await outbox()).every((r) => r.sent_at?.getTime() === clock.now().getTime())).toBe(true);
    expect((await drainOutbox(deps(), mailer)).sent).toBe(0);
  });

  it('retries a failed row with growing delays and gives up after 8 attempts, while the others go out', async () => {
    await notifyAll('诉求 SQ3 已办结');
    const mailer = recordingMailer(new Set(['zjj@example.gov.cn']));
    expect(await drainOutbox(deps(), mailer)).toEqual({ sent: 1, retrying: 1, failed: 0, more: false });
    const failing = (await outbox()).find((r) => r.recipient === 'zjj@example.gov.cn')!;
    expect(failing).toMatchObject({ attempts: 1, sent_at: null, failed_at: null, next_attempt_at: new Date(clock.now().getTime() + 60_000) });
    expect(failing.last_error).toContain('550');

    const delays: number[] = [];
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock.advance(30_000);
      const early = await drainOutbox(deps(), mailer);
      expect(early.retrying + early.failed, 'not due yet').toBe(0);
      const row = (await outbox()).find((r) => r.id === failing.id)!;
      clock.set(row.next_attempt_at);
      const result = await drainOutbox(deps(), mailer);
      expect(result.retrying + result.failed).toBe(1);
      const after = (await outbox()).find((r) => r.id === failing.id)!;
      expect(after.attempts).toBe(attempt);
      delays.push(after.next_attempt_at.getTime() - clock.now().getTime());
    }
    expect(delays.slice(0, 6).map((ms) => ms / 60_000)).toEqual([2, 4, 8, 16, 32, 64]);
    const gaveUp = (await outbox()).find((r) => r.id === failing.id)!;
    expect(gaveUp.failed_at).toEqual(clock.now());
    clock.advance(24 * 3_600_000);
    expect(await drainOutbox(deps(), mailer)).toEqual({ sent: 0, retrying: 0, failed: 0, more: false });
    expect(mailer.sent.map((m) => m.to)).toEqual(['yhb@example.gov.cn']);
  });

  it('sends a row claimed by a worker that died before marking it, once its lease has run out', async () => {
    await notifyAll('诉求 SQ4 被挂号督办');
    const claimed = await claimOutbox(database.db, clock.now());
    expect(claimed).toHaveLength(2);
    // The worker crashed here: nothing sent, nothing marked.
    const mailer = recordingMailer();
    expect((await drainOutbox(deps(), mailer)).sent).toBe(0);
    clock.advance(CLAIM_LEASE_MS - 1000);
    expect((await drainOutbox(deps(), mailer)).sent).toBe(0);
    clock.advance(1000);
    expect((await drainOutbox(deps(), mailer)).sent).toBe(2);
    expect(mailer.sent.map((m) => m.subject)).toEqual(['诉求 SQ4 被挂号督办', '诉求 SQ4 被挂号督办']);
    expect((await outbox()).every((r) => r.sent_at !== null && r.attempts === 0)).toBe(true);
  });

  it('sends each row once when two workers drain at the same time', async () => {
    for (let i = 0; i < 20; i++) await notifyAll(`批量 ${i}`);
    const other: Db = openPool(database.url, 3).db;
    const slow = (): Mailer & { sent: MailMessage[] } => {
      const mailer = recordingMailer();
      const send = mailer.send;
      mailer.send = async (m) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        await send(m);
      };
      return mailer;
    };
    const [a, b] = [slow(), slow()];
    try {
      const drainAll = async (db: Db, mailer: Mailer) => {
        while ((await drainOutbox({ db, clock, log: silentLogger }, mailer, { limit: 7 })).more);
      };
      await Promise.all([drainAll(database.db, a), drainAll(other, b)]);
    } finally {
      await other.destroy();
    }
    const all = [...a.sent, ...b.sent].map((m) => `${m.to} ${m.subject}`);
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
  });
});

describe('the outbox job', () => {
  it('says once that mail is off and leaves the rows pending', async () => {
    await notifyAll('无 SMTP');
    const lines: string[] = [];
    const log = { ...silentLogger, info: (_: unknown, message: string) => lines.push(message) } as unknown as Logger;
    const config = loadConfig({ NODE_ENV: 'test', QINQING_DATA_DIR: '/tmp' });
    const definitions = appealJobDefinitions({ db: database.db, clock, log, config });
    expect(definitions.map((d) => [d.name, d.cron])).toEqual([
      ['appeal-supervision-scan', '* * * * *'],
      ['notification-outbox', '* * * * *'],
    ]);
    const job = definitions.find((d) => d.name === 'notification-outbox')!;
    await job.handle({} as never);
    await job.handle({} as never);
    expect(lines.filter((l) => l.includes('e-mail is off'))).toHaveLength(1);
    expect((await outbox()).every((r) => r.sent_at === null && r.attempts === 0)).toBe(true);
  });
});
