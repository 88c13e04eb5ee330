// The expandable row of a grant: each condition of the policy with ✓/✗ and the enterprise's value, checked as of the grant's date.
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GrantView } from '../../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { fetchEnterprisePolicies, policyKeys } from '../api.ts';
import { conditionMark, localized, ResultMark } from '../MyPoliciesPage.tsx';
import './messages.ts';

export function GrantConditions({ policyId, grant }: { policyId: string; grant: GrantView }) {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading } = useQuery({ queryKey: policyKeys.ofEnterprise(grant.uscc, grant.asOf), queryFn: () => fetchEnterprisePolicies(grant.uscc, grant.asOf) });
  if (isLoading) return <Skeleton active paragraph={{ rows: 2 }} title={false} aria-label={t('grantsPage.conditions.loading')} />;
  if (!data) return <ErrorAlert error={error} />;
  const item = data.items.find((p) => p.policyId === policyId);
  if (!item) return <Typography.Text type="secondary">{t('grantsPage.conditions.gone', { asOf: grant.asOf })}</Typography.Text>;
  return (
    // Sticky and no wider than the screen: on a phone the table scrolls sideways, the conditions stay readable.
    <div data-testid={`grant-conditions-${grant.id}`} style={{ position: 'sticky', insetInlineStart: 0, maxWidth: 'calc(100vw - 96px)' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('grantsPage.conditions.intro', { asOf: grant.asOf, version: item.version })}
      </Typography.Paragraph>
      {item.version !== grant.version && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('grantsPage.conditions.versionDiffers', { asOf: grant.asOf, version: item.version, grantVersion: grant.version })} />
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {item.conditions.map((c) => (
          <li key={c.id} data-testid={`grant-condition-${c.id}`} style={{ padding: '4px 0' }}>
            <Flex gap={8} align="flex-start">
              <ResultMark mark={conditionMark(c)} />
              <span>
                {i18n.language === 'en' && c.labelEn ? c.labelEn : c.label}{' '}
                <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                  {c.clause}
                </Typography.Text>
                {' — '}
                <Typography.Text type="secondary">{localized(c.actualText, i18n.language)}</Typography.Text>
              </span>
            </Flex>
          </li>
        ))}
      </ul>
    </div>
  );
}
