// Test fixture for the supervision tests: demo ids by code, and appeals inserted straight into the table with chosen running clocks.
import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AppealsTable, ClockKind } from '../../../db/schema.ts';
import type { Executor } from '../../../db/transaction.ts';

export interface DemoIds {
  unit: (code: string) => string;
  user: (username: string) => string;
  /** 织里镇 (330502100), the demo enterprise's township in 吴兴区. */
  township: string;
  enterprise: string;
}

export async function demoIds(db: Executor): Promise<DemoIds> {
  const units = new Map((await db.selectFrom('org_units').select(['id', 'code', 'division_code']).execute()).flatMap((u) => [[u.code, u.id], [`div:${u.division_code}`, u.id]]));
  const users = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const enterprise = await db.selectFrom('users').select('enterprise_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
  const get = (map: Map<string | null, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`no demo ${key}`);
    return id;
  };
  return { unit: (code) => get(units, code), user: (name) => get(users, name), township: get(units, 'div:330502100'), enterprise: enterprise.enterprise_id! };
}

/** A running clock's columns. */
export const running = (kind: ClockKind, started: string, due: string) =>
  ({ [`${kind}_started_at`]: new Date(started), [`${kind}_due_at`]: new Date(due) }) as Partial<Insertable<AppealsTable>>;

/** Inserts an appeal with `next_due_at` set from its running clocks, as the actions keep it. */
export async function insertAppeal(db: Executor, values: Partial<Insertable<AppealsTable>> & { region_unit_id: string }): Promise<string> {
  const row = { ...values } as Record<string, unknown>;
  const dues = (['accept', 'sign', 'reply', 'follow_up'] as const)
    .filter((k) => row[`${k}_started_at`] && !row[`${k}_met_at`] && !(k === 'reply' && row.paused_at))
    .map((k) => (row[`${k}_due_at`] as Date).getTime());
  const inserted = await db
    .insertInto('appeals')
    .values({
      number: `SQT${crypto.randomBytes(5).toString('hex')}`,
      title: '厂区道路施工影响货车通行',
      content: '测试诉求内容',
      status: 'signed',
      channel: 'web',
      submitted_at: new Date('2026-09-01T10:00:00+08:00'),
      next_due_at: dues.length ? new Date(Math.min(...dues)) : null,
      ...values,
    } as Insertable<AppealsTable>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
