// KPIs on appeals inserted with chosen clocks: exact counts and rates by department, channel, month and district, Shanghai period bounds, the caller's scope, the routes and the xlsx table.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { demoActors } from '../../../../../test/helpers/appeals.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { appealScopeFor } from '../appeal.access.ts';
import { computeAppealKpis, summarizeKpis } from './appeal-kpis.ts';
import { clock, insertAppeal, type FixtureAppeal } from './test-appeals.ts';

const now = fixedClock('2025-05-10T10:00:00+08:00');
let t: TestApp;
let units: Record<string, string>;
const period = { from: '2025-03-01', to: '2025-04-30' };

const signedOnTime = (day: string) => clock('sign', `${day}T10:00:00+08:00`, `${day}T23:59:59.999+08:00`, `${day}T15:00:00+08:00`);
const signedLate = (day: string) => clock('sign', `${day}T10:00:00+08:00`, `${day}T23:59:59.999+08:00`, '2025-04-25T09:00:00+08:00');

beforeAll(async () => {
  t = await createTestApp({ clock: now });
  units = Object.fromEntries((await t.deps.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const add = (values: FixtureAppeal) => insertAppeal(t.deps.db, units.huzhou!, values);
  const zjj = { lead_department_id: units.zjj! };
  // 住建局: six counted appeals (A5 rejected is not).
  await add({ ...zjj, submitted_at: '2025-03-03T09:00:00+08:00', status: 'closed', channel: 'web', ...signedOnTime('2025-03-03'), ...clock('reply', '2025-03-03T10:00:00+08:00', '2025-03-17T23:59:59.999+08:00', '2025-03-10T10:00:00+08:00'), replied_at: '2025-03-10T10:00:00+08:00', resolution: 'resolved', follow_up_at: '2025-03-11T10:00:00+08:00', follow_up_resolved: true, rating: 5 }); // A1
  await add({ ...zjj, submitted_at: '2025-03-05T09:00:00+08:00', status: 'replied', channel: 'web', ...signedLate('2025-03-05'), ...clock('reply', '2025-03-05T10:00:00+08:00', '2025-03-19T23:59:59.999+08:00', '2025-04-28T10:00:00+08:00'), replied_at: '2025-04-28T10:00:00+08:00', resolution: 'resolved', follow_up_at: '2025-04-29T10:00:00+08:00', follow_up_resolved: false, rating: 2 }); // A2: late twice, follow-up says unresolved
  await add({ ...zjj, submitted_at: '2025-04-01T07:00:00+08:00', status: 'signed', channel: 'hotline_12345', ...signedOnTime('2025-04-01'), ...clock('reply', '2025-04-01T10:00:00+08:00', '2025-04-15T23:59:59.999+08:00') }); // A3: reply overdue, still running; 2025-03-31 in UTC
  await add({ ...zjj, submitted_at: '2025-04-30T23:50:00+08:00', status: 'signed', channel: 'hotline_12345', ...signedOnTime('2025-04-30'), ...clock('reply', '2025-05-01T10:00:00+08:00', '2025-05-20T23:59:59.999+08:00') }); // A4: reply not yet due
  await add({ ...zjj, submitted_at: '2025-04-02T09:00:00+08:00', status: 'rejected', channel: 'web' }); // A5
  await add({ ...zjj, submitted_at: '2025-03-20T09:00:00+08:00', status: 'replied', channel: 'web', ...signedOnTime('2025-03-20'), ...clock('reply', '2025-03-20T10:00:00+08:00', '2025-04-03T23:59:59.999+08:00', '2025-03-25T10:00:00+08:00'), replied_at: '2025-03-25T10:00:00+08:00', resolution: 'resolved' }); // A6: no follow-up, unrated
  await add({ ...zjj, submitted_at: '2025-04-07T09:00:00+08:00', status: 'paused', channel: 'letter', ...signedOnTime('2025-04-07'), ...clock('reply', '2025-04-07T10:00:00+08:00', '2025-04-20T23:59:59.999+08:00'), paused_at: '2025-04-15T10:00:00+08:00' }); // A7: paused before due
  // 税务局 in 吴兴区, and an unassigned appeal there.
  await add({ lead_department_id: units.swj!, district_unit_id: units.wuxing!, region_unit_id: units.wuxing!, submitted_at: '2025-03-12T09:00:00+08:00', status: 'closed', channel: 'mobile', ...signedOnTime('2025-03-12'), ...clock('reply', '2025-03-12T10:00:00+08:00', '2025-03-26T23:59:59.999+08:00', '2025-03-20T10:00:00+08:00'), replied_at: '2025-03-20T10:00:00+08:00', resolution: 'explained', follow_up_at: '2025-03-21T10:00:00+08:00', follow_up_resolved: true, rating: 3 }); // B1
  await add({ district_unit_id: units.wuxing!, region_unit_id: units.wuxing!, submitted_at: '2025-04-11T09:00:00+08:00', status: 'submitted', channel: 'wechat' }); // B2
  // Outside the period by minutes, Shanghai time.
  await add({ ...zjj, submitted_at: '2025-02-28T23:59:00+08:00', channel: 'web', ...signedLate('2025-02-28') });
  await add({ ...zjj, submitted_at: '2025-05-01T00:01:00+08:00', channel: 'web', ...signedLate('2025-05-01') });
});

const kpis = async (groupBy: 'department' | 'district' | 'channel' | 'month', as = 'dispatcher') => {
  const actor = (await demoActors(t.deps.db)).get(as)!;
  return computeAppealKpis(t.deps.db, await appealScopeFor(t.deps.db, actor), { ...period, groupBy }, now.now());
};

describe('appeal KPIs', () => {
  it('counts each department exactly, late and unresolved and unrated and paused cases included', async () => {
    const rows = await kpis('department');
    expect(rows.map((r) => r.key)).toEqual([units.zjj, units.swj, 'unassigned']);
    expect(rows[0]).toEqual({
      key: units.zjj, label: '市住房和城乡建设局（住建局）',
      total: 6, signDue: 6, signedOnTime: 5, replyDue: 4, repliedOnTime: 2, replied: 3, resolved: 2, followedUp: 2, rated: 2, satisfied: 1,
      onTimeSignRate: 5 / 6, onTimeReplyRate: 2 / 4, resolutionRate: 2 / 3, followUpRate: 2 / 3, satisfactionRate: 1 / 2,
    });
    expect(rows[1]).toMatchObject({ total: 1, signedOnTime: 1, repliedOnTime: 1, resolved: 1, followedUp: 1, satisfied: 1, satisfactionRate: 1 });
    expect(rows[2]).toMatchObject({ label: '未交办', total: 1, signDue: 0, replied: 0, onTimeSignRate: null, onTimeReplyRate: null, resolutionRate: null, followUpRate: null, satisfactionRate: null });
    expect(summarizeKpis(rows)).toMatchObject({ key: 'all', total: 8, signDue: 7, signedOnTime: 6, replyDue: 5, repliedOnTime: 3, replied: 4, resolved: 3, rated: 3, satisfied: 2 });
  });

  it('groups by channel (Chinese labels), by month in Shanghai time (empty months listed) and by district', async () => {
    const channels = await kpis('channel');
    expect(Object.fromEntries(channels.map((r) => [r.key, r.total]))).toEqual({ web: 3, hotline_12345: 2, letter: 1, mobile: 1, wechat: 1 });
    expect(channels[0]).toMatchObject({ key: 'web', label: '网站', resolved: 2, replied: 3 });
    expect(channels.find((r) => r.key === 'hotline_12345')).toMatchObject({ label: '12345热线', replyDue: 1, repliedOnTime: 0, onTimeReplyRate: 0 });

    const months = await kpis('month');
    expect(months.map((r) => [r.key, r.label, r.total])).toEqual([['2025-03', '2025年3月', 4], ['2025-04', '2025年4月', 4]]);
    const actor = (await demoActors(t.deps.db)).get('dispatcher')!;
    const longer = await computeAppealKpis(t.deps.db, await appealScopeFor(t.deps.db, actor), { from: '2025-01-15', to: '2025-05-31', groupBy: 'month' }, now.now());
    expect(longer.map((r) => [r.key, r.total])).toEqual([['2025-01', 0], ['2025-02', 1], ['2025-03', 4], ['2025-04', 4], ['2025-05', 1]]);

    const districts = await kpis('district');
    expect(districts.map((r) => [r.key, r.label, r.total])).toEqual([['none', '市本级', 6], [units.wuxing, '吴兴区', 2]]);
  });

  it('counts only what the caller may see: a 税务局 handler sees its own department', async () => {
    const rows = await kpis('department', 'handler-swj');
    expect(rows.map((r) => [r.key, r.total])).toEqual([[units.swj, 1]]);
    expect(await kpis('department', 'handler-zjj')).toMatchObject([{ key: units.zjj, total: 6 }]);
  });
});

describe('KPI routes', () => {
  it('answers items and a totals row, refuses enterprises and a reversed period', async () => {
    const dispatcher = await t.login('dispatcher');
    const response = await t.call('GET', '/api/v1/kpis/appeals?from=2025-03-01&to=2025-04-30&groupBy=channel', { cookie: dispatcher });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: '2025-03-01', to: '2025-04-30', groupBy: 'channel', summary: { key: 'all', label: '合计', total: 8 } });
    expect(body.items).toHaveLength(5);
    expect((await t.call('GET', '/api/v1/kpis/appeals', { cookie: await t.login('enterprise') })).statusCode).toBe(403);
    const reversed = await t.call('GET', '/api/v1/kpis/appeals?from=2025-05-01&to=2025-04-30', { cookie: dispatcher });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0].path).toBe('from');
  });

  it('defaults to this year up to today, grouped by department', async () => {
    const body = (await t.call('GET', '/api/v1/kpis/appeals', { cookie: await t.login('leader') })).json();
    expect(body).toMatchObject({ from: '2025-01-01', to: '2025-05-10', groupBy: 'department' });
    expect(body.summary.total).toBe(10);
  });

  it('exports the KPI table as xlsx with Chinese headers, percentages and a totals row', async () => {
    const response = await t.call('GET', '/api/v1/kpis/appeals.xlsx?from=2025-03-01&to=2025-04-30&groupBy=department', { cookie: await t.login('dispatcher') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['主办部门', '诉求总数', '应签收', '按时签收', '按时签收率', '应答复', '按时答复', '按时答复率', '已答复', '已解决', '解决率', '已回访', '回访率', '已评价', '满意', '满意率']);
    expect(values(2).slice(0, 5)).toEqual(['市住房和城乡建设局（住建局）', 6, 6, 5, 5 / 6]);
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('0.00%');
    expect(values(4)[0]).toBe('未交办');
    expect(values(4)[4]).toBeUndefined();
    expect(values(5).slice(0, 4)).toEqual(['合计', 8, 7, 6]);
    expect(workbook.getWorksheet('说明')!.getRow(1).getCell(2).value).toContain('2025-03-01');
  });
});
