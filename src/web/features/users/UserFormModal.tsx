// The dialog to create a user (all fields) or edit one (name, roles, unit, enterprise, contact, status).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles as allRoles, type Role } from '../../../shared/roles.ts';
import type { UserView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect.tsx';
import { OrgUnitTreeSelect } from '../org/OrgUnitTreeSelect.tsx';
import { createUser, updateUser, userKeys } from './api.ts';
import { blankToNull, minPasswordLength, phonePattern, usernamePattern } from './user-form-rules.ts';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserView };

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  orgUnitId: string | null;
  enterpriseId: string | null;
  phone?: string;
  email?: string;
  status: 'active' | 'disabled';
}

export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const chosenRoles = Form.useWatch('roles', form) ?? [];
  const isEnterpriseUser = chosenRoles.includes('enterprise');
  const isStaff = chosenRoles.some((role) => role !== 'enterprise');
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({ displayName: u.displayName, roles: u.roles, orgUnitId: u.orgUnitId, enterpriseId: u.enterpriseId, phone: u.phone ?? '', email: u.email ?? '', status: u.status });
    } else {
      form.setFieldsValue({ roles: [], orgUnitId: null, enterpriseId: null, status: 'active' });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const common = {
        displayName: values.displayName.trim(),
        roles: values.roles,
        orgUnitId: values.orgUnitId ?? null,
        enterpriseId: values.roles.includes('enterprise') ? (values.enterpriseId ?? null) : null,
        phone: blankToNull(values.phone),
        email: blankToNull(values.email),
      };
      if (editing) return updateUser(editing.id, { ...common, status: values.status });
      return createUser({ ...common, username: values.username.trim().toLowerCase(), password: values.password });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(editing ? t('users.updated') : t('users.created'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={!!target}
      title={editing ? t('users.editUser', { name: editing.displayName }) : t('users.newUser')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={640}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark="optional" data-testid="user-form">
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHint')}
            normalize={(value: string) => value.toLowerCase()}
            rules={[{ required: true, pattern: usernamePattern, message: t('users.usernameRule') }]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, max: 64, message: t('common.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
        {!editing && (
          <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.passwordHint')} rules={[{ required: true, min: minPasswordLength, message: t('users.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRule') }]}>
          <Select mode="multiple" options={allRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('users.unit')} rules={[{ required: isStaff, message: t('users.unitRule') }]}>
          <OrgUnitTreeSelect />
        </Form.Item>
        {isEnterpriseUser && (
          <Form.Item name="enterpriseId" label={t('users.enterprise')} extra={t('users.enterpriseHint')} rules={[{ required: true, message: t('users.enterpriseRule') }]}>
            <EnterpriseSelect currentLabel={editing?.enterpriseName} />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: phonePattern, message: t('users.phoneRule') }]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailRule') }]}>
          <Input inputMode="email" maxLength={254} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('common.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('users.statusActive') },
                { value: 'disabled', label: t('users.statusDisabled') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
