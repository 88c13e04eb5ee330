// The dialog to create a child unit (kind, name, code, division code) or edit one (name, division code, order).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedChildKinds, type OrgUnitKind } from '../../../shared/roles.ts';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { createOrgUnit, orgKeys, updateOrgUnit } from './api.ts';

export type OrgUnitFormTarget = { mode: 'create'; parent: OrgUnitView | null } | { mode: 'edit'; unit: OrgUnitView };

interface Values {
  kind: OrgUnitKind;
  name: string;
  code: string;
  divisionCode?: string;
  sortOrder?: number | null;
}

const rootKinds: readonly OrgUnitKind[] = ['city'];
export const unitCodePattern = /^[a-z0-9][a-z0-9-]{1,47}$/;
export const divisionCodePattern = /^(\d{6}|\d{9}|\d{12})$/;

export function OrgUnitFormModal({ target, onClose, onSaved }: { target: OrgUnitFormTarget | null; onClose: () => void; onSaved?: (unit: OrgUnitView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);

  const kindChoices: readonly OrgUnitKind[] = target?.mode === 'create' ? (target.parent ? allowedChildKinds[target.parent.kind] : rootKinds) : [];

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit') {
      form.setFieldsValue({ kind: target.unit.kind, name: target.unit.name, code: target.unit.code, divisionCode: target.unit.divisionCode ?? '', sortOrder: target.unit.sortOrder });
    } else {
      form.setFieldsValue({ kind: (target.parent ? allowedChildKinds[target.parent.kind] : rootKinds)[0] });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const divisionCode = values.divisionCode?.trim() ? values.divisionCode.trim() : null;
      const sortOrder = values.sortOrder ?? undefined;
      if (target?.mode === 'edit') return updateOrgUnit(target.unit.id, { name: values.name.trim(), divisionCode, sortOrder });
      return createOrgUnit({ parentId: target?.mode === 'create' ? (target.parent?.id ?? null) : null, kind: values.kind, name: values.name.trim(), code: values.code.trim(), divisionCode, sortOrder });
    },
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.units });
      void message.success(target?.mode === 'edit' ? t('org.updated') : t('org.created'));
      onSaved?.(unit);
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  const title = target?.mode === 'edit' ? t('org.editUnit', { name: target.unit.name }) : target?.parent ? t('org.addChildOf', { name: target.parent.name }) : t('org.addRoot');
  const currentKind = target?.mode === 'edit' ? target.unit.kind : kind;

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            disabled={target?.mode === 'edit'}
            options={(target?.mode === 'edit' ? [target.unit.kind] : kindChoices).map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, max: 64, message: t('common.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          extra={target?.mode === 'create' ? t('org.codeHint') : undefined}
          rules={[{ required: true, pattern: unitCodePattern, message: t('org.codeRule') }]}
          normalize={(value: string) => value.toLowerCase()}
        >
          <Input disabled={target?.mode === 'edit'} maxLength={48} spellCheck={false} autoCapitalize="none" />
        </Form.Item>
        {currentKind !== 'department' && (
          <Form.Item name="divisionCode" label={t('org.divisionCode')} extra={t('org.divisionCodeHint')} rules={[{ pattern: divisionCodePattern, message: t('org.divisionCodeRule') }]}>
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t('org.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
