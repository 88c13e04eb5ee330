// Uploads the files chosen on a form after the record they belong to was created; one failing file does not stop the others.
import type { UploadFile } from 'antd';

/** The names and reasons of the files that failed ("a.pdf: 文件过大"), empty when all went up. */
export async function uploadEach(files: readonly UploadFile[], upload: (file: File) => Promise<unknown>, reason: (failure: unknown) => string): Promise<string[]> {
  const failed: string[] = [];
  for (const file of files) {
    if (!file.originFileObj) continue;
    try {
      await upload(file.originFileObj);
    } catch (failure) {
      failed.push(`${file.name}: ${reason(failure)}`);
    }
  }
  return failed;
}
