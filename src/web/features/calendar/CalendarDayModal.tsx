// The dialog to add or edit a calendar override: date, 休 (holiday) or 班 (make-up workday), and its name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { calendarKeys, putCalendarDay } from './api.ts';

export type CalendarDayTarget = { mode: 'create'; year: number } | { mode: 'edit'; day: CalendarDayView };

interface Values {
  date: Dayjs;
  kind: CalendarDayView['kind'];
  name: string;
}

export function CalendarDayModal({ target, onClose }: { target: CalendarDayTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue({ date: dayjs(target.day.date), kind: target.day.kind, name: target.day.name });
    else form.setFieldsValue({ kind: 'holiday', date: dayjs(`${target.year}-01-01`) });
  }, [target, form]);

  const save = useMutation({
    mutationFn: (values: Values) => putCalendarDay(values.date.format('YYYY-MM-DD'), { kind: values.kind, name: values.name.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      void message.success(t('calendar.saved'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={!!target}
      title={target?.mode === 'edit' ? t('calendar.editOverride') : t('calendar.addOverride')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabled={target?.mode === 'edit'} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('calendar.kindLong.holiday') },
              { value: 'workday', label: t('calendar.kindLong.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} extra={t('calendar.nameHint')} rules={[{ required: true, whitespace: true, max: 32, message: t('common.required') }]}>
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
