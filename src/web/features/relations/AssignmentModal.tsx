// The office's form to assign a leader or cadre to an enterprise or a project, with a period and a visit plan (every N months and/or dates).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select, Button } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect.tsx';
import { createAssignment, createProject, fetchProjects, relationKeys, searchStaff } from './api.ts';
import './messages.ts';

interface Values {
  userId: string;
  targetKind: 'enterprise' | 'project';
  enterpriseId?: string | null;
  projectId?: string;
  duty: 'leader' | 'cadre';
  validFrom: Dayjs;
  validUntil?: Dayjs | null;
  visitEveryMonths?: number | null;
  plannedVisits?: Dayjs[];
  note?: string;
}

export function AssignmentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [staffSearch, setStaffSearch] = useState('');
  const [newProject, setNewProject] = useState('');
  const targetKind = Form.useWatch('targetKind', form);
  const staff = useQuery({ queryKey: relationKeys.staff(staffSearch), queryFn: () => searchStaff(staffSearch), enabled: open });
  const projects = useQuery({ queryKey: relationKeys.projects(''), queryFn: () => fetchProjects(''), enabled: open && targetKind === 'project' });

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const addProject = useMutation({
    mutationFn: () => createProject({ name: newProject.trim(), enterpriseId: form.getFieldValue('enterpriseId') ?? undefined }),
    onSuccess: (project) => {
      void queryClient.invalidateQueries({ queryKey: ['relations', 'projects'] });
      form.setFieldValue('projectId', project.id);
      setNewProject('');
    },
    onError: (failure) => setError(failure),
  });

  const save = useMutation({
    mutationFn: (v: Values) =>
      createAssignment({
        userId: v.userId,
        enterpriseId: v.targetKind === 'enterprise' ? (v.enterpriseId ?? undefined) : undefined,
        projectId: v.targetKind === 'project' ? v.projectId : undefined,
        duty: v.duty,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : undefined,
        visitEveryMonths: v.visitEveryMonths ?? undefined,
        plannedVisits: (v.plannedVisits ?? []).map((d) => d.format('YYYY-MM-DD')),
        note: v.note?.trim() || undefined,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relationKeys.all });
      void message.success(t('relations.created'));
      onClose();
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) setError(failure);
    },
  });

  return (
    <Modal
      open={open}
      title={t('relations.newAssignment')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values), () => undefined)}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ targetKind: 'enterprise', duty: 'cadre', validFrom: dayjs(), visitEveryMonths: 3 }} data-testid="assignment-form">
        <Form.Item name="userId" label={t('relations.person')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setStaffSearch }}
            placeholder={t('relations.personPlaceholder')}
            loading={staff.isFetching}
            options={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}${u.unitName ? ` · ${u.unitName}` : ''}）` }))}
            data-testid="assignment-user"
          />
        </Form.Item>
        <Form.Item name="duty" label={t('relations.duty.leader') + ' / ' + t('relations.duty.cadre')}>
          <Radio.Group options={[{ value: 'leader', label: t('relations.duty.leader') }, { value: 'cadre', label: t('relations.duty.cadre') }]} />
        </Form.Item>
        <Form.Item name="targetKind" label={t('relations.target')}>
          <Radio.Group options={[{ value: 'enterprise', label: t('relations.targetKind.enterprise') }, { value: 'project', label: t('relations.targetKind.project') }]} />
        </Form.Item>
        {targetKind !== 'project' ? (
          <Form.Item name="enterpriseId" label={t('relations.enterprise')} rules={[{ required: true, message: t('common.required') }]}>
            <EnterpriseSelect />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="projectId" label={t('relations.project')} rules={[{ required: true, message: t('common.required') }]}>
              <Select placeholder={t('relations.projectPlaceholder')} loading={projects.isFetching} options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.enterpriseName ? `${p.name}（${p.enterpriseName}）` : p.name }))} />
            </Form.Item>
            <Flex gap={8} style={{ marginBottom: 16 }}>
              <Input placeholder={t('relations.newProject')} value={newProject} onChange={(e) => setNewProject(e.target.value)} maxLength={200} />
              <Button onClick={() => addProject.mutate()} disabled={!newProject.trim()} loading={addProject.isPending}>
                {t('relations.addProject')}
              </Button>
            </Flex>
          </>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="validFrom" label={t('relations.validFrom')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t('relations.validUntil')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="visitEveryMonths" label={t('relations.visitEveryMonths')}>
            <InputNumber min={1} max={24} />
          </Form.Item>
        </Flex>
        <Form.Item name="plannedVisits" label={t('relations.plannedVisits')}>
          <DatePicker multiple style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('relations.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
