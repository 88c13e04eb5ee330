// The materials of an appeal: download links, and an upload button (images and PDFs up to 20 MB) for those who may attach.
import { FileOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { appealKeys, attachmentUrl, fetchAttachments, uploadAttachment } from './api.ts';
import { formatBytes } from './attachment-rules.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';

export function AttachmentsPanel({ appealId, canAttach, canMarkInternal }: { appealId: string; canAttach: boolean; canMarkInternal: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const [internal, setInternal] = useState(false);
  const [uploading, setUploading] = useState(false);
  const { data, error, refetch } = useQuery({ queryKey: appealKeys.attachments(appealId), queryFn: () => fetchAttachments(appealId) });
  const items = data?.items ?? [];

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await uploadAttachment(appealId, file, internal);
      void message.success(t('appeals.attachments.uploaded', { name: file.name }));
      void queryClient.invalidateQueries({ queryKey: appealKeys.attachments(appealId) });
      void queryClient.invalidateQueries({ queryKey: appealKeys.events(appealId) });
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="appeal-attachments">
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appeals.attachments.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
                <FileOutlined />
                <a href={attachmentUrl(appealId, item.id)} download={item.fileName} style={{ wordBreak: 'break-all' }}>
                  {item.fileName}
                </a>
                {item.internal && (
                  <Tag icon={<LockOutlined />} color="default">
                    {t('appeals.attachments.internal')}
                  </Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                  {[formatBytes(item.sizeBytes), item.uploadedByName, formatDateTime(item.uploadedAt, locale)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {canAttach && (
        <Flex gap={12} align="center" wrap>
          <AttachmentPicker label={t('appeals.attachments.upload')} uploading={uploading} onFile={(file) => void upload(file)} testId="attachment-upload" />
          {canMarkInternal && (
            <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
              {t('appeals.attachments.markInternal')}
            </Checkbox>
          )}
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {t('appeals.attachments.rule')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
