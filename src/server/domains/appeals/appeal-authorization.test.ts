// The authorization matrix: every demo role × every action on an enterprise's appeal led by 住建局 — only the right part succeeds; others get 404 or 409 and change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { appealKit, validBodies, type AppealKit, type PreparedState } from '../../../../test/helpers/appeals.ts';
import { appealActions, type AppealAction } from '../../../shared/schemas/appeals.ts';

const everyone = ['admin', 'dispatcher', 'handler-zjj', 'handler-swj', 'followup', 'policy', 'inspector', 'leader', 'supervisor', 'enterprise', 'enterprise2'];

/** For each action: the state it is tried from, and who may do it there (own = enterprise, other = enterprise2; own department = 住建局, other = 税务局). */
const matrix: Record<AppealAction, { state: PreparedState; allowed: string[] }> = {
  accept: { state: 'submitted', allowed: ['dispatcher'] },
  reject: { state: 'submitted', allowed: ['dispatcher'] },
  merge: { state: 'submitted', allowed: ['dispatcher'] },
  assign: { state: 'submitted', allowed: ['dispatcher'] },
  sign: { state: 'assigned', allowed: ['handler-zjj'] },
  return: { state: 'assigned', allowed: ['handler-zjj'] },
  pause: { state: 'signed', allowed: ['handler-zjj'] },
  resume: { state: 'paused', allowed: ['handler-zjj'] },
  'request-extension': { state: 'signed', allowed: ['handler-zjj'] },
  'approve-extension': { state: 'signed+extension', allowed: ['dispatcher'] },
  'deny-extension': { state: 'signed+extension', allowed: ['dispatcher'] },
  reply: { state: 'signed', allowed: ['handler-zjj'] },
  'follow-up': { state: 'replied', allowed: ['followup'] },
  rate: { state: 'replied', allowed: ['enterprise'] },
  reopen: { state: 'replied', allowed: ['dispatcher', 'followup'] },
  close: { state: 'replied+followed', allowed: ['dispatcher', 'followup'] },
  supervise: { state: 'assigned', allowed: ['supervisor', 'dispatcher'] },
};

let t: TestApp;
let k: AppealKit;
let mergeTarget: string;

beforeAll(async () => {
  t = await createTestApp();
  k = await appealKit(t, everyone);
  mergeTarget = await k.prepare('assigned');
});

const snapshot = async (id: string) => {
  const row = await t.deps.db.selectFrom('appeals').select(['version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const events = await t.deps.db.selectFrom('appeal_events').select((eb) => eb.fn.countAll().as('n')).where('appeal_id', '=', id).executeTakeFirstOrThrow();
  return { ...row, events: Number(events.n) };
};

describe('authorization matrix', () => {
  it('covers every action', () => {
    expect(Object.keys(matrix).sort()).toEqual([...appealActions].sort());
  });

  for (const action of appealActions) {
    const { state, allowed } = matrix[action];
    it(`${action}: only ${allowed.join(', ')}`, async () => {
      const id = await k.prepare(state);
      const body = action === 'merge' ? { intoId: mergeTarget } : action === 'assign' ? { departmentId: k.units.zjj } : validBodies[action];
      const before = await snapshot(id);
      for (const user of everyone.filter((u) => !allowed.includes(u))) {
        const canSee = (await k.get(user, id)).statusCode === 200;
        const response = await k.act(user, id, action, body);
        expect({ user, status: response.statusCode }).toEqual({ user, status: canSee ? 409 : 404 });
        if (canSee) {
          expect(response.json().error.code).toBe('invalid_transition');
          expect((await k.get(user, id)).json().abilities).not.toContain(action);
        }
      }
      expect(await snapshot(id)).toEqual(before);
      for (const user of allowed) expect({ user, abilities: (await k.get(user, id)).json().abilities }).toEqual({ user, abilities: expect.arrayContaining([action]) });
      const done = await k.act(allowed[0]!, id, action, body);
      expect(done.statusCode).toBe(200);
      expect((await snapshot(id)).events).toBeGreaterThan(before.events);
    });
  }
});
