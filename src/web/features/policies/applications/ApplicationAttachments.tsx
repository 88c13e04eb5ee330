// The materials of an application: download links for whoever may see it, and an upload button (the appeals' file rules) while the applicant may still attach.
import { FileOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatBytes } from '../../appeals/attachment-rules.ts';
import { AttachmentPicker } from '../../appeals/AttachmentPicker.tsx';
import { applicationAttachmentUrl, applicationKeys, uploadApplicationAttachment, type PolicyApplication } from './api.ts';
import './messages.ts';

export function ApplicationAttachments({ application }: { application: PolicyApplication }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const canAttach = application.abilities.includes('attach');

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await uploadApplicationAttachment(application.id, file);
      void message.success(t('policyApplications.attachments.uploaded', { name: file.name }));
      await queryClient.invalidateQueries({ queryKey: applicationKeys.detail(application.id) });
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="application-attachments" data-count={application.attachments.length}>
      {application.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policyApplications.attachments.empty')} />
      ) : (
        <Flex vertical gap={8} role="list">
          {application.attachments.map((item) => (
            <Flex key={item.id} gap={8} align="center" wrap role="listitem" style={{ minWidth: 0 }}>
              <FileOutlined />
              <a href={applicationAttachmentUrl(application.id, item.id)} download={item.fileName} style={{ wordBreak: 'break-all' }} data-testid="application-attachment">
                {item.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {formatBytes(item.size)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {canAttach && (
        <Flex gap={12} align="center" wrap>
          <AttachmentPicker label={t('policyApplications.attachments.upload')} uploading={uploading} onFile={(file) => void upload(file)} testId="application-attachment-upload" />
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {t('appeals.attachments.rule')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
