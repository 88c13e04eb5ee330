// The policy editor's 审核时限 field (reviewWorkingDays, 1..60 working days, 10 when empty), shown for application-mode policies.
import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_REVIEW_WORKING_DAYS } from '../policy-form.ts';
import './messages.ts';

export function ReviewWorkingDaysField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="reviewWorkingDays" label={t('policyApplications.editor.reviewWorkingDays')} extra={t('policyApplications.editor.reviewWorkingDaysHint', { days: DEFAULT_REVIEW_WORKING_DAYS })}>
      <InputNumber min={1} max={60} precision={0} placeholder={String(DEFAULT_REVIEW_WORKING_DAYS)} suffix={t('policyApplications.editor.workingDays')} style={{ width: 200 }} data-testid="policy-review-working-days" />
    </Form.Item>
  );
}
