// Drives demo appeals through the HTTP API to any state of the loop, as the demo users who would really do each step.
import type { TestApp } from './app.ts';
import type { AppealAction, AppealStatus } from '../../src/shared/schemas/appeals.ts';

export const validBodies: Record<AppealAction, unknown> = {
  accept: {},
  reject: { reason: '不属于营商环境诉求' },
  merge: { intoId: '' },
  assign: { departmentId: '' },
  sign: {},
  return: { reason: '不属于本部门职责' },
  pause: { reason: '等待企业补充材料' },
  resume: {},
  'request-extension': { workingDays: 5, reason: '需要现场核实' },
  'approve-extension': {},
  'deny-extension': { reason: '理由不充分' },
  reply: { content: '已协调解决', resolution: 'resolved' },
  'follow-up': { reached: true, resolved: true, rating: 5 },
  rate: { rating: 5 },
  reopen: { reason: '企业反映问题仍未解决' },
  close: {},
  supervise: { note: '请加快办理' },
};

/** The path from a fresh submission to each state, as [user, action, body] steps. */
const pathTo: Record<string, Array<[string, AppealAction]>> = {
  submitted: [],
  accepted: [['dispatcher', 'accept']],
  assigned: [['dispatcher', 'assign']],
  returned: [['dispatcher', 'assign'], ['handler-zjj', 'return']],
  signed: [['dispatcher', 'assign'], ['handler-zjj', 'sign']],
  'signed+extension': [['dispatcher', 'assign'], ['handler-zjj', 'sign'], ['handler-zjj', 'request-extension']],
  paused: [['dispatcher', 'assign'], ['handler-zjj', 'sign'], ['handler-zjj', 'pause']],
  replied: [['dispatcher', 'assign'], ['handler-zjj', 'sign'], ['handler-zjj', 'reply']],
  'replied+followed': [['dispatcher', 'assign'], ['handler-zjj', 'sign'], ['handler-zjj', 'reply'], ['followup', 'follow-up']],
  closed: [['dispatcher', 'assign'], ['handler-zjj', 'sign'], ['handler-zjj', 'reply'], ['followup', 'follow-up'], ['followup', 'close']],
};
export type PreparedState = keyof typeof pathTo;

export interface AppealKit {
  cookies: Record<string, string>;
  units: Record<string, string>;
  submit(overrides?: Record<string, unknown>, as?: string): Promise<{ id: string; status: AppealStatus; [k: string]: unknown }>;
  act(as: string, id: string, action: AppealAction, body?: unknown): Promise<{ statusCode: number; json: () => any }>;
  prepare(state: PreparedState, overrides?: Record<string, unknown>): Promise<string>;
  get(as: string, id: string): Promise<any>;
  call(as: string, method: string, url: string, body?: unknown): Promise<{ statusCode: number; json: () => any }>;
}

export async function appealKit(t: TestApp, usernames: string[]): Promise<AppealKit> {
  const cookies: Record<string, string> = {};
  for (const u of usernames) cookies[u] = await t.login(u);
  const units = Object.fromEntries(((await t.call('GET', '/api/v1/org-units', { cookie: cookies.dispatcher ?? cookies[usernames[0]!] })).json().items as { id: string; code: string }[]).map((u) => [u.code, u.id]));
  // Tests move a fixed clock across holidays, past the session idle timeout: log in again when a session has lapsed.
  const call = async (as: string, method: string, url: string, body?: unknown) => {
    let response = await t.call(method, url, { cookie: cookies[as], body });
    if (response.statusCode === 401) {
      cookies[as] = await t.login(as);
      response = await t.call(method, url, { cookie: cookies[as], body });
    }
    return response;
  };
  const bodyFor = (action: AppealAction, body?: unknown) => body ?? (action === 'assign' ? { departmentId: units.zjj } : validBodies[action]);
  const kit: AppealKit = {
    cookies,
    units,
    async submit(overrides = {}, as = 'enterprise') {
      const response = await call(as, 'POST', '/api/v1/appeals', { title: '厂房施工许可办理进度', content: '新建厂房施工许可申请已提交三周，仍未办结，影响开工。', channel: as === 'enterprise' || as === 'enterprise2' ? 'web' : 'hotline_12345', category: 'approval', ...overrides });
      if (response.statusCode !== 201) throw new Error(`submit failed: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    act: (as, id, action, body) => call(as, 'POST', `/api/v1/appeals/${id}/${action}`, bodyFor(action, body)),
    call,
    async prepare(state, overrides = {}) {
      const { id } = await kit.submit(overrides);
      for (const [as, action] of pathTo[state]!) {
        const response = await kit.act(as, id, action);
        if (response.statusCode !== 200) throw new Error(`${as} ${action} failed while preparing ${state}: ${response.statusCode} ${JSON.stringify(response.json())}`);
      }
      return id;
    },
    async get(as, id) {
      return call(as, 'GET', `/api/v1/appeals/${id}`);
    },
  };
  return kit;
}

/** The demo users as actors, for tests that call the use cases directly. */
export async function demoActors(db: import('../../src/server/db/transaction.ts').Executor): Promise<Map<string, import('../../src/server/domains/auth/actor.ts').Actor>> {
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'roles', 'org_unit_id', 'enterprise_id']).execute();
  return new Map(
    users.map((u) => [
      u.username,
      { userId: u.id, username: u.username, displayName: u.display_name, roles: u.roles as never, orgUnitId: u.org_unit_id, enterpriseId: u.enterprise_id, sessionId: null, tokenId: null },
    ]),
  );
}
