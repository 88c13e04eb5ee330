// The filter bar of the audit trail: entity type, action, actor id and a date range.
import { AutoComplete, Button, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from './api.ts';

interface Values {
  entityType?: string;
  action?: string;
  actorId?: string;
  range?: [Dayjs, Dayjs] | null;
}

const knownEntityTypes = ['user', 'org_unit', 'calendar_day', 'api_token', 'session', 'enterprise', 'appeal', 'policy'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditFilterForm({ value, onChange }: { value: AuditFilters; onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    form.setFieldsValue({ entityType: value.entityType, action: value.action, actorId: value.actorId });
  }, [value.entityType, value.action, value.actorId, form]);

  const submit = (values: Values) =>
    onChange({
      entityType: values.entityType?.trim() || undefined,
      action: values.action?.trim() || undefined,
      actorId: values.actorId?.trim() || undefined,
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
      entityId: value.entityId,
    });

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <AutoComplete options={knownEntityTypes.map((type) => ({ value: type }))} style={{ width: 160 }} allowClear />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Input style={{ width: 160 }} allowClear placeholder="user.create" />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.actorId')} rules={[{ pattern: uuidPattern, message: t('audit.actorIdRule') }]}>
        <Input style={{ width: 300 }} allowClear spellCheck={false} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Form>
  );
}
