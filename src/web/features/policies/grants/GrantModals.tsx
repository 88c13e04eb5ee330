// The two dialogs of a grant: exclude it (a reason is required) and record its payout (the approved amount, the date, the voucher reference).
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { GrantView } from '../../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { excludeGrant, recordPayout } from './api.ts';
import './messages.ts';

interface DialogProps {
  policyId: string;
  grant: GrantView | null;
  onClose: () => void;
  onDone: () => void;
}

export function ExcludeGrantModal({ policyId, grant, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const exclude = useMutation({
    mutationFn: (values: { reason: string }) => excludeGrant(policyId, grant!.id, values.reason.trim()),
    onSuccess: () => {
      void message.success(t('grantsPage.exclude.done'));
      onDone();
    },
  });
  return (
    <Modal
      open={grant !== null}
      title={t('grantsPage.exclude.title', { name: grant?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => exclude.mutate(v), () => undefined)}
      confirmLoading={exclude.isPending}
      okText={t('grantsPage.exclude.ok')}
      cancelText={t('grantsPage.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'exclude-ok' } as never}
      afterClose={() => exclude.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={exclude.error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={t('grantsPage.exclude.reason')} rules={[{ required: true, whitespace: true, message: t('grantsPage.exclude.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('grantsPage.exclude.reasonPlaceholder')} data-testid="exclude-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PayoutValues {
  paidOn: Dayjs;
  reference: string;
}

export function PayoutModal({ policyId, grant, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PayoutValues>();
  const payout = useMutation({
    mutationFn: (values: PayoutValues) => recordPayout(policyId, grant!.id, values.paidOn.format('YYYY-MM-DD'), values.reference.trim()),
    onSuccess: () => {
      void message.success(t('grantsPage.payout.done'));
      onDone();
    },
  });
  return (
    <Modal
      open={grant !== null}
      title={t('grantsPage.payout.title', { name: grant?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => payout.mutate(v), () => undefined)}
      confirmLoading={payout.isPending}
      okText={t('grantsPage.payout.ok')}
      cancelText={t('grantsPage.cancel')}
      okButtonProps={{ 'data-testid': 'payout-ok' } as never}
      afterClose={() => payout.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={payout.error} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ paidOn: dayjs(todayInShanghai()) }}>
        <Form.Item label={t('grantsPage.payout.amount')} extra={t('grantsPage.payout.amountHint')}>
          <Input value={grant?.amount ?? ''} readOnly data-testid="payout-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('grantsPage.payout.paidOn')} rules={[{ required: true, message: t('grantsPage.payout.paidOnRequired') }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(todayInShanghai()), 'day')} data-testid="payout-paid-on" />
        </Form.Item>
        <Form.Item name="reference" label={t('grantsPage.payout.reference')} rules={[{ required: true, whitespace: true, message: t('grantsPage.payout.referenceRequired') }, { max: 100 }]}>
          <Input maxLength={100} placeholder={t('grantsPage.payout.referencePlaceholder')} data-testid="payout-reference" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
