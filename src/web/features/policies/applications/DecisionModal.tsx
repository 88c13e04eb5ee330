// The reviewer's dialog: approve with the amount (prefilled with the estimate) and a note, or reject with a required reason; posts it and shows the updated application.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { applicationKeys, approveApplication, rejectApplication, type PolicyApplication } from './api.ts';
import { isPositiveAmount } from './application-rules.ts';
import './messages.ts';

export type Decision = 'approve' | 'reject';

interface Values {
  amount?: string;
  note?: string;
  reason?: string;
}

export function DecisionModal({ application, decision, estimate, onClose }: { application: PolicyApplication; decision: Decision; estimate: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The estimate may arrive after the dialog opened; it fills the amount until the reviewer types one.
  useEffect(() => {
    if (estimate && !form.isFieldTouched('amount')) form.setFieldValue('amount', estimate);
  }, [estimate, form]);

  const run = useMutation({
    mutationFn: (values: Values) =>
      decision === 'approve'
        ? approveApplication(application.id, { ...(values.amount?.trim() ? { amount: values.amount.trim() } : {}), ...(values.note?.trim() ? { note: values.note.trim() } : {}) })
        : rejectApplication(application.id, { reason: (values.reason ?? '').trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), updated);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void message.success(t(`policyApplications.${decision}.done`, { number: application.number }));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) void message.error(errorMessage(failure, t));
    },
  });

  return (
    <Modal
      open
      title={t(`policyApplications.${decision}.title`, { number: application.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`policyApplications.actions.${decision}`)}
      cancelText={t('policyApplications.actions.cancel')}
      okButtonProps={{ danger: decision === 'reject', 'data-testid': 'decision-confirm' } as never}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{application.enterprise.name} · {application.policyTitle}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ amount: estimate ?? undefined }} onFinish={(values) => run.mutate(values)} data-testid={`decision-form-${decision}`}>
        {decision === 'approve' ? (
          <>
            <Form.Item
              name="amount"
              label={t('policyApplications.approve.amount')}
              extra={estimate ? t('policyApplications.approve.amountHint', { wan: estimate }) : t('policyApplications.approve.amountDefault')}
              rules={[{ validator: (_, value?: string) => (!value?.trim() || isPositiveAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('policyApplications.approve.amountRule')))) }]}
            >
              <Input inputMode="decimal" data-testid="decision-amount" />
            </Form.Item>
            <Form.Item name="note" label={t('policyApplications.approve.note')}>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="decision-note" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('policyApplications.reject.reason')} rules={[{ required: true, whitespace: true, message: t('policyApplications.reject.reasonRequired') }]}>
            <Input.TextArea rows={4} maxLength={500} showCount data-testid="decision-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
