// The administrators' appeal rules page (诉求规则): stage durations per category and urgency, and the dispatch catalogue.
import { useQuery } from '@tanstack/react-query';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchCategories, fetchClockRules, fetchRoutingRules, ruleKeys } from './api.ts';
import { ClockRulesTab } from './ClockRulesTab.tsx';
import { RoutingTab } from './RoutingTab.tsx';
import './messages.ts';

const tabs = ['clocks', 'routing'] as const;

export default function AppealRulesPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'routing' ? 'routing' : 'clocks';
  const categories = useQuery({ queryKey: ruleKeys.categories, queryFn: fetchCategories, staleTime: 60_000 });
  const clocks = useQuery({ queryKey: ruleKeys.clocks, queryFn: fetchClockRules });
  const routing = useQuery({ queryKey: ruleKeys.routing, queryFn: fetchRoutingRules });
  const error = categories.error ?? clocks.error ?? routing.error;

  return (
    <div data-testid="page-appeal-rules">
      <PageTitle title={tc('appealRules.title')} description={t('appealRules.intro')} />
      <ErrorAlert error={error} onRetry={() => void Promise.all([categories.refetch(), clocks.refetch(), routing.refetch()])} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`appeal-rules-tab-${key}`}>{tc(`appealRules.tabs.${key}`)}</span>,
            children:
              key === 'clocks' ? (
                <ClockRulesTab categories={categories.data?.items ?? []} rules={clocks.data?.items ?? []} loading={categories.isLoading || clocks.isLoading} />
              ) : (
                <RoutingTab categories={categories.data?.items ?? []} rules={routing.data?.items ?? []} loading={categories.isLoading || routing.isLoading} />
              ),
          }))}
        />
      </Card>
    </div>
  );
}
