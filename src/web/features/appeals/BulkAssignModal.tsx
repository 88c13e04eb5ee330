// Bulk assignment from the triage queue: one department (and co-departments) for the selected appeals, each assigned on its own, failures reported per row.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealListItem } from '../../../shared/schemas/appeals.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { actionBody } from './action-buttons.ts';
import { appealKeys, performAppealAction } from './api.ts';
import { assignEach, type Outcome } from './bulk-assign.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';

interface Values {
  departmentId: string;
  coDepartmentIds?: string[];
  note?: string;
}

export function BulkAssignModal({ items, onClose }: { items: readonly AppealListItem[] | null; onClose: (assignedIds: string[]) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const close = () => {
    const assigned = (outcomes ?? []).filter((o) => !o.error).map((o) => o.item.id);
    setOutcomes(null);
    form.resetFields();
    onClose(assigned);
  };

  const run = async (values: Values) => {
    if (!items) return;
    setRunning(true);
    const body = actionBody('assign', values);
    const result = await assignEach(items, body, (id, b) => performAppealAction(id, 'assign', b as never), (error) => errorMessage(error, t));
    setRunning(false);
    setOutcomes(result);
    void queryClient.invalidateQueries({ queryKey: appealKeys.all });
  };

  const failed = outcomes?.filter((o) => o.error).length ?? 0;
  return (
    <Modal
      open={items !== null}
      title={t('appeals.bulk.title', { count: items?.length ?? 0 })}
      onCancel={close}
      onOk={outcomes ? close : () => form.submit()}
      okText={outcomes ? t('common.confirm') : t('appeals.actions.assign')}
      cancelButtonProps={{ style: outcomes ? { display: 'none' } : undefined }}
      confirmLoading={running}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'bulk-assign-ok' } as never}
    >
      {outcomes ? (
        <>
          <Alert
            type={failed ? 'warning' : 'success'}
            showIcon
            title={t('appeals.bulk.result', { ok: outcomes.length - failed, failed })}
            style={{ marginBottom: 12 }}
            data-testid="bulk-assign-result"
          />
          <List
            size="small"
            dataSource={outcomes}
            renderItem={(o) => (
              <List.Item>
                <List.Item.Meta
                  avatar={o.error ? <CloseCircleTwoTone twoToneColor="#c62828" /> : <CheckCircleTwoTone twoToneColor="#2e7d32" />}
                  title={`${o.item.number} ${o.item.title}`}
                  description={o.error ? <Typography.Text type="danger">{o.error}</Typography.Text> : t('appeals.bulk.done')}
                />
              </List.Item>
            )}
          />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={run}>
          <Typography.Paragraph type="secondary">{items?.map((i) => i.number).join('、')}</Typography.Paragraph>
          <Form.Item name="departmentId" label={t('appeals.fields.leadDepartment')} rules={[{ required: true, message: t('appeals.form.departmentRequired') }]}>
            <DepartmentSelect testId="bulk-assign-department" />
          </Form.Item>
          <Form.Item name="coDepartmentIds" label={t('appeals.fields.coDepartments')}>
            <DepartmentSelect multiple />
          </Form.Item>
          <Form.Item name="note" label={t('appeals.fields.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
