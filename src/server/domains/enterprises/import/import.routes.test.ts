// The import and export over HTTP: upload → 202 {jobId}, the job's progress and errors for its creator and administrators only (404 for anyone else), export of a filtered list that imports back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { makeUscc } from '../../../../shared/uscc.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinqing-import-routes-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ env: { QINQING_DATA_DIR: dataDir } });
  for (const u of ['admin', 'dispatcher', 'handler-zjj', 'leader', 'enterprise']) cookies[u] = await t.login(u);
});

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const code = (i: number) => makeUscc('91', '330503', `MA${CHARS[Math.floor(i / 31) % 31]}${CHARS[i % 31]}R${String(i % 1000).padStart(3, '0')}`);

function multipart(data: Buffer, filename: string): { payload: Buffer; contentType: string } {
  const boundary = `----qinqing${crypto.randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (as: string, data: Buffer, query = '', filename = 'enterprises.csv') => {
  const { payload, contentType } = multipart(data, filename);
  return t.app.inject({ method: 'POST', url: `/api/v1/enterprises/import${query}`, payload, headers: { cookie: cookies[as]!, 'content-type': contentType } });
};
const job = (as: string, id: string) => t.call('GET', `/api/v1/jobs/${id}`, { cookie: cookies[as] });

async function finished(as: string, id: string) {
  for (let i = 0; i < 200; i++) {
    const response = await job(as, id);
    const body = response.json();
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

const csv = (rows: string[]) => Buffer.from(['统一社会信用代码,企业名称,所属区划,行业代码,成立日期,从业人员,营业收入(万元),资产总额(万元),标签', ...rows].join('\n'));
const line = (i: number, extra = '') => `${code(i)},南浔路由测试${i}木业有限公司,330503,2021,2012-05-01,${extra || '60'},3000,2500,规上企业`;

describe('POST /api/v1/enterprises/import and GET /api/v1/jobs/{id}', () => {
  it('answers 202 with a job that reports progress, every bad row and the result; only the creator and administrators see it', async () => {
    const response = await upload('dispatcher', csv([line(1), line(2, '-4'), line(3), line(4)]));
    expect(response.statusCode).toBe(202);
    const { jobId } = response.json();
    const done = await finished('dispatcher', jobId);
    expect(done).toMatchObject({ status: 'succeeded', processed: 4, total: 4, totalExact: true, errorCount: 1 });
    expect(done.errors).toEqual([{ row: 3, column: '从业人员', message: expect.stringMatching(/负数|negative/) }]);
    expect(done.result).toMatchObject({ created: 3, applied: true, mode: 'valid-rows', fileName: 'enterprises.csv' });
    expect((await job('admin', jobId)).statusCode).toBe(200);
    for (const other of ['handler-zjj', 'leader', 'enterprise']) expect((await job(other, jobId)).statusCode, other).toBe(404);
    expect((await job('admin', crypto.randomUUID())).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/jobs/${jobId}`)).statusCode).toBe(401);
    // The uploaded file does not outlive its job.
    expect(fs.readdirSync(path.join(dataDir, 'imports'))).toEqual([]);
    const view = await t.call('GET', `/api/v1/enterprises/${code(1)}`, { cookie: cookies.admin });
    expect(view.statusCode).toBe(200);
  });

  it('runs a dry run and all-or-nothing as asked, and refuses callers without the right and bad queries', async () => {
    const dry = await upload('admin', csv([line(10)]), '?dryRun=true');
    expect((await finished('admin', dry.json().jobId)).result).toMatchObject({ dryRun: true, valid: 1, applied: false });
    expect((await t.call('GET', `/api/v1/enterprises/${code(10)}`, { cookie: cookies.admin })).statusCode).toBe(404);
    const refused = await upload('admin', csv([line(11), line(12, 'x')]), '?mode=all-or-nothing&year=2024');
    expect((await finished('admin', refused.json().jobId)).result).toMatchObject({ applied: false, errorCount: 1, year: 2024 });
    expect((await t.call('GET', `/api/v1/enterprises/${code(11)}`, { cookie: cookies.admin })).statusCode).toBe(404);
    expect((await upload('handler-zjj', csv([line(13)]))).statusCode).toBe(403);
    expect((await upload('admin', csv([line(13)]), '?mode=sometimes')).statusCode).toBe(400);
    expect((await upload('admin', csv([line(13)]), '?mapping=notjson')).statusCode).toBe(400);
    const mapped = await upload('admin', Buffer.from(`代码,单位\n${code(14)},映射测试有限公司\n`), `?mapping=${encodeURIComponent(JSON.stringify({ 代码: 'uscc', 单位: 'name' }))}`);
    expect((await finished('admin', mapped.json().jobId)).result).toMatchObject({ created: 1, errorCount: 0 });
    const notMultipart = await t.call('POST', '/api/v1/enterprises/import', { cookie: cookies.admin, body: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
  });
});

describe('GET /api/v1/enterprises/export', () => {
  it('streams the filtered list as csv and xlsx; the csv imports back unchanged', async () => {
    const response = await t.call('GET', '/api/v1/enterprises/export?format=csv&divisionCode=330503&q=南浔路由测试', { cookie: cookies.dispatcher });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^统一社会信用代码,企业名称/);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([code(1), code(3), code(4)].sort());
    expect(lines[1]).toMatch(/规上企业/);
    const again = await upload('admin', Buffer.from(response.body), '', 'export.csv');
    expect((await finished('admin', again.json().jobId)).result).toMatchObject({ total: 3, unchanged: 3, created: 0, updated: 0, errorCount: 0 });

    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises/export?format=xlsx&size=small&divisionCode=330503', headers: { cookie: cookies.leader } });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    const codes: string[] = [];
    sheet.eachRow((row, n) => n > 1 && codes.push(String(row.getCell(1).value)));
    expect(codes).toEqual(expect.arrayContaining([code(1), code(3), code(4)]));
    // The leader does not see phone numbers in full: the column says so, and an import would leave it out.
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    expect(headers).toContain('联系电话（脱敏）');
    expect((await t.call('GET', '/api/v1/enterprises/export?format=csv', { cookie: cookies.enterprise })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/enterprises/export?format=pdf', { cookie: cookies.admin })).statusCode).toBe(400);
  });
});
