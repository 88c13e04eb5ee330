// Attachment files under the data directory: streamed to a temporary file beside their final place, hashed, synced, then renamed into place.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { attachmentMediaTypes, MAX_ATTACHMENT_BYTES, type AttachmentMediaType } from '../../../../shared/schemas/attachments.ts';
import { AppError, invalid } from '../../../http/errors.ts';
import { SNIFF_BYTES, sniffMediaType } from './media-type.ts';

export interface ReceivedFile {
  /** Also the attachment's id. */
  id: string;
  /** Relative to the data directory, so that the directory can move: attachments/YYYY/MM/<id>. */
  storageKey: string;
  tempPath: string;
  finalPath: string;
  sizeBytes: number;
  sha256: string;
  mediaType: AttachmentMediaType;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Month folders in Shanghai time keep directories small and make old files easy to find. */
export function storageKeyFor(id: string, at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return path.posix.join('attachments', local.slice(0, 4), local.slice(5, 7), id);
}

export const storagePath = (dataDir: string, storageKey: string): string => path.join(dataDir, ...storageKey.split('/'));

function refusedTypeMessage(accepted: readonly AttachmentMediaType[]): string {
  if (accepted.length === attachmentMediaTypes.length) return '只接受 PNG、JPEG、GIF、WebP 图片和 PDF 文件 / only PNG, JPEG, GIF, WebP images and PDF files are accepted';
  const names = accepted.map((t) => (t === 'application/pdf' ? 'PDF' : t === 'image/webp' ? 'WebP' : t.slice(6).toUpperCase())).join(', ');
  return `只接受 ${names} 文件 / only ${names} files are accepted`;
}

async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/** Drops a received file wherever it is (temporary or placed): the upload was refused, failed or was a repeat. */
export async function discardFile(file: Pick<ReceivedFile, 'tempPath' | 'finalPath'>): Promise<void> {
  await Promise.all([removeQuietly(file.tempPath), removeQuietly(file.finalPath)]);
}

/**
 * Streams an upload to disk, hashing it and deciding its type from its first bytes. An upload that is empty,
 * over the limit (or cut short by the multipart limit: `truncated`) or of another type is read to the end, kept nowhere, and refused.
 */
export async function receiveFile(
  stream: AsyncIterable<Buffer> & { truncated?: boolean },
  dataDir: string,
  at: Date,
  accepted: readonly AttachmentMediaType[] = attachmentMediaTypes,
): Promise<ReceivedFile> {
  const sniff = (head: Uint8Array): AttachmentMediaType | null => {
    const type = sniffMediaType(head);
    return type !== null && accepted.includes(type) ? type : null;
  };
  const id = crypto.randomUUID();
  const storageKey = storageKeyFor(id, at);
  const finalPath = storagePath(dataDir, storageKey);
  const tempPath = path.join(path.dirname(finalPath), `.${id}.part`);
  await fs.mkdir(path.dirname(finalPath), { recursive: true });
  const hash = crypto.createHash('sha256');
  let head = Buffer.alloc(0);
  let sizeBytes = 0;
  let mediaType: AttachmentMediaType | null | undefined;
  const handle = await fs.open(tempPath, 'wx', 0o600);
  try {
    for await (const chunk of stream) {
      sizeBytes += chunk.length;
      if (mediaType === undefined && head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (head.length >= SNIFF_BYTES) mediaType = sniff(head);
      }
      if (mediaType === null || sizeBytes > MAX_ATTACHMENT_BYTES) continue;
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await removeQuietly(tempPath);
    throw error;
  }
  await handle.close();
  mediaType ??= sniff(head);
  const refusal =
    stream.truncated || sizeBytes > MAX_ATTACHMENT_BYTES
      ? new AppError('payload_too_large', '文件不能超过 20 MB / a file is at most 20 MB', [{ path: 'file', message: 'larger than 20 MB' }])
      : sizeBytes === 0
        ? invalid('file', '文件为空 / the file is empty')
        : mediaType === null
          ? new AppError('unsupported_media_type', refusedTypeMessage(accepted), [{ path: 'file', message: 'not an image or PDF' }])
          : null;
  if (refusal || !mediaType) {
    await removeQuietly(tempPath);
    throw refusal ?? invalid('file', '无法识别文件类型 / unknown file type');
  }
  return { id, storageKey, tempPath, finalPath, sizeBytes, sha256: hash.digest('hex'), mediaType };
}

/** The rename is atomic; syncing the directory makes the new name survive a crash, so a committed record always finds its file. */
export async function placeFile(file: ReceivedFile): Promise<void> {
  await fs.rename(file.tempPath, file.finalPath);
  const directory = await fs.open(path.dirname(file.finalPath), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
