// HTTP routes for appeal attachments: upload (images and PDFs, type checked by content), list and download for those who may see the appeal.
import type { FastifyInstance } from 'fastify';
import { attachmentParams, attachmentView, idParams, listOf, type AttachmentView } from '../../../../shared/schemas/index.ts';
import { notFound } from '../../../http/errors.ts';
import { withIdempotency } from '../../../http/idempotency.ts';
import { authorize } from '../../abilities.ts';
import { findVisibleAppeal, partsOf, seesInternal } from '../appeal.access.ts';
import { addAttachment, attachableAppeal } from './add-attachment.ts';
import { findAttachment, listAttachments } from './attachment.repository.ts';
import { discardFile } from './attachment-store.ts';
import { sendStoredFile } from './send-stored-file.ts';
import { readUpload } from './read-upload.ts';

export function attachmentRoutes(app: FastifyInstance): void {
  const { clock, config } = app.deps;

  app.defineRoute({
    method: 'POST', url: '/api/v1/appeals/{id}/attachments', tags: ['appeals'], auth: true, status: 201,
    summary: '上传附件 / add an attachment: multipart/form-data with field `file` (PNG, JPEG, GIF, WebP or PDF, at most 20 MB, type decided by content) and optional `internal=true`; honours Idempotency-Key',
    params: idParams, response: attachmentView,
    handler: async ({ actor, ctx, db, params, request }) => {
      authorize(actor, 'appeal.read');
      // Refuse before reading the body when the caller may not add to this appeal at all.
      await attachableAppeal(db, actor, params.id);
      const at = clock.now();
      const upload = await readUpload(request, config.dataDir, at);
      const run = async (executor: typeof db) => ({ status: 201, body: await addAttachment(executor, ctx, actor, params.id, upload, at) });
      // The Idempotency-Key is checked after the file is on disk (not around the whole upload), against the file's digest as the request.
      request.body = { sha256: upload.file.sha256, sizeBytes: upload.file.sizeBytes, fileName: upload.fileName, internal: upload.internal };
      const key = request.headers['idempotency-key'];
      try {
        const outcome = typeof key === 'string' && key.length > 0 ? await withIdempotency(request, key, run) : await run(db);
        const created = outcome.body as AttachmentView;
        // A repeat answers with the first upload; this copy of the file is not needed.
        if (created.id !== upload.file.id) await discardFile(upload.file);
        return created;
      } catch (error) {
        await discardFile(upload.file);
        throw error;
      }
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/{id}/attachments', tags: ['appeals'], auth: true,
    summary: '附件列表 / the attachments of an appeal (internal ones only for the staff who work it)',
    params: idParams, response: listOf(attachmentView),
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'appeal.read');
      const { row, scope } = await findVisibleAppeal(db, actor, params.id);
      const items = await listAttachments(db, params.id, { includeInternal: seesInternal(actor, partsOf(actor, row, scope)) });
      return { items, total: items.length };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/{id}/attachments/{attachmentId}', tags: ['appeals'], auth: true,
    summary: '下载附件 / download an attachment (the stored bytes with their checked media type, always as a download)',
    params: attachmentParams,
    handler: async ({ actor, db, params, reply }) => {
      authorize(actor, 'appeal.read');
      const { row, scope } = await findVisibleAppeal(db, actor, params.id);
      const attachment = await findAttachment(db, params.id, params.attachmentId);
      if (!attachment || (attachment.internal && !seesInternal(actor, partsOf(actor, row, scope)))) throw notFound('附件 / attachment');
      return sendStoredFile(reply, config.dataDir, attachment);
    },
  });
}
