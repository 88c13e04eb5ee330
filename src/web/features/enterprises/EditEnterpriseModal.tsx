// Editing an enterprise: staff with the ability change its attributes and contacts; an enterprise's own users change only the contact fields.
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditRatings, enterpriseStatuses, taxpayerTypes, type EnterpriseView } from '../../../shared/schemas/enterprises.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { updateEnterprise } from './api.ts';
import { DivisionCascader } from './DivisionCascader.tsx';
import { changedFields, type EditValues } from './edit-changes.ts';
import { isWanInput } from './format-wan.ts';
import { IndustryPicker } from './IndustryPicker.tsx';

export type EditScope = 'all' | 'contact';

function initialValues(enterprise: EnterpriseView): EditValues {
  return {
    name: enterprise.name,
    divisionCode: enterprise.divisionCode,
    industryCode: enterprise.industryCode,
    foundedOn: enterprise.foundedOn,
    legalRepresentative: enterprise.legalRepresentative,
    registeredAddress: enterprise.registeredAddress,
    registeredCapital: enterprise.registeredCapital,
    taxpayerType: enterprise.taxpayerType,
    creditRating: enterprise.creditRating,
    status: enterprise.status,
    contactName: enterprise.contact.name,
    contactPhone: enterprise.contact.phone,
    contactEmail: enterprise.contact.email,
  };
}

const contactKeys = ['contactName', 'contactPhone', 'contactEmail'];

export function EditEnterpriseModal({ enterprise, scope, open, onClose, onSaved }: { enterprise: EnterpriseView; scope: EditScope; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const initial = initialValues(enterprise);

  useEffect(() => {
    if (open) form.setFieldsValue({ ...initial, foundedOn: initial.foundedOn ? dayjs(initial.foundedOn) : null });
    // reset when the dialog opens
  }, [open]);

  const save = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    const edited: EditValues = {};
    for (const [key, value] of Object.entries(values)) {
      if (scope === 'contact' && !contactKeys.includes(key)) continue;
      edited[key] = key === 'foundedOn' ? ((value as Dayjs | null)?.format('YYYY-MM-DD') ?? null) : ((value as string | null | undefined) ?? null);
    }
    const body = changedFields(scope === 'contact' ? Object.fromEntries(contactKeys.map((k) => [k, initial[k]])) : initial, edited);
    if (Object.keys(body).length === 0) return onClose();
    setSaving(true);
    try {
      await updateEnterprise(enterprise.uscc, body);
      message.success(t('enterprisesPage.detail.saved'));
      onSaved();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('enterprisesPage.form.required') };
  return (
    <Modal
      open={open}
      title={scope === 'contact' ? t('enterprisesPage.detail.editContacts') : t('enterprisesPage.detail.editTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'enterprise-edit-save' } as never}
      confirmLoading={saving}
      forceRender
      width={scope === 'contact' ? 480 : 720}
    >
      <Form form={form} layout="vertical" data-testid="enterprise-edit-form">
        {scope === 'all' && (
          <>
            <Form.Item name="name" label={t('enterprisesPage.form.name')} rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="divisionCode" label={t('enterprisesPage.form.divisionCode')} rules={[required]}>
              <DivisionCascader />
            </Form.Item>
            <Form.Item name="industryCode" label={t('enterprisesPage.form.industryCode')} rules={[required]}>
              <IndustryPicker classesOnly />
            </Form.Item>
            <Form.Item name="foundedOn" label={t('enterprisesPage.form.foundedOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="legalRepresentative" label={t('enterprisesPage.form.legalRepresentative')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="registeredAddress" label={t('enterprisesPage.form.registeredAddress')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item
              name="registeredCapital"
              label={t('enterprisesPage.form.registeredCapital')}
              rules={[{ validator: (_, v: string | null) => (!v || isWanInput(String(v)) ? Promise.resolve() : Promise.reject(new Error(t('enterprisesPage.form.wanInvalid')))) }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="taxpayerType" label={t('enterprisesPage.form.taxpayerType')}>
              <Select allowClear options={taxpayerTypes.map((v) => ({ value: v, label: t(`enterprisesPage.taxpayerTypes.${v}`) }))} />
            </Form.Item>
            <Form.Item name="creditRating" label={t('enterprisesPage.form.creditRating')}>
              <Select allowClear options={creditRatings.map((v) => ({ value: v, label: v }))} />
            </Form.Item>
            <Form.Item name="status" label={t('enterprisesPage.detail.status')}>
              <Select options={enterpriseStatuses.map((v) => ({ value: v, label: t(`enterprisesPage.statuses.${v}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="contactName" label={t('enterprisesPage.form.contactName')}>
          <Input maxLength={64} data-testid="edit-contact-name" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('enterprisesPage.form.contactPhone')} extra={enterprise.contact.phoneMasked ? t('enterprisesPage.detail.phoneMasked') : undefined}>
          <Input inputMode="tel" maxLength={20} data-testid="edit-contact-phone" />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('enterprisesPage.form.contactEmail')}>
          <Input inputMode="email" maxLength={120} data-testid="edit-contact-email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
