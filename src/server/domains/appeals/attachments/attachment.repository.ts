// Reading attachment records: one appeal's list (internal ones only for those who see internal records) and one attachment.
import type { AttachmentMediaType, AttachmentView } from '../../../../shared/schemas/attachments.ts';
import type { Executor } from '../../../db/transaction.ts';

const columns = [
  'a.id', 'a.appeal_id', 'a.file_name', 'a.media_type', 'a.size_bytes', 'a.sha256', 'a.storage_key', 'a.internal', 'a.uploaded_by', 'a.uploaded_at', 'u.display_name as uploader_name',
] as const;

const selectAttachments = (db: Executor) => db.selectFrom('appeal_attachments as a').leftJoin('users as u', 'u.id', 'a.uploaded_by').select(columns);

type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectAttachments>['executeTakeFirstOrThrow']>>;

export function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    appealId: row.appeal_id,
    fileName: row.file_name,
    mediaType: row.media_type as AttachmentMediaType,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    internal: row.internal,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploader_name,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

export async function listAttachments(db: Executor, appealId: string, options: { includeInternal: boolean }): Promise<AttachmentView[]> {
  let query = selectAttachments(db).where('a.appeal_id', '=', appealId);
  if (!options.includeInternal) query = query.where('a.internal', '=', false);
  const rows = await query.orderBy('a.uploaded_at').orderBy('a.id').execute();
  return rows.map(toAttachmentView);
}

export async function findAttachment(db: Executor, appealId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  return selectAttachments(db).where('a.appeal_id', '=', appealId).where('a.id', '=', attachmentId).executeTakeFirst();
}

export async function countAttachments(db: Executor, appealId: string): Promise<number> {
  const row = await db.selectFrom('appeal_attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('appeal_id', '=', appealId).executeTakeFirstOrThrow();
  return Number(row.n);
}
