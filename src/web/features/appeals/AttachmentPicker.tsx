// The upload button of materials (images and PDFs up to 20 MB), shared by appeals and policy applications: checks each file before handing it over.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { acceptedFiles, checkFile } from './attachment-rules.ts';

export function AttachmentPicker({ label, uploading, onFile, testId }: { label: string; uploading: boolean; onFile: (file: File) => void; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept={acceptedFiles}
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = checkFile(file);
        if (problem) void message.error(t(`appeals.attachments.${problem}`, { name: file.name }));
        else onFile(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={uploading} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  );
}
