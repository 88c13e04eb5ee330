// The rule part of the policy editor: the visual builder and the JSON text view of the same rule, its faults at their paths, and the live count of eligible enterprises.
import { Alert, Card, Flex, Input, Spin, Statistic, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateRule } from '../../../shared/rules/validate-rule.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { isBuildable, parseRuleText, ruleText, type Fault } from './rule-tree.ts';
import { useRuleCheck } from './use-rule-check.ts';

interface Props {
  value: unknown;
  onChange: (next: unknown) => void;
  /** Faults the server gave when saving (paths from the rule's root). */
  savedFaults?: readonly Fault[];
  clauseOptions: readonly string[];
  /** Tests turn the live count off (no server). */
  liveCount?: boolean;
}

const key = (f: Fault) => `${f.path}\u0000${f.message}`;

export function mergeFaults(...lists: (readonly Fault[])[]): Fault[] {
  const seen = new Map<string, Fault>();
  for (const list of lists) for (const f of list) if (!seen.has(key(f))) seen.set(key(f), f);
  return [...seen.values()];
}

export function RuleEditor({ value, onChange, savedFaults = [], clauseOptions, liveCount = true }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'builder' | 'json'>(isBuildable(value) ? 'builder' : 'json');
  const [text, setText] = useState(() => ruleText(value));
  const [textError, setTextError] = useState<string | null>(null);

  const local = useMemo(() => {
    const checked = validateRule(value);
    return checked.ok ? [] : checked.errors;
  }, [value]);
  const check = useRuleCheck(value, liveCount && !textError && local.length === 0);
  const faults = mergeFaults(local, check.serverFaults, local.length ? [] : savedFaults);
  const buildable = !textError && isBuildable(value);

  const switchTo = (next: string) => {
    if (next === 'json') {
      setText(ruleText(value));
      setTextError(null);
    }
    setMode(next as 'builder' | 'json');
  };

  const builder = buildable ? (
    <RuleBuilder rule={value} onChange={onChange} faults={faults} clauseOptions={clauseOptions} />
  ) : (
    <Alert type="warning" showIcon title={t('policiesPage.builder.notBuildable')} data-testid="rule-not-buildable" />
  );
  const json = (
    <Flex vertical gap={8}>
      <Input.TextArea
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseRuleText(e.target.value);
          if (parsed.ok) {
            setTextError(null);
            onChange(parsed.value);
          } else setTextError(parsed.message);
        }}
        autoSize={{ minRows: 12, maxRows: 40 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 13 }}
        data-testid="rule-json"
        aria-label={t('policiesPage.builder.jsonView')}
        status={textError || faults.length ? 'error' : undefined}
      />
      {textError && <Alert type="error" showIcon title={t('policiesPage.builder.jsonError', { message: textError })} data-testid="rule-json-error" />}
      {!textError && faults.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="rule-json-faults"
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {faults.map((f) => (
                <li key={key(f)}>
                  <Typography.Text code>{f.path || t('policiesPage.builder.root')}</Typography.Text> {f.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );

  return (
    <Card
      title={t('policiesPage.editor.rule')}
      extra={liveCount ? <LiveCount check={check} faulty={faults.length > 0 || !!textError} /> : null}
      data-testid="rule-editor"
      data-fault-count={faults.length}
    >
      {faults.length > 0 && mode === 'builder' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('policiesPage.builder.faultCount', { count: faults.length })} data-testid="rule-fault-summary" />
      )}
      <Tabs
        activeKey={mode}
        onChange={switchTo}
        items={[
          { key: 'builder', label: <span data-testid="rule-tab-builder">{t('policiesPage.builder.visual')}</span>, children: builder, disabled: !buildable && mode === 'json' },
          { key: 'json', label: <span data-testid="rule-tab-json">{t('policiesPage.builder.jsonView')}</span>, children: json },
        ]}
      />
    </Card>
  );
}

function LiveCount({ check, faulty }: { check: ReturnType<typeof useRuleCheck>; faulty: boolean }) {
  const { t } = useTranslation();
  if (faulty) return <Typography.Text type="secondary" data-testid="rule-count" data-state="faulty">{t('policiesPage.count.faulty')}</Typography.Text>;
  if (check.error) return <Typography.Text type="warning" data-testid="rule-count" data-state="error">{errorMessage(check.error, t)}</Typography.Text>;
  if (!check.result) return <Spin size="small" data-testid="rule-count" data-state="loading" />;
  const r = check.result;
  return (
    <Flex gap={16} align="center" data-testid="rule-count" data-state={check.stale ? 'stale' : 'fresh'} data-eligible={r.eligible} style={{ opacity: check.stale ? 0.6 : 1 }}>
      <Statistic title={t('policiesPage.count.eligible')} value={r.eligible} styles={{ content: { fontSize: 20, color: '#389e0d' } }} />
      <Statistic title={t('policiesPage.count.pending')} value={r.pending} styles={{ content: { fontSize: 16 } }} />
      <Statistic title={t('policiesPage.count.nearMiss')} value={r.nearMiss} styles={{ content: { fontSize: 16 } }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('policiesPage.count.of', { total: r.total, ms: Math.round(r.ms) })}
      </Typography.Text>
    </Flex>
  );
}
