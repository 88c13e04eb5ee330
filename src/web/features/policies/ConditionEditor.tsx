// The editor of one condition: id, zh/en label, clause, and the test of its attribute (division subtree, industry, size, tag, yearly figure, capital, founding, credit, taxpayer).
import { Alert, AutoComplete, Checkbox, Col, DatePicker, Flex, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  AGE_OPS,
  DATE_OPS,
  NUMBER_OPS,
  RULE_ATTRIBUTES,
  RULE_CREDIT_RATINGS,
  RULE_FIGURES,
  RULE_SIZE_CLASSES,
  RULE_TAGS,
  RULE_TAXPAYER_TYPES,
  type Comparison,
  type ConditionTest,
  type RuleAttribute,
  type RuleCondition,
  type RuleYear,
} from '../../../shared/rules/rule-language.ts';
import { DivisionCascader } from '../enterprises/DivisionCascader.tsx';
import { IndustryPicker } from '../enterprises/IndustryPicker.tsx';
import { addSubtree, defaultTest, withTest, type Fault } from './rule-tree.ts';

interface Props {
  condition: RuleCondition;
  onChange: (next: RuleCondition) => void;
  /** Faults inside this condition, paths from the rule's root. */
  faults: readonly Fault[];
  /** The policy's clause ids, offered for the condition's clause. */
  clauseOptions: readonly string[];
  testId: string;
}

export function ConditionEditor({ condition, onChange, faults, clauseOptions, testId }: Props) {
  const { t } = useTranslation();
  const test = condition.test;
  const setTest = (next: ConditionTest) => onChange(withTest(condition, next));
  const faultAt = (suffix: string) => faults.some((f) => f.path.endsWith(suffix) || f.path.includes(`${suffix}.`));
  return (
    <div data-testid={testId} data-condition-id={condition.id}>
      <Row gutter={[8, 8]}>
        <Col xs={24} md={6}>
          <Select<RuleAttribute>
            style={{ width: '100%' }}
            value={test.attribute}
            onChange={(attribute) => setTest(defaultTest(attribute))}
            options={RULE_ATTRIBUTES.map((a) => ({ value: a, label: t(`policiesPage.attributes.${a}`) }))}
            data-testid={`${testId}-attribute`}
            aria-label={t('policiesPage.builder.attribute')}
            status={faultAt('.test.attribute') ? 'error' : undefined}
          />
        </Col>
        <Col xs={24} md={18}>
          <TestEditor test={test} onChange={setTest} testId={testId} />
        </Col>
        <Col xs={24} md={6}>
          <Space.Compact block>
            <Space.Addon>{t('policiesPage.builder.id')}</Space.Addon>
            <Input
              value={condition.id}
              onChange={(e) => onChange({ ...condition, id: e.target.value })}
              data-testid={`${testId}-id`}
              status={faultAt('.id') ? 'error' : undefined}
            />
          </Space.Compact>
        </Col>
        <Col xs={24} md={10}>
          <Space.Compact block>
            <Space.Addon>{t('policiesPage.builder.labelZh')}</Space.Addon>
            <Input
              value={condition.label.zh}
              onChange={(e) => onChange({ ...condition, label: { ...condition.label, zh: e.target.value } })}
              data-testid={`${testId}-label`}
              status={faultAt('.label') ? 'error' : undefined}
            />
          </Space.Compact>
        </Col>
        <Col xs={24} md={8}>
          <Space.Compact block>
            <Space.Addon>{t('policiesPage.builder.clause')}</Space.Addon>
            <AutoComplete
              style={{ width: '100%' }}
              value={condition.clause}
              onChange={(clause: string) => onChange({ ...condition, clause })}
              options={clauseOptions.map((c) => ({ value: c }))}
              placeholder={t('policiesPage.builder.clausePlaceholder')}
              data-testid={`${testId}-clause`}
              status={faultAt('.clause') ? 'error' : undefined}
            />
          </Space.Compact>
        </Col>
        <Col xs={24}>
          <Space.Compact block>
            <Space.Addon>{t('policiesPage.builder.labelEn')}</Space.Addon>
            <Input
              value={condition.label.en ?? ''}
              onChange={(e) => onChange({ ...condition, label: { zh: condition.label.zh, ...(e.target.value ? { en: e.target.value } : {}) } })}
              data-testid={`${testId}-label-en`}
            />
          </Space.Compact>
        </Col>
      </Row>
      {faults.length > 0 && (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          data-testid={`${testId}-faults`}
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {faults.map((f) => (
                <li key={`${f.path}:${f.message}`}>
                  <Typography.Text code>{f.path || t('policiesPage.builder.root')}</Typography.Text> {f.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}

function CodeTags({ codes, onRemove, testId }: { codes: readonly string[]; onRemove: (code: string) => void; testId: string }) {
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {codes.map((code) => (
        <Tag key={code} closable onClose={() => onRemove(code)} style={{ fontFamily: 'monospace' }}>
          {code}
        </Tag>
      ))}
    </Flex>
  );
}

function TestEditor({ test, onChange, testId }: { test: ConditionTest; onChange: (next: ConditionTest) => void; testId: string }) {
  const { t } = useTranslation();
  switch (test.attribute) {
    case 'division': {
      const within = test.within ?? [];
      return (
        <Flex vertical gap={4}>
          <DivisionCascader
            value={within[within.length - 1] ?? null}
            onChange={(code) => code && onChange({ ...test, within: addSubtree(within, code) })}
            placeholder={t('policiesPage.builder.addDivision')}
            testId={`${testId}-division`}
          />
          <CodeTags codes={within} onRemove={(code) => onChange({ ...test, within: within.filter((c) => c !== code) })} testId={`${testId}-codes`} />
        </Flex>
      );
    }
    case 'industry': {
      const under = test.under ?? [];
      const classes = test.in ?? [];
      return (
        <Flex vertical gap={4}>
          <IndustryPicker
            value={null}
            onChange={(code) => {
              if (!code) return;
              // A 4-digit class is matched exactly; a section letter, division or group as a prefix; codes on the same branch are replaced.
              const rest = addSubtree([...under, ...classes], code).slice(0, -1);
              const next = { attribute: 'industry' as const, under: rest.filter((c) => !/^\d{4}$/.test(c)), in: rest.filter((c) => /^\d{4}$/.test(c)) };
              if (/^\d{4}$/.test(code)) next.in.push(code);
              else next.under.push(code);
              onChange({ attribute: 'industry', ...(next.under.length ? { under: next.under } : {}), ...(next.in.length ? { in: next.in } : {}) });
            }}
            testId={`${testId}-industry`}
          />
          <CodeTags
            codes={[...under, ...classes]}
            onRemove={(code) => onChange({ attribute: 'industry', under: under.filter((c) => c !== code), ...(test.in ? { in: classes.filter((c) => c !== code) } : {}) })}
            testId={`${testId}-codes`}
          />
        </Flex>
      );
    }
    case 'size':
      return (
        <Checkbox.Group
          value={test.in ?? []}
          onChange={(values) => onChange({ ...test, in: values as typeof test.in })}
          options={RULE_SIZE_CLASSES.map((s) => ({ value: s, label: t(`policiesPage.sizes.${s}`) }))}
          data-testid={`${testId}-sizes`}
        />
      );
    case 'tag':
      return (
        <Select
          style={{ width: '100%' }}
          value={test.held}
          onChange={(held) => onChange({ ...test, held })}
          options={RULE_TAGS.map((tag) => ({ value: tag, label: t(`policiesPage.tags.${tag}`) }))}
          data-testid={`${testId}-tag`}
        />
      );
    case 'figure':
      return (
        <Flex gap={8} wrap>
          <Select
            style={{ width: 140 }}
            value={test.figure}
            onChange={(figure) => onChange({ ...test, figure })}
            options={RULE_FIGURES.map((f) => ({ value: f, label: t(`policiesPage.figures.${f}`) }))}
            data-testid={`${testId}-figure`}
          />
          <YearEditor year={test.year} onChange={(year) => onChange({ ...test, year })} testId={testId} />
          <CompareEditor compare={test.compare} onChange={(compare) => onChange({ ...test, compare })} unit={test.figure === 'headcount' ? t('policiesPage.units.persons') : t('policiesPage.units.wan')} testId={testId} />
        </Flex>
      );
    case 'capital':
      return <CompareEditor compare={test.compare} onChange={(compare) => onChange({ ...test, compare })} unit={t('policiesPage.units.wan')} testId={testId} />;
    case 'founded':
      return (
        <Flex gap={8} wrap>
          <Select
            style={{ width: 160 }}
            value={test.op}
            onChange={(op) =>
              onChange((AGE_OPS as readonly string[]).includes(op) ? { attribute: 'founded', op: op as (typeof AGE_OPS)[number], years: 'years' in test ? test.years : 2 } : { attribute: 'founded', op: op as (typeof DATE_OPS)[number], date: 'date' in test ? test.date : '2020-01-01' })
            }
            options={[...AGE_OPS, ...DATE_OPS].map((op) => ({ value: op, label: t(`policiesPage.foundedOps.${op}`) }))}
            data-testid={`${testId}-founded-op`}
          />
          {'years' in test ? (
            <InputNumber min={0} max={200} precision={0} value={test.years} onChange={(years) => onChange({ ...test, years: years ?? 0 })} suffix={t('policiesPage.units.years')} data-testid={`${testId}-years`} />
          ) : (
            <DatePicker value={test.date ? dayjs(test.date) : null} onChange={(d) => onChange({ ...test, date: d ? d.format('YYYY-MM-DD') : '' })} data-testid={`${testId}-date`} />
          )}
        </Flex>
      );
    case 'credit':
      return <Checkbox.Group value={test.in ?? []} onChange={(values) => onChange({ ...test, in: values as typeof test.in })} options={RULE_CREDIT_RATINGS.map((r) => ({ value: r, label: r }))} data-testid={`${testId}-credit`} />;
    case 'taxpayer':
      return (
        <Checkbox.Group
          value={test.in ?? []}
          onChange={(values) => onChange({ ...test, in: values as typeof test.in })}
          options={RULE_TAXPAYER_TYPES.map((v) => ({ value: v, label: t(`policiesPage.taxpayerTypes.${v}`) }))}
          data-testid={`${testId}-taxpayer`}
        />
      );
  }
}

function YearEditor({ year, onChange, testId }: { year: RuleYear; onChange: (next: RuleYear) => void; testId: string }) {
  const { t } = useTranslation();
  const kind = year && 'absolute' in year ? 'absolute' : 'relative';
  return (
    <Flex gap={4}>
      <Select
        style={{ width: 120 }}
        value={kind === 'relative' && 'relative' in year && year.relative === -1 ? 'previous' : kind}
        onChange={(next) => onChange(next === 'previous' ? { relative: -1 } : next === 'absolute' ? { absolute: new Date().getFullYear() - 1 } : { relative: 'relative' in year ? year.relative : -1 })}
        options={[
          { value: 'previous', label: t('policiesPage.years.previous') },
          { value: 'relative', label: t('policiesPage.years.relative') },
          { value: 'absolute', label: t('policiesPage.years.absolute') },
        ]}
        data-testid={`${testId}-year-kind`}
      />
      {'absolute' in year ? (
        <InputNumber min={1900} max={2200} precision={0} value={year.absolute} onChange={(v) => onChange({ absolute: v ?? new Date().getFullYear() })} data-testid={`${testId}-year`} style={{ width: 100 }} />
      ) : year.relative !== -1 ? (
        <InputNumber max={0} min={-50} precision={0} value={year.relative} onChange={(v) => onChange({ relative: v ?? -1 })} data-testid={`${testId}-year`} style={{ width: 90 }} />
      ) : null}
    </Flex>
  );
}

const COMPARE_OPS = [...NUMBER_OPS, 'between'] as const;

function CompareEditor({ compare, onChange, unit, testId }: { compare: Comparison; onChange: (next: Comparison) => void; unit: string; testId: string }) {
  const { t } = useTranslation();
  const asText = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  return (
    <Flex gap={4} wrap>
      <Select
        style={{ width: 120 }}
        value={compare.op}
        onChange={(op) =>
          onChange(op === 'between' ? { op, min: 'value' in compare ? compare.value : '0', max: 'value' in compare ? compare.value : '0' } : { op, value: 'value' in compare ? compare.value : compare.min })
        }
        options={COMPARE_OPS.map((op) => ({ value: op, label: t(`policiesPage.ops.${op}`) }))}
        data-testid={`${testId}-op`}
      />
      {compare.op === 'between' ? (
        <>
          <Input style={{ width: 120 }} value={asText(compare.min)} onChange={(e) => onChange({ ...compare, min: e.target.value.trim() })} suffix={unit} data-testid={`${testId}-min`} aria-label={t('policiesPage.builder.min')} />
          <Input style={{ width: 120 }} value={asText(compare.max)} onChange={(e) => onChange({ ...compare, max: e.target.value.trim() })} suffix={unit} data-testid={`${testId}-max`} aria-label={t('policiesPage.builder.max')} />
        </>
      ) : (
        <Input style={{ width: 150 }} value={asText(compare.value)} onChange={(e) => onChange({ ...compare, value: e.target.value.trim() })} suffix={unit} data-testid={`${testId}-value`} aria-label={t('policiesPage.builder.value')} />
      )}
    </Flex>
  );
}
