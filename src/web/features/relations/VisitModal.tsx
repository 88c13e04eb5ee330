// The visit log form: date, whom the cadre met, what was learned, and optionally "转为诉求" — the problem registered as a field_visit appeal with the visit.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { logVisit, relationKeys } from './api.ts';
import './messages.ts';

interface Values {
  visitedOn: Dayjs;
  metWith?: string;
  findings: string;
  toAppeal: boolean;
  appealTitle?: string;
  appealContent?: string;
}

export function VisitModal({ assignment, onClose }: { assignment: AssignmentView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const toAppeal = Form.useWatch('toAppeal', form);

  useEffect(() => {
    if (assignment) {
      form.resetFields();
      setError(null);
    }
  }, [assignment, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      logVisit(assignment!.id, {
        visitedOn: values.visitedOn.format('YYYY-MM-DD'),
        metWith: values.metWith?.trim() || undefined,
        findings: values.findings.trim(),
        appeal: values.toAppeal ? { title: values.appealTitle!.trim(), content: values.appealContent!.trim() } : undefined,
      }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: relationKeys.all });
      void message.success(result.appeal ? t('relations.visitSavedWithAppeal', { number: result.appeal.number }) : t('relations.visitSaved'));
      onClose();
    },
    onError: (failure) => {
      // Appeal fields come back as appeal.title etc.; the form names them appealTitle.
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={assignment !== null}
      title={`${t('relations.logVisit')} · ${assignment?.enterpriseName ?? assignment?.projectName ?? ''}`}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ visitedOn: dayjs(), toAppeal: false }} data-testid="visit-form">
        <Form.Item name="visitedOn" label={t('relations.visitedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="metWith" label={t('relations.metWith')}>
          <Input maxLength={200} data-testid="visit-met-with" />
        </Form.Item>
        <Form.Item name="findings" label={t('relations.findings')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="visit-findings" />
        </Form.Item>
        <Form.Item name="toAppeal" valuePropName="checked" extra={<Typography.Text type="secondary">{t('relations.toAppealHint')}</Typography.Text>}>
          <Checkbox data-testid="visit-to-appeal">{t('relations.toAppeal')}</Checkbox>
        </Form.Item>
        {toAppeal && (
          <>
            <Form.Item name="appealTitle" label={t('relations.appealTitle')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={200} data-testid="visit-appeal-title" />
            </Form.Item>
            <Form.Item name="appealContent" label={t('relations.appealContent')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input.TextArea rows={4} maxLength={5000} data-testid="visit-appeal-content" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
