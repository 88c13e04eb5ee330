// The eligibility of an application form or of an application at submission: the verdict, then ✓ / ✗ / ? per condition with the enterprise's value (the 政策匹配 marks).
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { conditionMark, ResultMark } from '../MyPoliciesPage.tsx';
import type { Eligibility } from './api.ts';
import { conditionLabelText, verdictOf } from './application-rules.ts';
import './messages.ts';

const verdictColor = { eligible: 'success', pending: 'warning', ineligible: 'error' } as const;

export function EligibilityList({ eligibility }: { eligibility: Eligibility }) {
  const { t, i18n } = useTranslation();
  const verdict = verdictOf(eligibility.eligible);
  return (
    <Flex vertical gap={8} data-testid="application-eligibility" data-eligible={String(eligibility.eligible)}>
      <Tag color={verdictColor[verdict]} style={{ alignSelf: 'flex-start' }}>
        {t(`policyApplications.verdicts.${verdict}`)}
      </Tag>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {eligibility.conditions.map((c) => (
          <li key={c.id} data-testid={`application-condition-${c.id}`} style={{ padding: '6px 0', borderTop: '1px solid rgba(5,5,5,0.06)' }}>
            <Flex gap={8} align="flex-start">
              <ResultMark mark={conditionMark(c)} />
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <span style={{ wordBreak: 'break-word' }}>{conditionLabelText(c.label, i18n.language)}</span>
                {c.actual != null && c.actual !== '' && (
                  <Typography.Text type="secondary" style={{ fontSize: '0.9em', wordBreak: 'break-word' }}>
                    {String(c.actual)}
                  </Typography.Text>
                )}
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
