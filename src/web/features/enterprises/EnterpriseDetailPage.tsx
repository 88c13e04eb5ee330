// The detail page of one enterprise for staff, addressed by its credit code (/enterprises/:uscc).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { isApiError } from '../../lib/api.ts';
import { enterpriseKeys, fetchEnterprise } from './api.ts';
import { EnterpriseDetail } from './EnterpriseDetail.tsx';
import './messages.ts';

export default function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { uscc = '' } = useParams();
  const queryClient = useQueryClient();
  const { data, error, isLoading, refetch } = useQuery({ queryKey: enterpriseKeys.detail(uscc), queryFn: () => fetchEnterprise(uscc), retry: (count, e) => !(isApiError(e) && e.status === 404) && count < 2 });
  const back = (
    <Link to="/enterprises">
      <Button icon={<ArrowLeftOutlined />} type="link" style={{ paddingInline: 0 }}>
        {t('enterprisesPage.detail.back')}
      </Button>
    </Link>
  );
  if (isLoading) return <PageSpin />;
  if (isApiError(error) && error.status === 404) return <Result status="404" title={t('enterprisesPage.detail.notFound')} extra={back} data-testid="enterprise-not-found" />;
  return (
    <div data-testid="page-enterprise-detail">
      {back}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {data && (
        <EnterpriseDetail
          enterprise={data}
          onChanged={() => {
            void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
          }}
        />
      )}
    </div>
  );
}
