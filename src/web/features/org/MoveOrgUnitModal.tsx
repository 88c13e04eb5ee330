// The dialog to move a unit under a new parent; itself, its descendants and unsuitable parents are greyed out.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedChildKinds } from '../../../shared/roles.ts';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { orgKeys, updateOrgUnit } from './api.ts';
import { descendantIds, toTreeSelectData } from './org-tree.ts';
import { useOrgUnits } from './use-org-units.ts';

export function MoveOrgUnitModal({ unit, onClose }: { unit: OrgUnitView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { units, tree } = useOrgUnits();
  const [form] = Form.useForm<{ parentId: string }>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!unit) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ parentId: unit.parentId ?? undefined });
  }, [unit, form]);

  const treeData = useMemo(() => {
    if (!unit) return [];
    const below = descendantIds(units, unit.id);
    return toTreeSelectData(tree, (candidate) => candidate.id === unit.id || below.has(candidate.id) || !candidate.active || !allowedChildKinds[candidate.kind].includes(unit.kind));
  }, [unit, units, tree]);

  const move = useMutation({
    mutationFn: (parentId: string) => updateOrgUnit(unit!.id, { parentId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.units });
      void message.success(t('org.moved'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={!!unit}
      title={unit ? t('org.moveUnit', { name: unit.name }) : ''}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => move.mutate(values.parentId), () => undefined)}
      confirmLoading={move.isPending}
      okText={t('org.move')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('org.moveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="parentId" label={t('org.newParent')} rules={[{ required: true, message: t('common.required') }]}>
          <TreeSelect treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
