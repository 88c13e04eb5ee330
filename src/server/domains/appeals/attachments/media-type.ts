// The media type of an upload from its first bytes (magic numbers); the name and declared type are never trusted.
import type { AttachmentMediaType } from '../../../../shared/schemas/attachments.ts';

/** Enough bytes to tell every accepted type apart (WebP needs 12). */
export const SNIFF_BYTES = 16;

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const signatures: Array<{ type: AttachmentMediaType; test: (head: Uint8Array) => boolean }> = [
  { type: 'image/png', test: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', test: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', test: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')) },
  { type: 'image/webp', test: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
  { type: 'application/pdf', test: (h) => startsWith(h, ascii('%PDF-')) },
];

export function sniffMediaType(head: Uint8Array): AttachmentMediaType | null {
  return signatures.find((s) => s.test(head))?.type ?? null;
}

/** File-name extensions per type, the usual one first. */
export const extensionsOf: Record<AttachmentMediaType, readonly string[]> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
};
