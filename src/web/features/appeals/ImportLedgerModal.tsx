// Import of historical appeals from the old ledger (xlsx/csv): a dry run first that lists each row's problems, then the real import.
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { appealKeys, importAppeals, type ImportResult } from './api.ts';

export function ImportLedgerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setRunning(true);
    setError(null);
    try {
      const answer = await importAppeals(file, dryRun);
      setResult(answer);
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: appealKeys.all });
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  const close = () => {
    setFile(null);
    setResult(null);
    setError(null);
    onClose();
  };

  const checkedClean = result?.dryRun && result.errors.length === 0;
  return (
    <Modal open={open} title={t('appeals.import.title')} onCancel={close} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('appeals.import.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setResult(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('appeals.import.drop')}</p>
      </Upload.Dragger>
      <ErrorAlert error={error} />
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.errors.length ? 'warning' : 'success'}
          showIcon
          title={
            result.dryRun
              ? t('appeals.import.checked', { total: result.total, errors: result.errors.length })
              : t('appeals.import.imported', { imported: result.imported, total: result.total })
          }
          description={result.ignoredColumns.length > 0 ? t('appeals.import.ignored', { columns: result.ignoredColumns.join('、') }) : undefined}
        />
      )}
      {result && result.errors.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 8 }}
          columns={[
            { key: 'row', title: t('appeals.import.row'), dataIndex: 'row', width: 70 },
            { key: 'column', title: t('appeals.import.column'), dataIndex: 'column', width: 120, render: (c: string | null | undefined) => c ?? '—' },
            { key: 'message', title: t('appeals.import.message'), dataIndex: 'message' },
          ]}
        />
      )}
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button disabled={!file} loading={running} onClick={() => void run(true)}>
          {t('appeals.import.check')}
        </Button>
        <Button type="primary" disabled={!checkedClean} loading={running} onClick={() => void run(false)}>
          {t('appeals.import.run')}
        </Button>
      </Flex>
    </Modal>
  );
}
