// Upload file names made safe to store and to send back: no path, no control or direction-override characters, the extension of the real type, at most 200 characters.
import { MAX_ATTACHMENT_NAME, type AttachmentMediaType } from '../../../../shared/schemas/attachments.ts';
import { extensionsOf } from './media-type.ts';

// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const reserved = /[<>:"|?*]/g;

export function sanitiseFileName(raw: string | undefined, mediaType: AttachmentMediaType): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(invisible, '').replace(reserved, '_').trim().replace(/^\.+/, '').trim();
  const extensions = extensionsOf[mediaType];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  // A PNG called 说明.exe is downloaded as 说明.exe.png: the name never promises another type than the content.
  const suffix = extensions.includes(extension) ? name.slice(dot) : extensions[0]!;
  let stem = extensions.includes(extension) ? name.slice(0, dot) : name;
  if (!stem) stem = '附件';
  const room = MAX_ATTACHMENT_NAME - suffix.length;
  const chars = [...stem];
  name = (chars.length > room ? chars.slice(0, room).join('') : stem) + suffix;
  return name;
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
