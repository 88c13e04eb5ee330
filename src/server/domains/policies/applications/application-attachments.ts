// Attachments of an application: the applicant's enterprise adds them while it is under review (images and PDF by content, streamed to disk by the appeals' attachment store); whoever sees the application downloads them.
import { inTransaction, type Executor } from '../../../db/transaction.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError, conflict, forbidden } from '../../../http/errors.ts';
import type { ApplicationAttachment } from '../../../../shared/schemas/policy-applications.ts';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../abilities.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { placeFile } from '../../appeals/attachments/attachment-store.ts';
import type { Upload } from '../../appeals/attachments/add-attachment.ts';
import { applicationScopeFor } from '../policy.access.ts';
import { findVisibleApplication } from './application.repository.ts';

export const MAX_ATTACHMENTS_PER_APPLICATION = 30;

/** 404 when the caller may not see the application, 403 unless it is the applicant's enterprise, 409 once it is decided or withdrawn. */
export async function attachableApplication(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await findVisibleApplication(db, applicationScopeFor(actor), id, options);
  if (!can(actor, 'policy.apply') || actor.enterpriseId !== row.enterprise_id) throw forbidden('只有申报企业可以上传材料 / only the applicant may add attachments');
  if (row.status !== 'submitted') throw new AppError('invalid_transition', `申报状态为 ${row.status}，不能再上传材料 / no attachments can be added to a ${row.status} application`, [{ path: 'status', message: row.status }]);
  return row;
}

export async function addApplicationAttachment(db: Executor, ctx: RequestContext, actor: Actor, id: string, upload: Upload, at: Date): Promise<ApplicationAttachment> {
  const { file, fileName } = upload;
  return inTransaction(db, async (trx) => {
    await attachableApplication(trx, actor, id, { forUpdate: true });
    const { n } = await trx.selectFrom('policy_application_attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('application_id', '=', id).executeTakeFirstOrThrow();
    if (Number(n) >= MAX_ATTACHMENTS_PER_APPLICATION) throw conflict(`每件申报最多 ${MAX_ATTACHMENTS_PER_APPLICATION} 个附件 / at most ${MAX_ATTACHMENTS_PER_APPLICATION} attachments per application`, 'file');
    // In place before the commit: once the caller hears "received", the file is on disk under its final name.
    await placeFile(file);
    await trx
      .insertInto('policy_application_attachments')
      .values({ id: file.id, application_id: id, file_name: fileName, media_type: file.mediaType, size_bytes: file.sizeBytes, sha256: file.sha256, storage_key: file.storageKey, uploaded_by: actor.userId, uploaded_at: at })
      .execute();
    await recordAudit(trx, ctx, { action: 'policy.application.attachment.add', entityType: 'policy_application', entityId: id, before: null, after: { attachmentId: file.id, fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 } }, at);
    return { id: file.id, fileName, contentType: file.mediaType, size: file.sizeBytes };
  });
}
