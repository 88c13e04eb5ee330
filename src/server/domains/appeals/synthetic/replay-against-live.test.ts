// Synthetic appeals agree with the live loop: each sampled timeline, replayed through submitAppeal/performAction at the same instants, gives the same columns. Also: same seed, same data.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import type { AppealRow } from '../../../db/schema.ts';
import { systemContext } from '../../../http/context.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { AppealAction } from '../../../../shared/schemas/appeals.ts';
import type { Actor } from '../../auth/actor.ts';
import { performAction } from '../appeal-actions.ts';
import { submitAppeal } from '../submit-appeal.ts';
import { generateSyntheticAppeals } from './generate-appeals.ts';

const NOW = '2026-11-20T10:00:00+08:00';
const options = { appeals: 1500, seed: 11, enterprises: 200, years: 0.06, batchSize: 300 };
/** Columns the live actions and the generator must agree on (ids, numbers, text and who acted differ by construction). */
const compared = [
  'status', 'channel', 'urgency', 'category_id', 'enterprise_id', 'region_unit_id', 'district_unit_id', 'suggested_department_id', 'lead_department_id', 'co_department_ids',
  'round', 'return_count', 'reopen_count', 'extension_days', 'reject_reason', 'paused_at', 'paused_ms', 'resolution', 'replied_at', 'follow_up_at', 'follow_up_reached',
  'follow_up_resolved', 'follow_up_rating', 'enterprise_rating', 'enterprise_rated_at', 'rating', 'closed_at', 'next_due_at', 'version', 'submitted_at',
  ...['accept', 'sign', 'reply', 'follow_up'].flatMap((k) => [`${k}_started_at`, `${k}_due_at`, `${k}_met_at`, `${k}_overdue`, `${k}_used_ms`]),
] as const;

let a: TestDatabase;
let b: TestDatabase;
const pools: pg.Pool[] = [];
const poolOf = (database: TestDatabase) => {
  // Two connections: one writer beside the numbering connection (generate-appeals.test.ts runs two writers).
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pools.push(pool);
  return pool;
};
/** Appeals the template already holds (the demo's), left out of the comparisons. */
let demo: string[];

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  demo = (await a.db.selectFrom('appeals').select('id').execute()).map((r) => r.id);
  await generateSyntheticAppeals({ db: a.db, pool: poolOf(a), clock: fixedClock(NOW) }, options);
  await generateSyntheticAppeals({ db: b.db, pool: poolOf(b), clock: fixedClock(NOW) }, options);
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all([a.close(), b.close()]);
});

async function synthetic(db: TestDatabase['db']): Promise<AppealRow[]> {
  const rows = await db.selectFrom('appeals').selectAll().orderBy('number').execute();
  return rows.filter((r) => !demo.includes(r.id));
}

async function actorOf(db: TestDatabase['db'], username: string): Promise<Actor> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, displayName: u.display_name, roles: u.roles as Actor['roles'], orgUnitId: u.org_unit_id, enterpriseId: u.enterprise_id, sessionId: null, tokenId: null };
}

describe('synthetic appeals', () => {
  it('are the same for the same seed on the same database', async () => {
    const [x, y] = await Promise.all([synthetic(a.db), synthetic(b.db)]);
    expect(x.length).toBeGreaterThanOrEqual(options.appeals);
    const digest = (rows: AppealRow[]) => rows.map((r) => [r.id, r.number, r.title, r.status, r.submitted_at.toISOString(), r.next_due_at?.toISOString(), r.rating].join('|'));
    expect(digest(x)).toEqual(digest(y));
  });

  it('cover every state of the loop when the span is recent', async () => {
    const statuses = new Set((await synthetic(a.db)).map((r) => r.status));
    for (const s of ['submitted', 'accepted', 'assigned', 'signed', 'paused', 'returned', 'replied', 'reopened', 'closed', 'rejected', 'merged']) expect(statuses, s).toContain(s);
  });

  it('match the live actions replayed at the same instants', async () => {
    const db = a.db;
    const deps = { db, clock: fixedClock(NOW) };
    const ctx = systemContext('test-replay');
    const dispatcher = await actorOf(db, 'dispatcher');
    const rows = await synthetic(db);
    const events = await db.selectFrom('appeal_events').selectAll().where('appeal_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
    const byAppeal = new Map<string, typeof events>();
    for (const e of events) byAppeal.set(e.appeal_id, [...(byAppeal.get(e.appeal_id) ?? []), e]);
    const categories = new Map((await db.selectFrom('appeal_categories').select(['id', 'code']).execute()).map((c) => [c.id, c.code]));
    const divisions = new Map((await db.selectFrom('org_units').select(['id', 'division_code']).execute()).map((u) => [u.id, u.division_code]));

    // A varied sample: a few of every shape (status × returned × paused × extended × reopened), merges left out.
    const shape = (r: AppealRow) => {
      const actions = new Set(byAppeal.get(r.id)!.map((e) => e.action));
      if (actions.has('merge') || actions.has('merged-in')) return null;
      return [r.status, ...['return', 'pause', 'request-extension', 'approve-extension', 'reopen', 'rate'].filter((x) => actions.has(x))].join('+');
    };
    const sample: AppealRow[] = [];
    const perShape = new Map<string, number>();
    for (const r of rows) {
      const s = shape(r);
      if (s === null || (perShape.get(s) ?? 0) >= 2) continue;
      perShape.set(s, (perShape.get(s) ?? 0) + 1);
      sample.push(r);
    }
    expect(sample.length).toBeGreaterThanOrEqual(12);
    const shapes = [...perShape.keys()].join(' ');
    for (const step of ['return', 'pause', 'request-extension', 'approve-extension', 'reopen', 'rate', 'rejected']) expect(shapes, step).toContain(step);

    for (const original of sample) {
      let id = '';
      for (const e of byAppeal.get(original.id)!) {
        if (e.action.startsWith('supervision_')) continue;
        const at = e.at;
        const data = e.data as Record<string, unknown>;
        if (e.action === 'submit') {
          const view = await submitAppeal(
            deps,
            ctx,
            dispatcher,
            {
              title: original.title,
              content: original.content,
              channel: original.channel as never,
              category: original.category_id ? categories.get(original.category_id) : undefined,
              urgency: original.urgency,
              enterpriseId: original.enterprise_id ?? undefined,
              contactName: original.contact_name ?? undefined,
              contactPhone: original.contact_phone ?? undefined,
              sourceNote: original.source_note ?? undefined,
              divisionCode: original.enterprise_id ? undefined : (divisions.get(original.region_unit_id) ?? undefined),
            },
            { at, trusted: true },
          );
          id = view.id;
          continue;
        }
        if (e.action === 'accept' && data.implicit) continue;
        const bodies: Partial<Record<AppealAction, unknown>> = {
          reject: { reason: e.note },
          assign: { departmentId: data.departmentId, coDepartmentIds: data.coDepartmentIds, replyWithinWorkingDays: data.replyDays },
          return: { reason: e.note },
          pause: { reason: e.note },
          'request-extension': { workingDays: data.workingDays, reason: e.note },
          'deny-extension': { reason: e.note },
          reply: { content: e.note, resolution: data.resolution },
          'follow-up': { reached: data.reached, resolved: data.resolved ?? false, rating: data.rating ?? 1 },
          rate: { rating: data.rating },
          reopen: { reason: e.note },
        };
        await performAction(deps, ctx, dispatcher, id, e.action as AppealAction, bodies[e.action as AppealAction] as never, { at, trusted: true });
      }
      const live = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const pick = (r: AppealRow) =>
        Object.fromEntries(
          compared.map((c) => {
            const v: unknown = r[c as keyof AppealRow];
            return [c, v instanceof Date ? v.toISOString() : v === null ? null : String(v)];
          }),
        );
      expect(pick(original), `${original.number} (${shape(original)})`).toEqual(pick(live));
      const liveEvents = await db.selectFrom('appeal_events').select(['action', 'from_status', 'to_status', 'at']).where('appeal_id', '=', id).orderBy('id').execute();
      // The supervision timer's rows are not the actions' (generate-appeals.test.ts checks them against the timer).
      const steps = (list: Array<{ action: string; from_status: string | null; to_status: string | null; at: Date }>) =>
        list.filter((x) => !x.action.startsWith('supervision_')).map((x) => `${x.action}:${x.from_status}>${x.to_status}@${x.at.toISOString()}`);
      expect(steps(byAppeal.get(original.id)!), original.number).toEqual(steps(liveEvents));
    }
  }, 120_000);
});
