// Route tests of appeal attachments: type by content, size limit, durable storage, who may upload, list and download per caller, internal ones, idempotency.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { appealKit, type AppealKit } from '../../../../../test/helpers/appeals.ts';
import { fixedClock } from '../../../platform/clock.ts';

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** A multipart/form-data body built by hand, as a browser would send it. */
function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----qinqing${crypto.randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('data' in p) chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`), p.data, Buffer.from('\r\n'));
    else chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

const clock = fixedClock('2026-11-24T10:00:00+08:00');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinqing-attachments-'));
const attachmentsDir = path.join(dataDir, 'attachments');
let t: TestApp;
let k: AppealKit;
let appealId: string;
const users = ['dispatcher', 'handler-zjj', 'handler-swj', 'followup', 'enterprise', 'enterprise2', 'leader', 'admin'];

/** Every file under the attachments directory, temporary ones included. */
function storedFiles(): string[] {
  if (!fs.existsSync(attachmentsDir)) return [];
  return (fs.readdirSync(attachmentsDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(attachmentsDir, f)).isFile()).sort();
}
const rowCount = async () => Number((await t.deps.db.selectFrom('appeal_attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

function upload(as: string, id: string, parts: Part[], headers: Record<string, string> = {}) {
  const { payload, contentType } = multipart(parts);
  return t.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/attachments`, payload, headers: { cookie: k.cookies[as]!, 'content-type': contentType, ...headers } });
}
const file = (data: Buffer, filename: string, type: string): Part => ({ name: 'file', filename, type, data });
const download = (as: string, id: string, attachmentId: string) => t.call('GET', `/api/v1/appeals/${id}/attachments/${attachmentId}`, { cookie: k.cookies[as] });
const list = async (as: string, id: string) => {
  const response = await t.call('GET', `/api/v1/appeals/${id}/attachments`, { cookie: k.cookies[as] });
  return { status: response.statusCode, ids: response.statusCode === 200 ? (response.json().items as Array<{ id: string }>).map((i) => i.id) : [] };
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { QINQING_DATA_DIR: dataDir } });
  k = await appealKit(t, users);
  appealId = await k.prepare('signed');
});

describe('POST /api/v1/appeals/{id}/attachments', () => {
  let pngId: string;

  it('stores a PNG from the enterprise that raised the appeal: on disk under the data directory, recorded, on the timeline, audited', async () => {
    const response = await upload('enterprise', appealId, [file(PNG, '现场照片.png', 'image/png')]);
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ appealId, fileName: '现场照片.png', mediaType: 'image/png', sizeBytes: PNG.length, sha256: sha256(PNG), internal: false, uploadedAt: clock.now().toISOString() });
    pngId = view.id;
    expect(fs.readFileSync(path.join(attachmentsDir, '2026', '11', pngId))).toEqual(PNG);
    expect(storedFiles()).toEqual([path.join('2026', '11', pngId)]);

    const events = (await t.call('GET', `/api/v1/appeals/${appealId}/events`, { cookie: k.cookies['handler-zjj'] })).json().items as Array<{ action: string; data: Record<string, unknown> }>;
    expect(events.at(-1)).toMatchObject({ action: 'attachment_added', data: { attachmentId: pngId, fileName: '现场照片.png' } });
    const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity_id', '=', pngId).execute();
    expect(audit).toEqual([{ action: 'appeal.attachment.add', entity_id: pngId }]);
  });

  it('decides the type by content: a PDF sent as octet-stream without extension is a PDF, an .exe renamed .png is refused', async () => {
    const pdf = await upload('handler-zjj', appealId, [file(PDF, 'report', 'application/octet-stream')]);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mediaType: 'application/pdf', fileName: 'report.pdf' });

    const before = { rows: await rowCount(), files: storedFiles() };
    const exe = await upload('enterprise', appealId, [file(EXE, 'photo.png', 'image/png')]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'unsupported_media_type', details: [{ path: 'file' }] });
    expect({ rows: await rowCount(), files: storedFiles() }).toEqual(before);
  });

  it('refuses a 21 MB file with 413 and keeps nothing of it', async () => {
    const before = { rows: await rowCount(), files: storedFiles() };
    const big = Buffer.alloc(21 * 1024 * 1024, 0);
    PNG.copy(big);
    const response = await upload('enterprise', appealId, [file(big, 'big.png', 'image/png')]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large', details: [{ path: 'file' }] });
    expect({ rows: await rowCount(), files: storedFiles() }).toEqual(before);
  });

  it('accepts exactly 20 MB', async () => {
    const max = Buffer.alloc(20 * 1024 * 1024, 1);
    PDF.copy(max);
    const response = await upload('handler-zjj', appealId, [file(max, '图纸.pdf', 'application/pdf')]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ sizeBytes: max.length, sha256: sha256(max) });
  });

  it('refuses what is not a single file in the field named file', async () => {
    const json = await t.call('POST', `/api/v1/appeals/${appealId}/attachments`, { cookie: k.cookies.enterprise, body: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const none = await upload('enterprise', appealId, [{ name: 'internal', value: 'false' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('file');
    const empty = await upload('enterprise', appealId, [file(Buffer.alloc(0), 'a.png', 'image/png')]);
    expect(empty.statusCode).toBe(400);
    const badFlag = await upload('handler-zjj', appealId, [{ name: 'internal', value: 'yes' }, file(PNG, 'a.png', 'image/png')]);
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().error.details[0].path).toBe('internal');
    const two = await upload('enterprise', appealId, [file(PNG, 'a.png', 'image/png'), file(PNG, 'b.png', 'image/png')]);
    expect(two.statusCode).toBe(400);
  });

  it('sanitises the file name', async () => {
    const response = await upload('enterprise', appealId, [file(PNG, '../../../etc/说明.exe', 'image/png')]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().fileName).toBe('说明.exe.png');
  });

  it('lets only those who work on or raised an open appeal upload', async () => {
    const before = { rows: await rowCount(), files: storedFiles() };
    expect((await upload('enterprise2', appealId, [file(PNG, 'a.png', 'image/png')])).statusCode).toBe(404);
    expect((await upload('handler-swj', appealId, [file(PNG, 'a.png', 'image/png')])).statusCode).toBe(404);
    expect((await upload('leader', appealId, [file(PNG, 'a.png', 'image/png')])).statusCode).toBe(403);
    expect((await upload('admin', appealId, [file(PNG, 'a.png', 'image/png')])).statusCode).toBe(403);
    const closed = await k.prepare('closed');
    const late = await upload('enterprise', closed, [file(PNG, 'a.png', 'image/png')]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('invalid_transition');
    expect({ rows: await rowCount(), files: storedFiles() }).toEqual(before);
    expect((await k.get('enterprise', closed)).json().abilities).not.toContain('attach');
    expect((await k.get('enterprise', appealId)).json().abilities).toContain('attach');
    expect((await k.get('leader', appealId)).json().abilities).not.toContain('attach');
  });

  it('honours Idempotency-Key: a repeat answers the first upload and stores nothing more; another file under the same key is refused', async () => {
    const key = crypto.randomUUID();
    const first = await upload('enterprise', appealId, [file(PDF, '补充材料.pdf', 'application/pdf')], { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const after = { rows: await rowCount(), files: storedFiles() };
    const again = await upload('enterprise', appealId, [file(PDF, '补充材料.pdf', 'application/pdf')], { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await upload('enterprise', appealId, [file(PNG, '补充材料.png', 'image/png')], { 'idempotency-key': key });
    expect(other.statusCode).toBe(409);
    expect({ rows: await rowCount(), files: storedFiles() }).toEqual(after);
  });

  describe('download and list', () => {
    it('serves the bytes to the owner and the lead handler, as a download that is never sniffed or cached', async () => {
      for (const as of ['enterprise', 'handler-zjj', 'dispatcher']) {
        const response = await download(as, appealId, pngId);
        expect(response.statusCode, `${as}: ${response.body}`).toBe(200);
        expect(response.rawPayload).toEqual(PNG);
        expect(response.headers).toMatchObject({
          'content-type': 'image/png',
          'content-disposition': `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        });
      }
    });

    it('is 404 for those who may not see the appeal, and for an attachment of another appeal', async () => {
      expect((await download('enterprise2', appealId, pngId)).statusCode).toBe(404);
      expect((await download('handler-swj', appealId, pngId)).statusCode).toBe(404);
      expect((await list('enterprise2', appealId)).status).toBe(404);
      expect((await list('handler-swj', appealId)).status).toBe(404);
      const other = await k.prepare('signed');
      expect((await download('enterprise', other, pngId)).statusCode).toBe(404);
      expect((await download('enterprise', appealId, crypto.randomUUID())).statusCode).toBe(404);
      expect((await list('enterprise', appealId)).ids).toContain(pngId);
    });
  });

  describe('internal attachments', () => {
    let internalId: string;

    it('are added by staff who work the appeal, never by the enterprise', async () => {
      const refused = await upload('enterprise', appealId, [{ name: 'internal', value: 'true' }, file(PNG, 'a.png', 'image/png')]);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details[0].path).toBe('internal');
      const response = await upload('handler-zjj', appealId, [file(PDF, '内部核查意见.pdf', 'application/pdf'), { name: 'internal', value: 'true' }]);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().internal).toBe(true);
      internalId = response.json().id;
    });

    it('are hidden from the enterprise: not listed, 404 to download, not on its timeline', async () => {
      expect((await list('enterprise', appealId)).ids).not.toContain(internalId);
      expect((await list('handler-zjj', appealId)).ids).toContain(internalId);
      expect((await list('leader', appealId)).ids).toContain(internalId);
      expect((await download('enterprise', appealId, internalId)).statusCode).toBe(404);
      expect((await download('handler-zjj', appealId, internalId)).statusCode).toBe(200);
      const events = (await t.call('GET', `/api/v1/appeals/${appealId}/events`, { cookie: k.cookies.enterprise })).json().items as Array<{ action: string }>;
      const staffEvents = (await t.call('GET', `/api/v1/appeals/${appealId}/events`, { cookie: k.cookies['handler-zjj'] })).json().items as Array<{ action: string }>;
      const count = (items: Array<{ action: string }>) => items.filter((e) => e.action === 'attachment_added').length;
      expect(count(staffEvents)).toBe(count(events) + 1);
    });
  });

  it('removes the file again when the transaction fails after it was put in place', async () => {
    // Fault injection on this test's own database: the timeline insert (after the rename) fails for one file name.
    await sql`CREATE FUNCTION fail_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.data->>'fileName' = 'boom.png' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`.execute(t.deps.db);
    await sql`CREATE TRIGGER fail_boom BEFORE INSERT ON appeal_events FOR EACH ROW EXECUTE FUNCTION fail_boom()`.execute(t.deps.db);
    const before = { rows: await rowCount(), files: storedFiles() };
    const response = await upload('enterprise', appealId, [file(PNG, 'boom.png', 'image/png')]);
    expect(response.statusCode).toBe(500);
    expect({ rows: await rowCount(), files: storedFiles() }).toEqual(before);
    await sql`DROP TRIGGER fail_boom ON appeal_events`.execute(t.deps.db);
  });

  it('keeps to 50 attachments per appeal', async () => {
    const id = await k.prepare('signed');
    for (let i = 0; i < 50; i++) expect((await upload('handler-zjj', id, [file(PNG, `${i}.png`, 'image/png')])).statusCode).toBe(201);
    const before = { rows: await rowCount(), files: storedFiles() };
    const response = await upload('handler-zjj', id, [file(PNG, '51.png', 'image/png')]);
    expect(response.statusCode).toBe(409);
    expect({ rows: await rowCount(), files: storedFiles() }).toEqual(before);
  });

  it('leaves no temporary files behind', () => {
    expect(storedFiles().filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
