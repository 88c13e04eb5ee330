// The expandable row of a grant: each condition of its version with ✓/✗/? and the enterprise's value, as stored when the grant was made.
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GrantView } from '../../../../shared/schemas/policies.ts';
import { conditionMark, ResultMark } from '../MyPoliciesPage.tsx';
import './messages.ts';

export function GrantConditions({ grant }: { grant: GrantView }) {
  const { t, i18n } = useTranslation();
  const value = (actual: string | null) =>
    actual === null ? t('grantsPage.conditions.missing') : actual === 'held' ? t('grantsPage.conditions.held') : actual === 'not held' ? t('grantsPage.conditions.notHeld') : actual;
  return (
    // Sticky and no wider than the screen: on a phone the table scrolls sideways, the conditions stay readable.
    <div data-testid={`grant-conditions-${grant.id}`} style={{ position: 'sticky', insetInlineStart: 0, maxWidth: 'calc(100vw - 96px)' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('grantsPage.conditions.intro', { asOf: grant.asOf, version: grant.version })}
      </Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {grant.conditions.map((c) => (
          <li key={c.id} data-testid={`grant-condition-${c.id}`} style={{ padding: '4px 0' }}>
            <Flex gap={8} align="flex-start">
              <ResultMark mark={conditionMark(c)} />
              <span>
                {i18n.language === 'en' && c.labelEn ? c.labelEn : c.label}{' '}
                <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                  {c.clause}
                </Typography.Text>
                {' — '}
                <Typography.Text type="secondary">{value(c.actual)}</Typography.Text>
              </span>
            </Flex>
          </li>
        ))}
      </ul>
    </div>
  );
}
