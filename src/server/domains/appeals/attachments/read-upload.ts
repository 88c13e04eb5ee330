// The multipart upload of one attachment: field `file` streamed to disk as it arrives, optional field `internal`, multipart failures in the API's error shape.
import type { FastifyRequest } from 'fastify';
import { attachmentFields, MAX_ATTACHMENT_BYTES, type AttachmentMediaType } from '../../../../shared/schemas/attachments.ts';
import { AppError, invalid } from '../../../http/errors.ts';
import { zodDetails } from '../../../http/route.ts';
import type { Upload } from './add-attachment.ts';
import { discardFile, receiveFile, type ReceivedFile } from './attachment-store.ts';
import { sanitiseFileName } from './file-name.ts';

const MAX_FIELDS = 10;

function asApiError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('payload_too_large', '文件不能超过 20 MB / a file is at most 20 MB', [{ path: 'file', message: 'larger than 20 MB' }]);
  if (code === 'FST_FILES_LIMIT') return invalid('file', '每次只能上传一个文件 / one file per request');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return invalid('body', '表单字段过多 / too many form fields');
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return invalid('body', `multipart 格式错误 / malformed multipart body: ${(error as Error).message}`);
  return error;
}

/** Reads the whole request (`accepted`: the media types allowed, all of them by default): the file lands in a temporary file beside its final place; everything is removed again if the request is refused. */
export async function readUpload(request: FastifyRequest, dataDir: string, at: Date, accepted?: readonly AttachmentMediaType[]): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件 / upload the file as multipart/form-data', [{ path: 'content-type', message: 'multipart/form-data expected' }]);
  }
  let file: ReceivedFile | null = null;
  let declaredName: string | undefined;
  const fields: Record<string, string> = {};
  try {
    const parts = request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: MAX_FIELDS } });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid(part.fieldname, '文件字段名应为 file / the file goes in the field named file');
      } else {
        file = await receiveFile(part.file, dataDir, at, accepted);
        declaredName = part.filename;
      }
    }
    if (!file) throw invalid('file', '请选择要上传的文件 / no file in the field named file');
    const parsed = attachmentFields.safeParse(fields);
    if (!parsed.success) {
      const details = zodDetails(parsed.error);
      throw new AppError('validation_failed', `${details[0]?.path}: ${details[0]?.message}`, details);
    }
    return { file, fileName: sanitiseFileName(declaredName, file.mediaType), internal: parsed.data.internal ?? false };
  } catch (error) {
    if (file) await discardFile(file);
    throw asApiError(error);
  }
}
