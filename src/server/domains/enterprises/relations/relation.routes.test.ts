// 包联 routes: periods and plans validated, a cadre sees only his own assignments, a visit and the appeal it raises commit together or not at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { addMonths, shanghaiDate } from './visit-plan.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const today = shanghaiDate(new Date());
const as = (user: string) => ({ cookie: cookies[user] });

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['dispatcher', 'handler-zjj', 'handler-swj', 'leader', 'enterprise', 'admin']) cookies[user] = await t.login(user);
  const users = await t.deps.db.selectFrom('users').select(['id', 'username', 'enterprise_id']).execute();
  for (const u of users) ids[u.username] = u.id;
  ids.enterprise1 = users.find((u) => u.username === 'enterprise')!.enterprise_id!;
  ids.enterprise2 = users.find((u) => u.username === 'enterprise2')!.enterprise_id!;
});

const assign = (body: Record<string, unknown>, user = 'dispatcher') => t.call('POST', '/api/v1/relations/assignments', { ...as(user), body });

describe('assignments', () => {
  it('the office assigns a cadre for a period with a visit plan; overlapping periods and bad plans are refused', async () => {
    const from = addMonths(today, -4);
    const created = await assign({ userId: ids['handler-zjj'], enterpriseId: ids.enterprise2, validFrom: from, validUntil: addMonths(today, 8), visitEveryMonths: 3 });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ userId: ids['handler-zjj'], enterpriseId: ids.enterprise2, active: true, visitCount: 0, nextVisitDue: addMonths(from, 3), visitOverdue: true });
    ids.assignment = view.id;

    const overlap = await assign({ userId: ids['handler-zjj'], enterpriseId: ids.enterprise2, validFrom: today });
    expect(overlap.statusCode).toBe(409);
    const backwards = await assign({ userId: ids['handler-zjj'], enterpriseId: ids.enterprise1, validFrom: today, validUntil: addMonths(today, -1) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe('validUntil');
    const plannedOutside = await assign({ userId: ids['handler-zjj'], enterpriseId: ids.enterprise1, validFrom: today, validUntil: addMonths(today, 2), plannedVisits: [addMonths(today, 3)] });
    expect(plannedOutside.statusCode).toBe(400);
    expect(plannedOutside.json().error.details[0].path).toBe('plannedVisits.0');
    const both = await assign({ userId: ids['handler-zjj'], validFrom: today });
    expect(both.statusCode).toBe(400);
    const enterpriseUser = await assign({ userId: ids.enterprise, enterpriseId: ids.enterprise1, validFrom: today });
    expect(enterpriseUser.statusCode).toBe(400);
    expect(enterpriseUser.json().error.details[0].path).toBe('userId');
  });

  it('only the office assigns and ends', async () => {
    expect((await assign({ userId: ids['handler-swj'], enterpriseId: ids.enterprise1, validFrom: today }, 'handler-zjj')).statusCode).toBe(403);
    expect((await assign({ userId: ids['handler-swj'], enterpriseId: ids.enterprise1, validFrom: today }, 'leader')).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/end`, { ...as('handler-zjj'), body: { reason: '调岗' } })).statusCode).toBe(403);
  });

  it('a cadre sees only his own assignments; another cadre gets 404 on them', async () => {
    const mine = (await t.call('GET', '/api/v1/relations/assignments', as('handler-zjj'))).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a: { userId: string }) => a.userId === ids['handler-zjj'])).toBe(true);
    const asked = (await t.call('GET', `/api/v1/relations/assignments?userId=${ids['handler-zjj']}`, as('handler-swj'))).json();
    expect(asked.items).toEqual([]);
    expect((await t.call('GET', `/api/v1/relations/assignments/${ids.assignment}`, as('handler-swj'))).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/relations/assignments/${ids.assignment}/visits`, as('handler-swj'))).statusCode).toBe(404);
    const visit = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, { ...as('handler-swj'), body: { visitedOn: today, findings: '冒名走访' } });
    expect(visit.statusCode).toBe(404);
    const all = (await t.call('GET', `/api/v1/relations/assignments?userId=${ids['handler-zjj']}`, as('dispatcher'))).json();
    expect(all.items.map((a: { id: string }) => a.id)).toContain(ids.assignment);
    expect((await t.call('GET', '/api/v1/relations/mine', as('enterprise'))).statusCode).toBe(403);
  });

  it("the demo leader's page lists his enterprises, overdue visits first, with open appeals counted", async () => {
    const response = await t.call('GET', '/api/v1/relations/mine', as('leader'));
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page.items.length).toBe(3);
    expect(page.items[0].assignment.visitOverdue).toBe(true);
    expect(page.visitsOverdue).toBeGreaterThanOrEqual(1);
    for (const item of page.items) expect(item.assignment.userId).toBe(ids.leader);
    const openInDb = await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).where('enterprise_id', '=', ids.enterprise1).where('status', 'not in', ['closed', 'rejected', 'merged']).executeTakeFirstOrThrow();
    const first = page.items.find((i: { assignment: { enterpriseId: string } }) => i.assignment.enterpriseId === ids.enterprise1);
    expect(first.openAppeals).toBe(Number(openInDb.n));
  });
});

describe('visits', () => {
  it('a problem learned on a visit becomes a field_visit appeal in the same step, linked from the visit', async () => {
    const before = await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const response = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, {
      ...as('handler-zjj'),
      body: { visitedOn: today, metWith: '总经理', findings: '企业反映用工紧张', appeal: { title: '园区招工难', content: '走访中企业反映园区缺少公共招聘平台，希望人社部门协助招工。' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { visit, appeal } = response.json();
    expect(appeal).toMatchObject({ channel: 'field_visit', enterpriseId: ids.enterprise2, status: 'submitted' });
    expect(visit).toMatchObject({ appealId: appeal.id, appealNumber: appeal.number, visitorId: ids['handler-zjj'], metWith: '总经理' });
    const after = await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    const view = (await t.call('GET', `/api/v1/relations/assignments/${ids.assignment}`, as('handler-zjj'))).json();
    expect(view).toMatchObject({ lastVisitOn: today, visitCount: 1, visitOverdue: false, nextVisitDue: addMonths(today, 3) });
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', 'in', [visit.id, appeal.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['appeal.submit', 'relation.visit']);
  });

  it('the cadre can open and find the appeal he raised, though it is not his department\'s; another department cannot', async () => {
    const response = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, {
      ...as('handler-zjj'),
      body: { visitedOn: today, findings: '企业反映税务申报系统卡顿', appeal: { title: '电子税务局申报卡顿', content: '走访中企业反映月末电子税务局申报页面经常卡顿，希望税务部门协调。', category: 'approval' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { appeal } = response.json();
    const opened = await t.call('GET', `/api/v1/appeals/${appeal.id}`, as('handler-zjj'));
    expect(opened.statusCode).toBe(200);
    expect(opened.json().abilities).not.toContain('sign');
    const listed = (await t.call('GET', '/api/v1/appeals?pageSize=100', as('handler-zjj'))).json();
    expect(listed.items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    expect((await t.call('GET', `/api/v1/appeals/${appeal.id}`, as('handler-swj'))).statusCode).toBe(404);
  });

  it('when the visit cannot be stored, the appeal is not stored either', async () => {
    const count = async () => Number((await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const visits = async () => Number((await t.deps.db.selectFrom('relation_visits').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const [appealsBefore, visitsBefore] = [await count(), await visits()];
    // A constraint that fails only the visit row, after the appeal has been inserted in the same transaction.
    await sql`ALTER TABLE relation_visits ADD CONSTRAINT test_refuse_boom CHECK (met_with IS DISTINCT FROM 'boom')`.execute(t.deps.db);
    try {
      const response = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, {
        ...as('handler-zjj'),
        body: { visitedOn: today, metWith: 'boom', findings: '记录失败', appeal: { title: '不应留下的诉求', content: '这条诉求必须随走访记录一起回滚。' } },
      });
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`ALTER TABLE relation_visits DROP CONSTRAINT test_refuse_boom`.execute(t.deps.db);
    }
    expect(await count()).toBe(appealsBefore);
    expect(await visits()).toBe(visitsBefore);
    const badCategory = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, {
      ...as('handler-zjj'),
      body: { visitedOn: today, findings: '类别错误', appeal: { title: '类别不存在', content: '类别不存在时走访也不记录。', category: 'no-such-category' } },
    });
    expect(badCategory.statusCode).toBe(400);
    expect(await visits()).toBe(visitsBefore);
  });

  it('refuses visit dates in the future or outside the period, and after the assignment ended', async () => {
    const future = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, { ...as('handler-zjj'), body: { visitedOn: addMonths(today, 1), findings: '未来' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('visitedOn');
    const early = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, { ...as('handler-zjj'), body: { visitedOn: addMonths(today, -6), findings: '期限之前' } });
    expect(early.statusCode).toBe(400);

    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const ended = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/end`, { ...as('dispatcher'), body: { reason: '调整包联分工', endOn: yesterday } });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, validUntil: yesterday, endReason: '调整包联分工', nextVisitDue: null });
    const again = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/end`, { ...as('dispatcher'), body: { reason: '再次结束' } });
    expect(again.statusCode).toBe(409);
    const afterEnd = await t.call('POST', `/api/v1/relations/assignments/${ids.assignment}/visits`, { ...as('handler-zjj'), body: { visitedOn: today, findings: '结束后' } });
    expect(afterEnd.statusCode).toBe(400);
    const mine = (await t.call('GET', '/api/v1/relations/mine', as('handler-zjj'))).json();
    expect(mine.items.map((i: { assignment: { id: string } }) => i.assignment.id)).not.toContain(ids.assignment);
    // Once ended, a new period for the same pair may start.
    expect((await assign({ userId: ids['handler-zjj'], enterpriseId: ids.enterprise2, validFrom: today })).statusCode).toBe(201);
  });

  it('projects can be recorded and assigned; a visit appeal takes the project enterprise', async () => {
    const project = await t.call('POST', '/api/v1/relations/projects', { ...as('dispatcher'), body: { name: '南浔木业新厂房', enterpriseId: ids.enterprise2, stage: 'approved' } });
    expect(project.statusCode).toBe(201);
    const a = await assign({ userId: ids['handler-swj'], projectId: project.json().id, validFrom: today, plannedVisits: [today] });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ projectName: '南浔木业新厂房', nextVisitDue: today, visitOverdue: false });
    const visit = await t.call('POST', `/api/v1/relations/assignments/${a.json().id}/visits`, { ...as('handler-swj'), body: { visitedOn: today, findings: '施工许可待办', appeal: { title: '施工许可', content: '项目施工许可办理进度慢，请协调。' } } });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().appeal.enterpriseId).toBe(ids.enterprise2);
  });
});
