// The dialog of one appeal action: asks for exactly the fields the action's body needs, then posts it and refreshes the appeal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EXTENSION_DAYS, resolutions, type AppealAction, type AppealView } from '../../../shared/schemas/appeals.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { actionBody, actionFields, type ActionFormValues } from './action-buttons.ts';
import { appealKeys, performAppealAction } from './api.ts';
import { DepartmentSelect, useUnitName } from './DepartmentSelect.tsx';
import { MergeTargetSelect } from './MergeTargetSelect.tsx';
import { RatingInput } from './RatingInput.tsx';
import { useAppealLabels } from './use-appeal-labels.ts';

interface Props {
  appeal: AppealView;
  action: AppealAction | null;
  /** Preset values, e.g. the merge target chosen from the duplicate suggestions. */
  preset?: ActionFormValues;
  onClose: () => void;
}

const required = new Set(['reason', 'intoId', 'departmentId', 'workingDays', 'content', 'resolution', 'rating', 'supervisionNote']);

export function ActionModal({ appeal, action, preset, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useAppealLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActionFormValues>();
  const reached = Form.useWatch('reached', form);
  const staff = appeal.abilities.includes('view-internal');
  const unitName = useUnitName(staff && action === 'assign');

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue({
      departmentId: action === 'assign' ? (appeal.leadDepartmentId ?? appeal.suggestedDepartmentId ?? undefined) : undefined,
      coDepartmentIds: action === 'assign' ? appeal.coDepartmentIds : undefined,
      reached: action === 'follow-up' ? true : undefined,
      resolved: action === 'follow-up' ? true : undefined,
      ...preset,
    });
  }, [action, appeal, preset, form]);

  const run = useMutation({
    mutationFn: (values: ActionFormValues) => performAppealAction(appeal.id, action!, actionBody(action!, values) as never),
    onSuccess: (updated) => {
      queryClient.setQueryData(appealKeys.detail(appeal.id), updated);
      void queryClient.invalidateQueries({ queryKey: appealKeys.all });
      void message.success(t('appeals.actionDone', { action: labels.action(action!) }));
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) void message.error(errorMessage(error, t));
    },
  });

  if (!action) return null;
  const fields = actionFields[action];
  const rule = (field: string) => (required.has(field) ? [{ required: true, whitespace: true, message: t('common.required') }] : []);
  const suggested = unitName(appeal.suggestedDepartmentId);
  const followUpReached = reached !== false;

  return (
    <Modal
      open
      title={`${labels.action(action)} · ${appeal.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={labels.action(action)}
      okButtonProps={{ danger: ['reject', 'return', 'deny-extension', 'reopen'].includes(action), 'data-testid': 'action-confirm' } as never}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`appeals.actionHints.${action}`)}</Typography.Paragraph>
      {action === 'approve-extension' || action === 'deny-extension' ? (
        appeal.pendingExtension && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('appeals.detail.extensionRequested', { days: appeal.pendingExtension.workingDays })}
            description={appeal.pendingExtension.reason}
          />
        )
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => run.mutate(values)} data-testid={`action-form-${action}`}>
        {fields.includes('departmentId') && (
          <Form.Item
            name="departmentId"
            label={t('appeals.fields.leadDepartment')}
            rules={[{ required: true, message: t('appeals.form.departmentRequired') }]}
            extra={suggested ? t('appeals.form.suggested', { name: suggested }) : t('appeals.form.noSuggestion')}
          >
            <DepartmentSelect testId="action-department" />
          </Form.Item>
        )}
        {fields.includes('coDepartmentIds') && (
          <Form.Item name="coDepartmentIds" label={t('appeals.fields.coDepartments')}>
            <DepartmentSelect multiple />
          </Form.Item>
        )}
        {fields.includes('replyWithinWorkingDays') && (
          <Form.Item name="replyWithinWorkingDays" label={t('appeals.fields.replyWithinWorkingDays')} extra={t('appeals.form.replyWithinHint')}>
            <InputNumber min={1} max={MAX_EXTENSION_DAYS} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {fields.includes('intoId') && (
          <Form.Item name="intoId" label={t('appeals.fields.intoId')} rules={rule('intoId')} extra={t('appeals.form.intoHint')}>
            <MergeTargetSelect appeal={appeal} />
          </Form.Item>
        )}
        {fields.includes('workingDays') && (
          <Form.Item name="workingDays" label={t('appeals.fields.workingDays')} rules={[{ required: true, message: t('common.required') }]} extra={t('appeals.form.workingDaysHint', { max: MAX_EXTENSION_DAYS })}>
            <InputNumber min={1} max={MAX_EXTENSION_DAYS} precision={0} style={{ width: 160 }} data-testid="action-working-days" />
          </Form.Item>
        )}
        {fields.includes('content') && (
          <Form.Item name="content" label={t('appeals.fields.replyContent')} rules={rule('content')}>
            <Input.TextArea rows={5} maxLength={10_000} showCount data-testid="action-content" />
          </Form.Item>
        )}
        {fields.includes('resolution') && (
          <Form.Item name="resolution" label={t('appeals.fields.resolution')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group data-testid="action-resolution" options={resolutions.map((r) => ({ value: r, label: labels.resolution(r) }))} />
          </Form.Item>
        )}
        {fields.includes('reached') && (
          <Form.Item name="reached" label={t('appeals.fields.reached')} valuePropName="checked">
            <Switch checkedChildren={t('appeals.filters.yes')} unCheckedChildren={t('appeals.filters.no')} data-testid="action-reached" />
          </Form.Item>
        )}
        {fields.includes('resolved') && followUpReached && (
          <Form.Item name="resolved" label={t('appeals.fields.resolved')} valuePropName="checked">
            <Switch checkedChildren={t('appeals.filters.yes')} unCheckedChildren={t('appeals.filters.no')} data-testid="action-resolved" />
          </Form.Item>
        )}
        {fields.includes('rating') && (action !== 'follow-up' || followUpReached) && (
          <Form.Item name="rating" label={t('appeals.fields.rating')} rules={[{ required: true, message: t('appeals.form.ratingRequired') }]}>
            <RatingInput testId="action-rating" />
          </Form.Item>
        )}
        {fields.includes('comment') && (
          <Form.Item name="comment" label={action === 'rate' ? t('appeals.fields.rateComment') : t('appeals.fields.comment')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-comment" />
          </Form.Item>
        )}
        {fields.includes('reason') && (
          <Form.Item name="reason" label={t(`appeals.reasonLabels.${action}`, { defaultValue: t('appeals.fields.reason') })} rules={rule('reason')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        )}
        {fields.includes('supervisionNote') && (
          <Form.Item name="supervisionNote" label={t('appeals.fields.supervisionNote')} rules={rule('supervisionNote')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {fields.includes('note') && (
          <Form.Item name="note" label={t('appeals.fields.note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="action-note" />
          </Form.Item>
        )}
        {action === 'follow-up' && !followUpReached && <Alert type="info" showIcon title={t('appeals.form.unreachedHint')} />}
      </Form>
    </Modal>
  );
}
