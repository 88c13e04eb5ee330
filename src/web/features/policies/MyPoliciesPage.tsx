// 政策匹配 for an enterprise user (/my/policies): every published policy for the own enterprise, qualifying first, each with its explanation, a ✓ / ✗ / ? per condition, a link to the policy (interpretation, clauses) and 申报 for application-mode policies.
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterprisePolicyItem, LocalizedText, TriState } from '../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { enterpriseKeys, fetchOwnEnterprise } from '../enterprises/api.ts';
import { useSession } from '../auth/use-me.ts';
import { useCareText } from '../preferences/use-care-text.ts';
import { ApplyButton } from './applications/ApplyButton.tsx';
import { fetchEnterprisePolicies, policyKeys } from './api.ts';
import { benefitText } from './policy-format.ts';
import './messages.ts';

const rank = (eligible: TriState) => (eligible === true ? 0 : eligible === 'unknown' ? 1 : 2);

/** Qualifying first, then pending data, then the rest; the server's order within each. */
export function byEligibility(items: readonly EnterprisePolicyItem[]): EnterprisePolicyItem[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item.eligible) - rank(b.item.eligible) || a.i - b.i).map(({ item }) => item);
}

export function localized(text: LocalizedText, language: string): string {
  return language === 'en' ? text.en : language === 'zh-TW' ? text['zh-TW'] : text.zh;
}

const verdictKey = (eligible: TriState) => (eligible === true ? 'eligible' : eligible === 'unknown' ? 'pending' : 'ineligible');
const verdictColor = { eligible: 'success', pending: 'warning', ineligible: 'default' } as const;

type MatchCondition = EnterprisePolicyItem['conditions'][number];

/**
 * How a condition reads for the enterprise: ? when its data is missing; else ✓ when it is no obstacle, as the server's
 * `met` says (an exception that does not apply is false yet met).
 */
export function conditionMark(c: Pick<MatchCondition, 'result' | 'met'>): 'met' | 'not-met' | 'unknown' {
  if (c.result === 'unknown') return 'unknown';
  return c.met ? 'met' : 'not-met';
}

export function ResultMark({ mark }: { mark: ReturnType<typeof conditionMark> }) {
  const { t } = useTranslation();
  if (mark === 'met') return <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('policiesPage.mine.met')} data-result="met" />;
  if (mark === 'not-met') return <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('policiesPage.mine.notMet')} data-result="not-met" />;
  return <QuestionCircleFilled style={{ color: '#faad14' }} aria-label={t('policiesPage.mine.unknown')} data-result="unknown" />;
}

export function PolicyMatchCard({ item, canApply = false }: { item: EnterprisePolicyItem; canApply?: boolean }) {
  const { t, i18n } = useTranslation();
  const verdict = verdictKey(item.eligible);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`my-policy-${item.policyId}`}
      data-eligible={String(item.eligible)}
      title={
        <Flex gap={8} align="center" wrap>
          <Tag color={verdictColor[verdict]}>{t(`policiesPage.mine.verdicts.${verdict}`)}</Tag>
          <Link to={`/policies/${item.policyId}`} style={{ whiteSpace: 'normal' }} data-testid="my-policy-open">
            {item.title}
          </Link>
        </Flex>
      }
      extra={<Tag>{t(`policiesPage.modes.${item.mode}`)}</Tag>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {item.documentNumber} · {benefitText(item.benefit, t)}
      </Typography.Paragraph>
      <Typography.Paragraph strong data-testid="my-policy-explanation">
        {localized(item.explanation, i18n.language)}
      </Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {item.conditions.map((c) => (
          <li key={c.id} data-testid={`my-policy-condition-${c.id}`} style={{ padding: '6px 0', borderTop: '1px solid rgba(5,5,5,0.06)' }}>
            <Flex gap={8} align="flex-start">
              <ResultMark mark={conditionMark(c)} />
              <Flex vertical style={{ flex: 1 }}>
                <span>
                  {i18n.language === 'en' && c.labelEn ? c.labelEn : c.label}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                    {c.clause}
                  </Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                  {localized(c.actualText, i18n.language)}
                </Typography.Text>
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
      {canApply && item.mode === 'application' && <ApplyButton policyId={item.policyId} />}
    </Card>
  );
}

export default function MyPoliciesPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const canApply = useSession().abilities.includes('policy.apply');
  const own = useQuery({ queryKey: enterpriseKeys.own, queryFn: fetchOwnEnterprise });
  const uscc = own.data?.uscc;
  const policies = useQuery({ queryKey: policyKeys.ofEnterprise(uscc ?? ''), queryFn: () => fetchEnterprisePolicies(uscc!), enabled: !!uscc });
  const items = byEligibility(policies.data?.items ?? []);
  const qualifying = items.filter((i) => i.eligible === true).length;
  return (
    <div data-testid="page-my-policies">
      <PageTitle title={tc('policiesPage.mine.title')} description={tc('policiesPage.mine.intro')} />
      <ErrorAlert error={own.error ?? policies.error} onRetry={() => void (own.error ? own.refetch() : policies.refetch())} />
      {own.isLoading || (uscc && policies.isLoading) ? (
        <PageSpin />
      ) : !own.data ? (
        !own.error && <Result status="info" title={t('policiesPage.mine.noEnterprise')} />
      ) : (
        <>
          {policies.data && (
            <Typography.Paragraph data-testid="my-policies-summary">
              {t('policiesPage.mine.summary', { name: own.data.name, qualifying, total: items.length, asOf: policies.data.asOf })}
            </Typography.Paragraph>
          )}
          {items.length ? items.map((item) => <PolicyMatchCard key={item.policyId} item={item} canApply={canApply} />) : policies.data && <Empty description={t('policiesPage.mine.none')} />}
        </>
      )}
    </div>
  );
}
