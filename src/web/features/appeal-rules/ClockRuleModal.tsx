// Editing the four stage durations of one category (or the default) and urgency; the server's checks appear at the fields.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { putClockRule, ruleKeys } from './api.ts';
import { dayFields, type ClockRuleRow, type Durations } from './clock-rules.ts';

/** `1`, not the `1.0` the half-day step would otherwise show; what is being typed is left alone. */
const plainNumber = (value: string | number | undefined, info: { userTyping: boolean; input: string }) =>
  info.userTyping ? info.input : value === undefined || value === '' ? '' : String(Number(value));

export interface ClockRuleTarget {
  row: ClockRuleRow;
  categoryLabel: string;
}

export function ClockRuleModal({ target, onClose }: { target: ClockRuleTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Durations>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.row.durations) form.setFieldsValue(target.row.durations);
  }, [target, form]);

  const save = useMutation({
    mutationFn: (values: Durations) => putClockRule({ categoryId: target!.row.categoryId, urgency: target!.row.urgency, ...values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ruleKeys.rules });
      void message.success(t('appealRules.clocks.saved'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={!!target}
      title={target ? t('appealRules.clocks.modalTitle', { category: target.categoryLabel, urgency: t(`appeals.urgencies.${target.row.urgency}`) }) : ''}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('appealRules.clocks.modalHint')}</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 8 }} data-testid="clock-rule-form">
        {dayFields.map((field) => (
          <Form.Item key={field} name={field} label={t(`appealRules.clocks.${field}`)} rules={[{ required: true, message: t('common.required') }]}>
            {/* No min/max/step enforcement here: the server's rule (0.5 … 60, halves) is the one that counts, and its message shows at the field. */}
            <InputNumber step={0.5} formatter={plainNumber} suffix={t('appealRules.clocks.unit')} style={{ width: 200 }} data-testid={`clock-rule-${field}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
