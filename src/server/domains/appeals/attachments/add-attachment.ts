// Adding an attachment: the appeal re-checked under lock, the file renamed into place, then the record, a timeline event and an audit event in one transaction.
import { MAX_ATTACHMENTS_PER_APPEAL, type AttachmentView } from '../../../../shared/schemas/attachments.ts';
import type { AppealStatus } from '../../../../shared/schemas/appeals.ts';
import type { Executor } from '../../../db/transaction.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { RequestContext } from '../../../http/context.ts';
import { AppError, conflict, forbidden } from '../../../http/errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { findVisibleAppeal, partsOf } from '../appeal.access.ts';
import { canAttachInternal, isFinished, playsAPart } from './attachment-rules.ts';
import { findAttachment, countAttachments, toAttachmentView } from './attachment.repository.ts';
import { placeFile, type ReceivedFile } from './attachment-store.ts';

export interface Upload {
  file: ReceivedFile;
  fileName: string;
  internal: boolean;
}

/**
 * The appeal, when the caller may add to it: 404 when they may not see it, 403 when they only read it
 * (or ask for an internal attachment without seeing internal records), 409 once it is closed, rejected or merged.
 */
export async function attachableAppeal(db: Executor, actor: Actor, appealId: string, options: { internal?: boolean; forUpdate?: boolean } = {}) {
  const { row, scope } = await findVisibleAppeal(db, actor, appealId, { forUpdate: options.forUpdate });
  const parts = partsOf(actor, row, scope);
  const status = row.status as AppealStatus;
  if (!playsAPart(parts)) throw forbidden('只有办理或提出诉求的一方可以上传材料 / only those who work on or raised the appeal may add attachments');
  if (isFinished(status)) {
    throw new AppError('invalid_transition', `诉求状态为 ${status}，不能再上传材料 / no attachments can be added to an appeal that is ${status}`);
  }
  if (options.internal && !canAttachInternal(actor, parts, status)) {
    throw new AppError('forbidden', '无权上传内部材料 / you may not add internal attachments', [{ path: 'internal', message: 'not allowed' }]);
  }
  return row;
}

export async function addAttachment(db: Executor, ctx: RequestContext, actor: Actor, appealId: string, upload: Upload, at: Date): Promise<AttachmentView> {
  const { file, fileName, internal } = upload;
  return inTransaction(db, async (trx) => {
    await attachableAppeal(trx, actor, appealId, { internal, forUpdate: true });
    if ((await countAttachments(trx, appealId)) >= MAX_ATTACHMENTS_PER_APPEAL) {
      throw conflict(`每件诉求最多 ${MAX_ATTACHMENTS_PER_APPEAL} 个附件 / at most ${MAX_ATTACHMENTS_PER_APPEAL} attachments per appeal`, 'file');
    }
    // In place before the commit: once the caller hears "received", the file is on disk under its final name.
    await placeFile(file);
    await trx
      .insertInto('appeal_attachments')
      .values({
        id: file.id,
        appeal_id: appealId,
        file_name: fileName,
        media_type: file.mediaType,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        storage_key: file.storageKey,
        uploaded_by: actor.userId,
        uploaded_at: at,
        internal,
      })
      .execute();
    await trx
      .insertInto('appeal_events')
      .values({
        appeal_id: appealId,
        at,
        actor_id: actor.userId,
        actor_unit_id: actor.orgUnitId,
        action: 'attachment_added',
        from_status: null,
        to_status: null,
        note: null,
        data: JSON.stringify({ attachmentId: file.id, fileName }),
        internal,
      })
      .execute();
    const view = toAttachmentView((await findAttachment(trx, appealId, file.id))!);
    // The audit append serialises writers until commit, so it goes last.
    await recordAudit(
      trx,
      ctx,
      { action: 'appeal.attachment.add', entityType: 'appeal_attachment', entityId: file.id, before: null, after: { appealId, fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, internal } },
      at,
    );
    return view;
  });
}
