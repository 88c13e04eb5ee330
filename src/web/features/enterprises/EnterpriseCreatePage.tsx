// Registering an enterprise: the credit code checked as it is typed (GB 32100, reason shown at the field), and the server's refusals shown at the field at fault.
import { App, Button, Card, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { creditRatings, enterpriseTags, taxpayerTypes } from '../../../shared/schemas/enterprises.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { createEnterprise } from './api.ts';
import { createBody, type CreateFormValues } from './create-body.ts';
import { DivisionCascader } from './DivisionCascader.tsx';
import { isWanInput } from './format-wan.ts';
import { IndustryPicker } from './IndustryPicker.tsx';
import { usccRule } from './uscc-check.ts';
import './messages.ts';

type FormShape = Omit<CreateFormValues, 'foundedOn'> & { foundedOn: Dayjs };

export function CreateEnterpriseForm({ onCreated, initial }: { onCreated: (uscc: string, name: string) => void; initial?: Partial<FormShape> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormShape>();
  const [saving, setSaving] = useState(false);
  const required = { required: true, message: t('enterprisesPage.form.required') };
  const wanRule = (signed = false) => ({
    validator: (_: unknown, value: string | undefined) => (!value?.trim() || isWanInput(value, { signed }) ? Promise.resolve() : Promise.reject(new Error(t('enterprisesPage.form.wanInvalid')))),
  });

  const submit = async (values: FormShape) => {
    setSaving(true);
    try {
      const created = await createEnterprise(createBody({ ...values, foundedOn: values.foundedOn.format('YYYY-MM-DD') }));
      onCreated(created.uscc, created.name);
    } catch (error) {
      const shown = applyFieldErrors(form, error);
      if (!shown && isApiError(error) && error.code === 'invalid_uscc') form.setFields([{ name: 'uscc', errors: [error.message] }]);
      else if (!shown) message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  const half = { xs: 24, md: 12 };
  return (
    <Form<FormShape> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="enterprise-create-form" initialValues={{ figuresYear: dayjs().year() - 1, ...initial }}>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="uscc"
            label={t('enterprisesPage.form.uscc')}
            rules={[required, usccRule(t)]}
            validateTrigger={['onChange', 'onBlur']}
            normalize={(value: string) => value?.toUpperCase()}
          >
            <Input maxLength={24} placeholder={t('enterprisesPage.form.usccPlaceholder')} style={{ fontFamily: 'monospace' }} data-testid="create-uscc" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="name" label={t('enterprisesPage.form.name')} rules={[required]}>
            <Input maxLength={200} data-testid="create-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="divisionCode" label={t('enterprisesPage.form.divisionCode')} rules={[required]}>
            <DivisionCascader testId="create-division" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="industryCode" label={t('enterprisesPage.form.industryCode')} rules={[required]}>
            <IndustryPicker classesOnly testId="create-industry" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="foundedOn"
            label={t('enterprisesPage.form.foundedOn')}
            rules={[required, { validator: (_, v: Dayjs | undefined) => (v && v.isAfter(dayjs(), 'day') ? Promise.reject(new Error(t('enterprisesPage.form.futureDate'))) : Promise.resolve()) }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="create-founded" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="formerNames" label={t('enterprisesPage.form.formerNames')}>
            <Select mode="tags" open={false} suffixIcon={null} placeholder={t('enterprisesPage.form.formerNamesPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('enterprisesPage.form.figuresSection')}</Divider>
      <Row gutter={16}>
        <Col xs={12} md={4}>
          <Form.Item name="figuresYear" label={t('enterprisesPage.form.figuresYear')}>
            <InputNumber min={1949} max={2200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="headcount" label={t('enterprisesPage.form.headcount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="create-headcount" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="revenue" label={t('enterprisesPage.form.revenue')} rules={[wanRule()]}>
            <Input inputMode="decimal" data-testid="create-revenue" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="assets" label={t('enterprisesPage.form.assets')} rules={[wanRule()]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="tax" label={t('enterprisesPage.form.tax')} rules={[wanRule(true)]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('enterprisesPage.form.otherSection')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="legalRepresentative" label={t('enterprisesPage.form.legalRepresentative')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="registeredCapital" label={t('enterprisesPage.form.registeredCapital')} rules={[wanRule()]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="registeredAddress" label={t('enterprisesPage.form.registeredAddress')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="taxpayerType" label={t('enterprisesPage.form.taxpayerType')}>
            <Select allowClear options={taxpayerTypes.map((v) => ({ value: v, label: t(`enterprisesPage.taxpayerTypes.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="creditRating" label={t('enterprisesPage.form.creditRating')}>
            <Select allowClear options={creditRatings.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label={t('enterprisesPage.form.contactName')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label={t('enterprisesPage.form.contactPhone')}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactEmail" label={t('enterprisesPage.form.contactEmail')}>
            <Input inputMode="email" maxLength={120} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('enterprisesPage.form.tags')}>
            <Select mode="multiple" allowClear options={enterpriseTags.map((tag) => ({ value: tag, label: t(`enterprisesPage.tags.${tag}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={saving} data-testid="create-submit">
          {t('enterprisesPage.form.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

export default function EnterpriseCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <div data-testid="page-enterprise-create">
      <PageTitle title={t('enterprisesPage.form.createTitle')} description={t('enterprisesPage.form.createIntro')} />
      <Card>
        <CreateEnterpriseForm
          onCreated={(uscc, name) => {
            message.success(t('enterprisesPage.form.created', { name }));
            void navigate(`/enterprises/${uscc}`);
          }}
        />
      </Card>
    </div>
  );
}
