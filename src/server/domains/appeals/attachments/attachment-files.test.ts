// The pure parts of attachments: type by magic bytes, safe file names, Content-Disposition, storage keys.
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './media-type.ts';
import { contentDisposition, sanitiseFileName } from './file-name.ts';
import { storageKeyFor } from './attachment-store.ts';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it('knows each accepted type by its first bytes', () => {
    expect(sniffMediaType(bytes([0x89], 'PNG\r\n\x1a\n', 'IHDR'))).toBe('image/png');
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffMediaType(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffMediaType(bytes('GIF87a'))).toBe('image/gif');
    expect(sniffMediaType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses everything else, however it is named', () => {
    expect(sniffMediaType(bytes('MZ', [0x90, 0, 3, 0]))).toBeNull(); // a Windows executable
    expect(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffMediaType(bytes('PK', [3, 4]))).toBeNull(); // zip, docx
    expect(sniffMediaType(bytes(' %PDF-1.4'))).toBeNull();
    expect(sniffMediaType(bytes([0x89], 'PN'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});

describe('sanitiseFileName', () => {
  it('keeps a good Chinese name as it is', () => {
    expect(sanitiseFileName('营业执照副本.pdf', 'application/pdf')).toBe('营业执照副本.pdf');
    expect(sanitiseFileName('现场照片.JPEG', 'image/jpeg')).toBe('现场照片.JPEG');
  });

  it('drops path parts, control and direction-override characters and leading dots', () => {
    expect(sanitiseFileName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(sanitiseFileName('C:\\Users\\王\\说明.pdf', 'application/pdf')).toBe('说明.pdf');
    expect(sanitiseFileName('a\u0000b\r\nc.png', 'image/png')).toBe('abc.png');
    expect(sanitiseFileName('invoice\u202Egnp.exe', 'image/png')).toBe('invoicegnp.exe.png');
    expect(sanitiseFileName('...hidden.pdf', 'application/pdf')).toBe('hidden.pdf');
    expect(sanitiseFileName('a<b>:"c"|?*.png', 'image/png')).toBe('a_b___c____.png');
  });

  it('gives the name the extension of the real content', () => {
    expect(sanitiseFileName('setup.exe', 'image/png')).toBe('setup.exe.png');
    expect(sanitiseFileName('report', 'application/pdf')).toBe('report.pdf');
    expect(sanitiseFileName('', 'image/gif')).toBe('附件.gif');
    expect(sanitiseFileName(undefined, 'image/webp')).toBe('附件.webp');
    expect(sanitiseFileName('.png', 'image/png')).toBe('png.png');
  });

  it('cuts long names to 200 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('长.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('always downloads, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('说明 (1).pdf')).toBe(`attachment; filename="__ (1).pdf"; filename*=UTF-8''%E8%AF%B4%E6%98%8E%20%281%29.pdf`);
    expect(contentDisposition('a"b\\c.png')).toBe(`attachment; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`);
  });
});

describe('storageKeyFor', () => {
  it('files by year and month in Shanghai time', () => {
    expect(storageKeyFor('x', new Date('2026-11-30T16:30:00Z'))).toBe('attachments/2026/12/x');
    expect(storageKeyFor('x', new Date('2026-11-30T15:30:00Z'))).toBe('attachments/2026/11/x');
  });
});
