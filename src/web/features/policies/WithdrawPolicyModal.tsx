// 废止: the policy officer withdraws a published policy with a reason, after reading what withdrawal does.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message.ts';
import { policyKeys, withdrawPolicy } from './api.ts';
import './messages.ts';

export function WithdrawPolicyModal({ policyId, open, onClose }: { policyId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationFn: (reason: string) => withdrawPolicy(policyId, reason),
    onSuccess: (view) => {
      queryClient.setQueryData(policyKeys.detail(policyId), view);
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      void message.success(t('policiesPage.withdraw.done'));
      onClose();
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });
  return (
    <Modal
      open={open}
      title={t('policiesPage.withdraw.title')}
      okText={t('policiesPage.withdraw.confirm')}
      okButtonProps={{ danger: true, loading: withdraw.isPending, 'data-testid': 'policy-withdraw-confirm' } as ButtonProps}
      onOk={() => void form.validateFields().then((v) => withdraw.mutate(v.reason.trim()), () => undefined /* the form shows what is missing */)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('policiesPage.withdraw.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('policiesPage.withdraw.reason')} rules={[{ required: true, whitespace: true, message: t('policiesPage.withdraw.reason') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('policiesPage.withdraw.reasonPlaceholder')} data-testid="policy-withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
