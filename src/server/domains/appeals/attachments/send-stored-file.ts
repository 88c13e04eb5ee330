// Answers a download with a stored attachment: its checked media type, always as a download, never sniffed, never cached, sandboxed.
import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { storagePath } from './attachment-store.ts';
import { contentDisposition } from './file-name.ts';

export interface StoredFile {
  storage_key: string;
  media_type: string;
  size_bytes: number | string;
  file_name: string;
}

export async function sendStoredFile(reply: FastifyReply, dataDir: string, file: StoredFile): Promise<fs.ReadStream> {
  const stream = fs.createReadStream(storagePath(dataDir, file.storage_key));
  // Opening fails here (a missing file is a 500 worth logging), not halfway through the response.
  await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  reply.headers({
    'content-type': file.media_type,
    'content-length': String(file.size_bytes),
    'content-disposition': contentDisposition(file.file_name),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  return stream;
}
