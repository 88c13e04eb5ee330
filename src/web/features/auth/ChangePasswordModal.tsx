// A dialog to change one's own password (current + new twice), opened from the user menu.
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isApiError } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { changePassword } from './api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void message.success(t('profile.passwordChanged'));
      form.resetFields();
      onClose();
    } catch (failure) {
      if (!applyFieldErrors(form, failure)) setError(failure);
      if (isApiError(failure) && failure.code === 'invalid_credentials') form.setFields([{ name: 'currentPassword', errors: [t('profile.currentPasswordWrong')] }]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title={t('profile.changePassword')} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <ErrorAlert error={isApiError(error) && error.code === 'invalid_credentials' ? null : error} />
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('profile.newPassword')} extra={t('users.passwordHint')} rules={[{ required: true, min: 10, message: t('users.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('profile.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
