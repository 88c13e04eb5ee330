// 我的申报 (/my/applications): the enterprise's own applications, newest first, as cards (phone-first) with status and the review countdown.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useNow, useWorkingDays } from '../../appeals/use-clock-context.ts';
import { usePreferences } from '../../preferences/PreferencesProvider.tsx';
import { applicationKeys, fetchApplications } from './api.ts';
import { reviewCountdown } from './application-rules.ts';
import { ApplicationCards } from './ApplicationCards.tsx';
import './messages.ts';

export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const { settings } = usePreferences();
  const now = useNow();
  const isWorkingDay = useWorkingDays();
  const [page, setPage] = useState(1);
  const pageSize = settings.tablePageSize;
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery({ queryKey: applicationKeys.list({}, page, pageSize), queryFn: () => fetchApplications({}, page, pageSize), placeholderData: keepPreviousData });
  return (
    <div data-testid="page-my-applications">
      <PageTitle
        title={t('policyApplications.mine.title')}
        description={t('policyApplications.mine.intro')}
        extra={
          <Link to="/my/policies">
            <Button>{t('policyApplications.mine.findPolicies')}</Button>
          </Link>
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ApplicationCards
        items={data?.items ?? []}
        loading={isPending || isPlaceholderData}
        linkOf={(item) => `/my/applications/${item.id}`}
        countdownOf={(item) => reviewCountdown(item, now, isWorkingDay)}
        showEnterprise={false}
        emptyText={t('policyApplications.mine.empty')}
        page={page}
        pageSize={pageSize}
        total={data?.total ?? 0}
        onPage={setPage}
      />
    </div>
  );
}
