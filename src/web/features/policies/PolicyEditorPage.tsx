// The policy editor (/policies/new, /policies/:id/edit): the record's fields, clauses and interpretation, the benefit, and the rule with its live count, an application-mode policy's review deadline; saving keeps a draft, publishing shows the gains and losses first.
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RULE_FIGURES } from '../../../shared/rules/rule-language.ts';
import { benefitKinds, policyModes, type PolicyView } from '../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { isApiError } from '../../lib/api.ts';
import { DepartmentSelect } from '../appeals/DepartmentSelect.tsx';
import { createPolicy, fetchPolicy, policyKeys, updatePolicy } from './api.ts';
import { emptyPolicyForm, formFieldOf, formValuesOf, policyInputOf, type PolicyFormValues } from './policy-form.ts';
import { PublishModal } from './PublishModal.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { newRule, ruleFaults, type Fault } from './rule-tree.ts';
import { ReviewWorkingDaysField } from './applications/ReviewWorkingDaysField.tsx';
import './messages.ts';

export default function PolicyEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data, error, isLoading } = useQuery({ queryKey: policyKeys.detail(id ?? ''), queryFn: () => fetchPolicy(id!), enabled: !!id });
  if (id && isLoading) return <PageSpin />;
  if (id && isApiError(error) && error.status === 404) return <Result status="404" title={t('policiesPage.detail.notFound')} />;
  return <PolicyEditor key={id ?? 'new'} policy={id ? data : undefined} loadError={error} />;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function PolicyEditor({ policy, loadError, liveCount = true }: { policy?: PolicyView; loadError?: unknown; liveCount?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PolicyFormValues>();
  const [rule, setRule] = useState<unknown>(() => policy?.rule ?? newRule('第三条'));
  const [savedFaults, setSavedFaults] = useState<Fault[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [publishing, setPublishing] = useState(false);
  const clauses = Form.useWatch('clauses', form) as PolicyFormValues['clauses'] | undefined;
  const amountType = Form.useWatch('amountType', form) as PolicyFormValues['amountType'] | undefined;
  const yearKind = Form.useWatch('formulaYearKind', form) as PolicyFormValues['formulaYearKind'] | undefined;
  const mode = Form.useWatch('mode', form) as PolicyFormValues['mode'] | undefined;
  const clauseOptions = useMemo(() => [...new Set((clauses ?? []).map((c) => c?.id?.trim()).filter((c): c is string => !!c))], [clauses]);
  const initialValues = useMemo(() => (policy ? formValuesOf(policy) : emptyPolicyForm), [policy]);

  useEffect(() => setSavedFaults([]), [rule]);

  const save = useMutation({
    mutationFn: async (values: PolicyFormValues) => {
      const body = policyInputOf(values, rule);
      return policy ? updatePolicy(policy.id, body) : createPolicy(body);
    },
    onSuccess: (saved) => {
      setSaveError(null);
      queryClient.setQueryData(policyKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['policies', 'list'] });
      message.success(t('policiesPage.editor.saved'));
      if (!policy) navigate(`/policies/${saved.id}/edit`, { replace: true });
    },
    onError: (error) => {
      const details = isApiError(error) ? error.details : [];
      setSavedFaults(ruleFaults(details));
      const fields = details.map((d) => ({ field: formFieldOf(d.path), message: d.message })).filter((d) => d.field);
      form.setFields(fields.map((d) => ({ name: d.field as never, errors: [d.message] })));
      const unplaced = details.filter((d) => d.path !== 'rule' && !d.path.startsWith('rule.') && !formFieldOf(d.path));
      setSaveError(details.length && !unplaced.length ? null : error);
    },
  });

  const canPublish = !!policy?.abilities.includes('policy.publish');
  /** Publishing publishes the working copy: what the form shows is saved first. */
  const startPublishing = async () => {
    try {
      const saved = await save.mutateAsync(await form.validateFields());
      if (saved.draftDiffers) setPublishing(true);
      else message.info(t('policiesPage.publish.nothingNew'));
    } catch {
      // the form or the save shows why
    }
  };
  const back = (
    <Link to={policy ? `/policies/${policy.id}` : '/policies'}>
      <Button icon={<ArrowLeftOutlined />} type="link" style={{ paddingInline: 0 }}>
        {policy ? t('policiesPage.editor.backToPolicy') : t('policiesPage.detail.back')}
      </Button>
    </Link>
  );
  const status = policy && (
    <Space>
      <Tag color={policy.status === 'published' ? 'green' : 'default'} data-testid="policy-status">
        {t(`policiesPage.statuses.${policy.status}`)}
      </Tag>
      {policy.currentVersion != null && <Tag>{t('policiesPage.version', { version: policy.currentVersion })}</Tag>}
      {policy.currentVersion != null && policy.draftDiffers && <Tag color="orange">{t('policiesPage.editor.unpublishedChanges')}</Tag>}
    </Space>
  );

  return (
    <div data-testid="page-policy-editor">
      {back}
      <PageTitle
        title={policy ? t('policiesPage.editor.editTitle') : t('policiesPage.editor.newTitle')}
        description={t('policiesPage.editor.intro')}
        extra={
          <>
            {status}
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="policy-save">
              {t('policiesPage.editor.save')}
            </Button>
            {canPublish && (
              <Button onClick={() => void startPublishing()} disabled={save.isPending} data-testid="policy-publish">
                {t('policiesPage.publish.button')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={loadError ?? saveError} />
      <Form<PolicyFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => save.mutate(values)} scrollToFirstError data-testid="policy-form">
        <Card title={t('policiesPage.editor.record')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="title" label={t('policiesPage.fields.title')} rules={required(t('policiesPage.editor.requiredField'))}>
                <Input data-testid="policy-title" maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="documentNumber" label={t('policiesPage.fields.documentNumber')} rules={required(t('policiesPage.editor.requiredField'))}>
                <Input data-testid="policy-document-number" placeholder={t('policiesPage.editor.documentNumberPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="issuingDepartment" label={t('policiesPage.fields.issuingDepartment')} rules={required(t('policiesPage.editor.requiredField'))}>
                <Input data-testid="policy-issuing-department" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="responsibleUnitId" label={t('policiesPage.fields.responsibleUnit')}>
                <DepartmentSelect testId="policy-responsible-unit" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="contactName" label={t('policiesPage.fields.contactName')} rules={required(t('policiesPage.editor.requiredField'))}>
                <Input data-testid="policy-contact-name" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="contactPhone" label={t('policiesPage.fields.contactPhone')} rules={required(t('policiesPage.editor.requiredField'))}>
                <Input data-testid="policy-contact-phone" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="effectiveFrom" label={t('policiesPage.fields.effectiveFrom')} rules={[{ required: true, message: t('policiesPage.editor.requiredField') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="policy-effective-from" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="effectiveUntil" label={t('policiesPage.fields.effectiveUntil')}>
                <DatePicker style={{ width: '100%' }} data-testid="policy-effective-until" placeholder={t('policiesPage.editor.openEnded')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="mode" label={t('policiesPage.fields.mode')}>
                <Radio.Group optionType="button" options={policyModes.map((m) => ({ value: m, label: t(`policiesPage.modes.${m}`) }))} data-testid="policy-mode" />
              </Form.Item>
            </Col>
            {mode === 'application' && (
              <Col xs={24} md={12}>
                <ReviewWorkingDaysField />
              </Col>
            )}
            <Col xs={24}>
              <Form.Item name="summary" label={t('policiesPage.fields.summary')} rules={required(t('policiesPage.editor.requiredField'))}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="policy-summary" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('policiesPage.editor.benefit')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="benefitKind" label={t('policiesPage.fields.benefitKind')}>
                <Select options={benefitKinds.map((k) => ({ value: k, label: t(`policiesPage.benefitKinds.${k}`) }))} data-testid="policy-benefit-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="amountType" label={t('policiesPage.fields.amountType')}>
                <Radio.Group
                  options={(['none', 'fixed', 'formula'] as const).map((v) => ({ value: v, label: t(`policiesPage.amountTypes.${v}`) }))}
                  data-testid="policy-amount-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="budget" label={t('policiesPage.fields.budget')}>
                <Input suffix={t('policiesPage.units.wan')} data-testid="policy-budget" />
              </Form.Item>
            </Col>
            {amountType === 'fixed' && (
              <Col xs={24} md={8}>
                <Form.Item name="fixedWan" label={t('policiesPage.fields.fixedWan')} rules={required(t('policiesPage.editor.requiredField'))}>
                  <Input suffix={t('policiesPage.units.wan')} data-testid="policy-fixed-wan" />
                </Form.Item>
              </Col>
            )}
            {amountType === 'formula' && (
              <>
                <Col xs={12} md={6}>
                  <Form.Item name="formulaFigure" label={t('policiesPage.fields.formulaFigure')}>
                    <Select options={RULE_FIGURES.map((f) => ({ value: f, label: t(`policiesPage.figures.${f}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('policiesPage.fields.formulaYear')}>
                    <Space.Compact>
                      <Form.Item name="formulaYearKind" noStyle>
                        <Select
                          style={{ width: 110 }}
                          onChange={(kind) => form.setFieldValue('formulaYear', kind === 'absolute' ? new Date().getFullYear() - 1 : -1)}
                          options={[
                            { value: 'relative', label: t('policiesPage.years.relative') },
                            { value: 'absolute', label: t('policiesPage.years.absolute') },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item name="formulaYear" noStyle>
                        <InputNumber precision={0} min={yearKind === 'absolute' ? 1900 : -50} max={yearKind === 'absolute' ? 2200 : 0} style={{ width: 100 }} />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="ratePercent" label={t('policiesPage.fields.ratePercent')} rules={required(t('policiesPage.editor.requiredField'))}>
                    <Input suffix="%" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="capWan" label={t('policiesPage.fields.capWan')}>
                    <Input suffix={t('policiesPage.units.wan')} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>

        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={t('policiesPage.editor.clauses')} style={{ marginBottom: 16 }}>
              <Form.List name="clauses">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} align="flex-start">
                        <Form.Item name={[field.name, 'id']} style={{ width: 130 }} rules={required(t('policiesPage.editor.requiredField'))}>
                          <Input placeholder={t('policiesPage.editor.clauseIdPlaceholder')} data-testid={`policy-clause-${field.name}-id`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'text']} style={{ flex: 1 }} rules={required(t('policiesPage.editor.requiredField'))}>
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder={t('policiesPage.editor.clauseTextPlaceholder')} data-testid={`policy-clause-${field.name}-text`} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('policiesPage.builder.remove')} />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: '', text: '' })} block data-testid="policy-clause-add">
                      {t('policiesPage.editor.addClause')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('policiesPage.editor.interpretation')} style={{ marginBottom: 16 }}>
              <Form.List name="interpretation">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Flex key={field.key} vertical gap={0} style={{ marginBottom: 8 }}>
                        <Flex gap={8}>
                          <Form.Item name={[field.name, 'heading']} style={{ flex: 1, marginBottom: 4 }} rules={required(t('policiesPage.editor.requiredField'))}>
                            <Input placeholder={t('policiesPage.editor.headingPlaceholder')} />
                          </Form.Item>
                          <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('policiesPage.builder.remove')} />
                        </Flex>
                        <Form.Item name={[field.name, 'body']} rules={required(t('policiesPage.editor.requiredField'))}>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                        </Form.Item>
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ heading: '', body: '' })} block>
                      {t('policiesPage.editor.addInterpretation')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
        </Row>
      </Form>

      <RuleEditor value={rule} onChange={setRule} savedFaults={savedFaults} clauseOptions={clauseOptions} liveCount={liveCount} />

      {policy && canPublish && <PublishModal policyId={policy.id} open={publishing} onClose={() => setPublishing(false)} onPublished={() => navigate(`/policies/${policy.id}`)} />}
    </div>
  );
}
