// Importing an old ledger: a file full of mistakes reported row by row and column by column (nothing written in a dry run or all-or-nothing), and a good file replayed at its original times across National Day 2024 so its clocks and KPIs come out exact.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { computeAppealKpis } from '../kpi/appeal-kpis.ts';

const now = fixedClock('2025-01-10T10:00:00+08:00');
let t: TestApp;
let admin: string;
let units: Record<string, string>;
let uscc: string;

function multipart(fileName: string, data: Buffer) {
  const boundary = '----qinqing-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { body: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = async (query: string, fileName: string, data: Buffer, cookie = admin) => t.call('POST', `/api/v1/appeals/import?${query}`, { cookie, ...multipart(fileName, data) });
const countAppeals = async () => Number((await t.deps.db.selectFrom('appeals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const badCsv = [
  '标题,内容,受理时间,交办时间,主办部门,签收时间,答复时间,办理结果,满意度',
  '日期错误,内容,2024-02-30 10:00,,,,,,',
  '部门错误,内容,2024-03-01 10:00,2024-03-01 11:00,不存在局,2024-03-01 12:00,,,',
  '评价错误,内容,2024-03-04 10:00,2024-03-04 11:00,zjj,2024-03-04 12:00,2024-03-05 10:00,已解决,6',
  ',没有标题的诉求,2024-03-05 10:00,,,,,,',
  '顺序错误,内容,2024-03-06 10:00,2024-03-06 11:00,zjj,2024-03-08 12:00,2024-03-07 10:00,已解决,',
  '正确的一行,内容,2024-03-11 10:00,2024-03-11 11:00,zjj,2024-03-11 12:00,,,',
].join('\r\n');

async function goodWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2024年诉求台账');
  sheet.addRow(['湖州市涉企诉求台账（历史数据）']);
  sheet.addRow(['序号', 'title', '内容', '渠道', '类别', '统一社会信用代码', '受理时间', '交办时间', '主办部门', '签收时间', '答复时间', '答复内容', '办理结果', '回访时间', '是否解决', '满意度', '办结时间']);
  const wall = (text: string) => new Date(`${text.replace(' ', 'T')}:00Z`);
  sheet.addRow([1, '国庆前申请施工许可', '节前提交的施工许可申请', '网站', 'approval', null, wall('2024-09-29 10:00'), wall('2024-09-30 09:00'), 'zjj', wall('2024-10-08 10:00'), '2024-10-18 16:00', '已发证', '已解决', '2024-10-21 10:00', '是', '非常满意', '2024-10-22 09:00']);
  sheet.addRow([2, '出口退税迟迟未到账', '退税申报一个月未到账', '12345热线', '税费服务', null, '2024-10-09 09:00', '2024-10-09 10:00', '国家税务总局湖州市税务局（税务局）', '2024-10-10 09:00', '2024-11-20 10:00', null, '部分解决', '2024-11-21 10:00', '否', 2, null]);
  sheet.addRow([3, '园区道路积水', '雨后园区道路积水严重', '12345', '审批服务', uscc, '2024-10-12 08:30', null, null, null, null, null, null, null, null, null, null]);
  sheet.addRow([4, '供水管网改造', '厂区供水压力不足', 'wechat', null, null, '2024-10-10 09:00', '2024-10-10 10:00', '市住房和城乡建设局（住建局）', '2024-10-14 09:00', '2024-10-15 15:00', '已改造', 'resolved', null, null, '满意', null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp({ clock: now });
  admin = await t.login('admin');
  units = Object.fromEntries((await t.deps.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  uscc = (await t.deps.db.selectFrom('enterprises').select('uscc').orderBy('name').executeTakeFirstOrThrow()).uscc;
});

describe('a ledger full of mistakes', () => {
  const expected = [
    { row: 2, column: '受理时间', message: expect.stringContaining('不是有效的时间') },
    { row: 3, column: '主办部门', message: expect.stringContaining('没有这个部门“不存在局”') },
    { row: 4, column: '满意度', message: expect.stringContaining('满意度应为 1 到 5') },
    { row: 5, column: '标题', message: expect.stringContaining('缺少标题') },
    { row: 6, column: '答复时间', message: expect.stringContaining('答复时间早于签收时间') },
  ];

  it('reports each mistake with its row and column in a dry run, and writes nothing', async () => {
    const before = await countAppeals();
    const response = await upload('dryRun=true', 'old.csv', Buffer.from(badCsv));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dryRun: true, mode: 'valid-rows', total: 6, valid: 1, imported: 0, errors: expected, ignoredColumns: [] });
    expect(await countAppeals()).toBe(before);
  });

  it('writes nothing in all-or-nothing mode', async () => {
    const before = await countAppeals();
    const response = await upload('dryRun=false&mode=all-or-nothing', 'old.csv', Buffer.from(badCsv));
    expect(response.json()).toMatchObject({ dryRun: false, total: 6, valid: 1, imported: 0, errors: expected });
    expect(await countAppeals()).toBe(before);
  });

  it('imports only the good row in valid-rows mode, and calls a second upload a duplicate', async () => {
    const before = await countAppeals();
    expect((await upload('mode=valid-rows', 'old.csv', Buffer.from(badCsv))).json()).toMatchObject({ imported: 1, errors: expected });
    expect(await countAppeals()).toBe(before + 1);
    const again = (await upload('dryRun=true', 'old.csv', Buffer.from(badCsv))).json();
    expect(again.errors.at(-1)).toEqual({ row: 7, column: null, message: expect.stringContaining('疑似重复') });
  });

  it('refuses what is not a ledger, and callers without the import right', async () => {
    expect((await upload('dryRun=true', 'x.csv', Buffer.from('a,b\n1,2'))).json().errors[0]).toMatchObject({ row: 0, column: null });
    expect((await upload('dryRun=true', 'old.csv', Buffer.from(badCsv), await t.login('handler-zjj'))).statusCode).toBe(403);
    expect((await t.call('POST', '/api/v1/appeals/import', { cookie: admin, body: { file: 'x' } })).statusCode).toBe(400);
  });
});

describe('the upload limit', () => {
  it('checks a long file in a dry run but imports it only from the command line', async () => {
    const lines = ['标题,内容,受理时间', ...Array.from({ length: 1001 }, (_, i) => `诉求${i},内容,2024-06-03 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`)];
    const limit = { row: 0, column: null, message: expect.stringContaining('一次最多导入 1000 行（本文件 1001 行）') };
    expect((await upload('dryRun=true', 'long.csv', Buffer.from(lines.join('\n')))).json()).toMatchObject({ total: 1001, valid: 1001, imported: 0, errors: [limit] });
    const before = await countAppeals();
    expect((await upload('dryRun=false', 'long.csv', Buffer.from(lines.join('\n')))).json()).toMatchObject({ total: 1001, imported: 0, errors: [limit] });
    expect(await countAppeals()).toBe(before);
  });
});

describe('a good ledger', () => {
  it('replays every row at its original times, with deadlines from the 2024 holiday calendar', async () => {
    const response = await upload('mode=all-or-nothing', 'ledger-2024.xlsx', await goodWorkbook());
    expect(response.json()).toEqual({ dryRun: false, mode: 'all-or-nothing', total: 4, valid: 4, imported: 4, errors: [], ignoredColumns: ['序号'] });
    const rows = await t.deps.db.selectFrom('appeals').selectAll().where('title', 'in', ['国庆前申请施工许可', '出口退税迟迟未到账', '园区道路积水', '供水管网改造']).orderBy('submitted_at').execute();
    const [national, tax, water, road] = rows;
    expect(national).toMatchObject({ status: 'closed', channel: 'web', lead_department_id: units.zjj, submitted_at: new Date('2024-09-29T10:00:00+08:00'), rating: 5, follow_up_resolved: true });
    expect(national!.number.startsWith('SQ20240929')).toBe(true);
    // 2024-09-30 assigned: October 1–7 are holidays, so the one-day sign clock runs to the end of 8 October and the ten-day reply clock
    // (12 October, a Saturday, is a make-up working day) to the end of 18 October.
    expect(national!.sign_due_at).toEqual(new Date('2024-10-08T23:59:59.999+08:00'));
    expect(national!.reply_due_at).toEqual(new Date('2024-10-18T23:59:59.999+08:00'));
    expect([national!.sign_overdue, national!.reply_overdue, national!.follow_up_overdue]).toEqual([false, false, false]);
    expect(tax).toMatchObject({ status: 'replied', lead_department_id: units.swj, resolution: 'partially_resolved', reply_content: '（原台账未记录答复内容）', reply_overdue: true, follow_up_resolved: false, rating: 2, channel: 'hotline_12345' });
    expect(water).toMatchObject({ status: 'replied', sign_overdue: true, reply_overdue: false, enterprise_rating: 4, rating: 4, follow_up_at: null, channel: 'wechat' });
    expect(road).toMatchObject({ status: 'submitted', lead_department_id: null, channel: 'hotline_12345' });
    expect(road!.enterprise_id).not.toBeNull();
    const events = await t.deps.db.selectFrom('appeal_events').select(['action', 'at']).where('appeal_id', '=', national!.id).orderBy('id').execute();
    expect(events.map((e) => [e.action, e.at.toISOString()])).toEqual([
      ['submit', '2024-09-29T02:00:00.000Z'], ['accept', '2024-09-30T01:00:00.000Z'], ['assign', '2024-09-30T01:00:00.000Z'], ['sign', '2024-10-08T02:00:00.000Z'],
      ['reply', '2024-10-18T08:00:00.000Z'], ['follow-up', '2024-10-21T02:00:00.000Z'], ['close', '2024-10-22T01:00:00.000Z'],
    ]);
    // Replayed history tells nobody, and a replayed signature does not name the importing administrator.
    const told = await t.deps.db.selectFrom('notifications').select('id').where('entity_id', 'in', rows.map((r) => r.id)).execute();
    expect(told).toEqual([]);
    expect(national!.handler_id).toBeNull();
  });

  it('gives the KPIs the ledger implies: late sign and late reply counted late', async () => {
    const items = await computeAppealKpis(t.deps.db, { kind: 'all' }, { from: '2024-09-01', to: '2024-11-30', groupBy: 'department' }, now.now());
    expect(items.map((i) => [i.key, i.total, i.signDue, i.signedOnTime, i.replyDue, i.repliedOnTime, i.replied, i.resolved, i.followedUp, i.rated, i.satisfied])).toEqual([
      [units.zjj, 2, 2, 1, 2, 2, 2, 2, 1, 2, 2],
      [units.swj, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0],
      ['unassigned', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });
});
