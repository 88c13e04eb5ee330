// 我的企业: an enterprise user's own enterprise (only its contact fields editable), laid out for a phone.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { enterpriseKeys, fetchOwnEnterprise } from './api.ts';
import { EnterpriseDetail } from './EnterpriseDetail.tsx';
import './messages.ts';

export default function MyEnterprisePage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const queryClient = useQueryClient();
  const { data, error, isLoading, refetch } = useQuery({ queryKey: enterpriseKeys.own, queryFn: fetchOwnEnterprise });
  return (
    <div data-testid="page-my-enterprise">
      <PageTitle title={tc('enterprisesPage.mine.title')} description={tc('enterprisesPage.mine.intro')} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <PageSpin />
      ) : data ? (
        <EnterpriseDetail enterprise={data} own onChanged={() => void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all })} />
      ) : (
        !error && <Result status="info" title={t('enterprisesPage.mine.none')} />
      )}
    </div>
  );
}
