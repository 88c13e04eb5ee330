// The dialog to create an API token (name, lifetime), then to show its secret once with a copy button.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { createApiToken, tokenKeys } from './api.ts';

const lifetimes = [30, 90, 180, 365] as const;

interface Values {
  name: string;
  expiresInDays: number | 0;
}

export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (values: Values) => createApiToken({ name: values.name.trim(), expiresInDays: values.expiresInDays || undefined }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.list }),
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });
  const created = create.data;
  const resetCreation = create.reset;

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      resetCreation();
    }
  }, [open, form, resetCreation]);

  return (
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.newToken')}
      onCancel={onClose}
      onOk={created ? onClose : () => form.validateFields().then((values) => create.mutate(values), () => undefined)}
      okText={created ? t('tokens.savedIt') : t('common.create')}
      cancelText={t('common.cancel')}
      cancelButtonProps={created ? { style: { display: 'none' } } : undefined}
      confirmLoading={create.isPending}
      mask={{ closable: !created }}
      destroyOnHidden
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.onceWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>{t('tokens.createdFor', { name: created.name })}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }} code data-testid="token-secret" style={{ wordBreak: 'break-all', fontSize: '1.05em' }}>
            {created.token}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <ErrorAlert error={error} />
          <Form form={form} layout="vertical" requiredMark={false} initialValues={{ expiresInDays: 90 }}>
            <Form.Item name="name" label={t('tokens.name')} extra={t('tokens.nameHint')} rules={[{ required: true, whitespace: true, max: 64, message: t('common.required') }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t('tokens.lifetime')}>
              <Select options={[...lifetimes.map((days) => ({ value: days, label: t('tokens.days', { n: days }) })), { value: 0, label: t('tokens.noExpiry') }]} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
