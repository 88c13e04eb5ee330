// What may be attached (images and PDFs up to 20 MB), checked in the browser before uploading; the server checks the content again.
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const acceptedFiles = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,.png,.jpg,.jpeg,.gif,.webp,.pdf';

const allowedExtension = /\.(png|jpe?g|gif|webp|pdf)$/i;

/** null when the file may be uploaded, else the i18n key (under appeals.attachments) of the reason. */
export function checkFile(file: { name: string; size: number }): 'tooLarge' | 'wrongType' | null {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'tooLarge';
  if (!allowedExtension.test(file.name)) return 'wrongType';
  return null;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
