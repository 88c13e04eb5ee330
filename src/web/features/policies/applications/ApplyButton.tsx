// The 申报 button of an application-mode policy in 政策匹配: it opens the application form, or stays disabled with the form's refusal (expired, not eligible, already applied …) written beside it.
import { FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationKeys, fetchApplicationForm } from './api.ts';
import './messages.ts';

export function ApplyButton({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const { data, isPending } = useQuery({ queryKey: applicationKeys.form(policyId), queryFn: () => fetchApplicationForm(policyId), staleTime: 30_000 });
  const refusal = data && !data.canApply ? data.refusal : null;
  const button = (
    <Button type="primary" icon={<FormOutlined />} loading={isPending} disabled={isPending || !!refusal || data?.canApply === false} data-testid="policy-apply">
      {t('policyApplications.apply.button')}
    </Button>
  );
  return (
    <Flex gap={8} align="center" wrap style={{ marginTop: 12 }} data-testid="policy-apply-box" data-can-apply={String(data?.canApply ?? '')}>
      {refusal || isPending || data?.canApply === false ? button : <Link to={`/my/policies/${policyId}/apply`}>{button}</Link>}
      {refusal && (
        <Typography.Text type="secondary" style={{ fontSize: '0.9em', flex: '1 1 180px' }} data-testid="policy-apply-refusal" data-reason={refusal.reason}>
          {refusal.message}
        </Typography.Text>
      )}
      {data?.existingApplicationId && (
        <Link to={`/my/applications/${data.existingApplicationId}`} data-testid="policy-apply-existing">
          {t('policyApplications.apply.viewExisting')}
        </Link>
      )}
    </Flex>
  );
}
