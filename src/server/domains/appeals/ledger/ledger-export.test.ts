// The ledger export read back with exceljs: title and header rows, one row per visible appeal with names, times and overdue flags, the list's filters, the row limit, who may export.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { demoActors } from '../../../../../test/helpers/appeals.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { appealScopeFor } from '../appeal.access.ts';
import { clock, insertAppeal } from '../kpi/test-appeals.ts';
import { ledgerColumns, writeLedger } from './ledger-export.ts';

const now = fixedClock('2025-05-10T10:00:00+08:00');
let t: TestApp;
let units: Record<string, string>;

const readWorkbook = async (data: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as never);
  return workbook.worksheets[0]!;
};
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => {
  const values = sheet.getRow(n).values as unknown[];
  return Object.fromEntries(ledgerColumns.map((c, i) => [c.header, values[i + 1] ?? null]));
};
const wall = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000);

beforeAll(async () => {
  t = await createTestApp({ clock: now });
  units = Object.fromEntries((await t.deps.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const enterprise = await t.deps.db.selectFrom('enterprises').select(['id']).orderBy('name').executeTakeFirstOrThrow();
  await insertAppeal(t.deps.db, units.huzhou!, {
    number: 'SQ20250303000001', title: '厂房施工许可进度', content: '施工许可申请三周未办结', channel: 'hotline_12345', enterprise_id: enterprise.id,
    lead_department_id: units.zjj!, co_department_ids: [units.swj!], status: 'replied', submitted_at: '2025-03-03T09:30:00+08:00',
    accept_started_at: '2025-03-03T09:30:00+08:00', accept_due_at: '2025-03-05T23:59:59.999+08:00', accept_met_at: '2025-03-03T11:00:00+08:00', accept_overdue: false,
    ...clock('sign', '2025-03-03T11:00:00+08:00', '2025-03-04T23:59:59.999+08:00', '2025-03-06T09:00:00+08:00'),
    ...clock('reply', '2025-03-03T11:00:00+08:00', '2025-03-17T23:59:59.999+08:00', '2025-03-14T16:00:00+08:00'),
    ...clock('follow_up', '2025-03-14T16:00:00+08:00', '2025-03-19T23:59:59.999+08:00'),
    replied_at: '2025-03-14T16:00:00+08:00', reply_content: '已办结', resolution: 'resolved', rating: 4,
  });
  await insertAppeal(t.deps.db, units.huzhou!, { number: 'SQ20250401000002', title: '退税进度', channel: 'web', status: 'submitted', submitted_at: '2025-04-01T08:00:00+08:00' });
  await insertAppeal(t.deps.db, units.huzhou!, { number: 'SQ20250402000003', title: '不予受理的诉求', channel: 'web', status: 'rejected', submitted_at: '2025-04-02T08:00:00+08:00' });
});

describe('ledger export', () => {
  it('writes a title row, Chinese headers and one row per appeal, newest first, with names, Shanghai times and overdue flags', async () => {
    const response = await t.call('GET', '/api/v1/appeals/export.xlsx', { cookie: await t.login('dispatcher') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['x-ledger-rows']).toBe('3');
    expect(response.headers['x-ledger-truncated']).toBe('false');
    const sheet = await readWorkbook(response.rawPayload);
    expect(sheet.getRow(1).getCell(1).value).toBe('诉求台账（导出于 2025-05-10 10:00，共 3 条）');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(ledgerColumns.map((c) => c.header));
    expect(sheet.rowCount).toBe(5);
    expect([3, 4, 5].map((n) => rowValues(sheet, n)['编号'])).toEqual(['SQ20250402000003', 'SQ20250401000002', 'SQ20250303000001']);
    expect(rowValues(sheet, 5)).toMatchObject({
      标题: '厂房施工许可进度', 渠道: '12345热线', 企业名称: expect.stringContaining('演示'), 主办部门: '市住房和城乡建设局（住建局）', 协办部门: '国家税务总局湖州市税务局（税务局）',
      区县: '市本级', 状态: '已答复', 受理时间: wall('2025-03-03T09:30:00+08:00'), 交办时间: wall('2025-03-03T11:00:00+08:00'),
      签收时限: wall('2025-03-04T23:59:59.999+08:00'), 签收超时: '是', 答复超时: '否', 办理结果: '已解决', 回访超时: '是', 满意度: '满意', 办结时间: null,
    });
    expect(sheet.getRow(5).getCell(13).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rowValues(sheet, 3)).toMatchObject({ 状态: '不予受理', 主办部门: null, 签收超时: null });
  });

  it('applies the list filters and the caller scope', async () => {
    const dispatcher = await t.login('dispatcher');
    const web = await readWorkbook((await t.call('GET', '/api/v1/appeals/export.xlsx?channel=web&status=submitted', { cookie: dispatcher })).rawPayload);
    expect(web.rowCount).toBe(3);
    expect(rowValues(web, 3)['编号']).toBe('SQ20250401000002');
    const march = await t.call('GET', `/api/v1/appeals/export.xlsx?from=2025-03-01&to=2025-03-31&departmentId=${units.swj}`, { cookie: dispatcher });
    expect(march.headers['x-ledger-rows']).toBe('1');
    const overdue = await t.call('GET', '/api/v1/appeals/export.xlsx?overdue=true', { cookie: dispatcher });
    expect(overdue.headers['x-ledger-rows']).toBe('1');
  });

  it('is refused to handlers and enterprises, allowed to leaders, and audited', async () => {
    expect((await t.call('GET', '/api/v1/appeals/export.xlsx', { cookie: await t.login('handler-zjj') })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/appeals/export.xlsx', { cookie: await t.login('enterprise') })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/appeals/export.xlsx', { cookie: await t.login('leader') })).statusCode).toBe(200);
    const audits = await t.deps.db.selectFrom('audit_events').select('action').where('action', '=', 'appeal.export').execute();
    expect(audits.length).toBeGreaterThanOrEqual(4);
  });

  it('stops at the row limit and says so in the title row', async () => {
    const actor = (await demoActors(t.deps.db)).get('dispatcher')!;
    const stream = writeLedger(t.deps.db, await appealScopeFor(t.deps.db, actor), {}, now.now(), { matched: 3, limit: 2, generatedAt: '2025-05-10 10:00' });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const sheet = await readWorkbook(Buffer.concat(chunks));
    expect(sheet.rowCount).toBe(4);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('仅导出最新的 2 条');
  });
});
