// Test fixture: appeals inserted straight into the table with chosen clock columns, so KPI tests know every number in advance.
import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AppealsTable } from '../../../db/schema.ts';
import type { Executor } from '../../../db/transaction.ts';

export type FixtureAppeal = Partial<Insertable<AppealsTable>> & { submitted_at: Date | string };

const at = (v: Date | string | null | undefined) => (v === undefined || v === null ? v : new Date(v));

/** Inserts one appeal; `region_unit_id` defaults to the city. Times may be given as ISO strings. */
export async function insertAppeal(db: Executor, cityId: string, values: FixtureAppeal): Promise<string> {
  const timeKeys = Object.keys(values).filter((k) => k.endsWith('_at')) as Array<keyof FixtureAppeal>;
  const times = Object.fromEntries(timeKeys.map((k) => [k, at(values[k] as Date | string | null)]));
  const row = await db
    .insertInto('appeals')
    .values({
      number: `T${crypto.randomBytes(6).toString('hex')}`,
      title: '测试诉求',
      content: '测试诉求内容',
      status: 'signed',
      channel: 'web',
      region_unit_id: cityId,
      ...values,
      ...times,
      submitted_at: new Date(values.submitted_at),
    } as Insertable<AppealsTable>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A clock's columns in one go: started, due, met (met may be null for a running clock). */
export const clock = (kind: 'sign' | 'reply' | 'follow_up', started: string, due: string, met: string | null = null): Partial<FixtureAppeal> =>
  ({
    [`${kind}_started_at`]: new Date(started),
    [`${kind}_due_at`]: new Date(due),
    [`${kind}_met_at`]: met ? new Date(met) : null,
    [`${kind}_overdue`]: met ? new Date(met) > new Date(due) : null,
  }) as Partial<FixtureAppeal>;
