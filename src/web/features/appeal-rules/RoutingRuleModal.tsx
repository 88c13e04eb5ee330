// Adding or changing one dispatch rule (category × division → department); the server's checks appear at the fields.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { DepartmentSelect } from '../appeals/DepartmentSelect.tsx';
import { useOrgUnits } from '../org/use-org-units.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { putRoutingRule, ruleKeys, type PutRoutingRuleInput } from './api.ts';
import { categoryName, orderedCategories } from './clock-rules.ts';
import { divisionTree, type RoutingRow } from './routing.ts';

/** `null` closed, `'new'` adding, a row when changing that rule. */
export type RoutingTarget = RoutingRow | 'new' | null;

interface Values {
  categoryId?: string;
  divisionCode?: string;
  departmentId?: string | null;
}

export function RoutingRuleModal({ target, categories, existing, onClose }: { target: RoutingTarget; categories: CategoryView[]; existing: RoutingRow[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const { tree } = useOrgUnits();
  const editing = target && target !== 'new' ? target : null;
  const categoryId = Form.useWatch('categoryId', form);
  const divisionCode = Form.useWatch('divisionCode', form);
  const replaces = !editing && existing.some((row) => row.categoryId === categoryId && row.divisionCode === (divisionCode ?? ''));

  const divisions = useMemo(() => [{ value: '', title: t('appealRules.routing.allDivisions') }, ...divisionTree(tree)], [tree, t]);
  const categoryOptions = orderedCategories(categories).map(({ category, depth }) => ({ value: category.id, label: `${'　'.repeat(depth)}${categoryName(category, locale)}` }));

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(editing ? { categoryId: editing.categoryId, divisionCode: editing.divisionCode, departmentId: editing.departmentId } : { divisionCode: '' });
  }, [target, editing, form]);

  const save = useMutation({
    mutationFn: (values: Values) => putRoutingRule({ categoryId: values.categoryId, divisionCode: values.divisionCode ?? '', departmentId: values.departmentId } as PutRoutingRuleInput),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ruleKeys.rules });
      void message.success(t('appealRules.routing.saved'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={!!target}
      title={editing ? t('appealRules.routing.modalEdit') : t('appealRules.routing.modalAdd')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={600}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" data-testid="routing-rule-form">
        <Form.Item name="categoryId" label={t('appealRules.routing.category')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={categoryOptions} disabled={!!editing} showSearch={{ optionFilterProp: 'label' }} data-testid="routing-rule-category" />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('appealRules.routing.division')}>
          <TreeSelect
            treeData={divisions}
            disabled={!!editing}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={divisions.slice(1).map((node) => node.value)}
            popupMatchSelectWidth={false}
            data-testid="routing-rule-division"
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('appealRules.routing.department')} rules={[{ required: true, message: t('common.required') }]}>
          <DepartmentSelect testId="routing-rule-department" />
        </Form.Item>
      </Form>
      {replaces && <Alert type="warning" showIcon title={t('appealRules.routing.replaces')} />}
    </Modal>
  );
}
