// Schemas of appeal attachments: the accepted media types and size, the attachment view, the download path.
import { z } from 'zod';
import { uuid } from './common.ts';

/** Decided from the file's first bytes, never from its name or declared type. */
export const attachmentMediaTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_NAME = 200;
export const MAX_ATTACHMENTS_PER_APPEAL = 50;

/** The multipart form fields beside `file` (form fields arrive as text). */
export const attachmentFields = z.object({
  internal: z.enum(['true', 'false'], { error: 'internal 为 true 或 false / internal is true or false' }).transform((v) => v === 'true').optional(),
});

export const attachmentView = z.object({
  id: uuid,
  appealId: uuid,
  fileName: z.string(),
  mediaType: z.enum(attachmentMediaTypes),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** Seen only by the staff who work the appeal, not by the enterprise. */
  internal: z.boolean(),
  uploadedBy: uuid,
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const attachmentParams = z.object({ id: uuid, attachmentId: uuid });
