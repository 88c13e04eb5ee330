// The yearly figures of an enterprise (one row per year, newest first) and the dialog that enters or corrects one year without touching the others.
import { App, Button, Card, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseView } from '../../../shared/schemas/enterprises.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { putFigures } from './api.ts';
import { formatWan, isWanInput } from './format-wan.ts';

type Figures = EnterpriseView['figures'][number];

/** Figures newest year first; the API keeps one row per year. */
export function figuresByYear(figures: readonly Figures[]): Figures[] {
  return [...figures].sort((a, b) => b.year - a.year);
}

interface FigureForm {
  year: number;
  headcount?: number | null;
  revenue?: string;
  assets?: string;
  tax?: string;
}

const blankToNull = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());

export function FiguresPanel({ enterprise, onChanged }: { enterprise: EnterpriseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { message } = App.useApp();
  const canEdit = enterprise.abilities.includes('figures');
  const [editing, setEditing] = useState<Figures | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FigureForm>();
  const rows = figuresByYear(enterprise.figures);
  const wanRule = (signed: boolean) => ({
    validator: (_: unknown, value: string | undefined) => (!value?.trim() || isWanInput(value, { signed }) ? Promise.resolve() : Promise.reject(new Error(t('enterprisesPage.form.wanInvalid')))),
  });

  const open = (row: Figures | 'new') => {
    setEditing(row);
    form.setFieldsValue(
      row === 'new'
        ? { year: (rows[0]?.year ?? new Date().getFullYear() - 2) + 1, headcount: null, revenue: '', assets: '', tax: '' }
        : { year: row.year, headcount: row.headcount, revenue: row.revenue ?? '', assets: row.assets ?? '', tax: row.tax ?? '' },
    );
  };

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await putFigures(enterprise.uscc, values.year, {
        headcount: values.headcount ?? null,
        revenue: blankToNull(values.revenue),
        assets: blankToNull(values.assets),
        tax: blankToNull(values.tax),
      });
      message.success(t('enterprisesPage.detail.saved'));
      setEditing(null);
      onChanged();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  const money = (value: string | null) => formatWan(value) ?? '—';
  return (
    <Card
      title={t('enterprisesPage.detail.figures')}
      data-testid="enterprise-figures"
      extra={canEdit && <Button onClick={() => open('new')} data-testid="figures-add">{t('enterprisesPage.detail.addFigures')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('enterprisesPage.detail.figuresHint')}</Typography.Paragraph>
      <Table<Figures>
        size="small"
        rowKey="year"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('enterprisesPage.detail.noFigures') }}
        columns={[
          { key: 'year', title: t('enterprisesPage.detail.year'), dataIndex: 'year' },
          { key: 'headcount', title: t('enterprisesPage.detail.headcount'), align: 'right', render: (_, row) => row.headcount ?? '—' },
          { key: 'revenue', title: t('enterprisesPage.detail.revenue'), align: 'right', render: (_, row) => money(row.revenue) },
          { key: 'assets', title: t('enterprisesPage.detail.assets'), align: 'right', render: (_, row) => money(row.assets) },
          { key: 'tax', title: t('enterprisesPage.detail.tax'), align: 'right', render: (_, row) => money(row.tax) },
          { key: 'source', title: t('enterprisesPage.detail.source'), render: (_, row) => t(`enterprisesPage.detail.sources.${row.source}`) },
          { key: 'updatedAt', title: t('enterprisesPage.detail.updatedAt'), render: (_, row) => formatDateTime(row.updatedAt, locale) },
          ...(canEdit
            ? [{ key: 'edit', title: '', render: (_: unknown, row: Figures) => <Button type="link" size="small" onClick={() => open(row)}>{t('enterprisesPage.detail.editFigures')}</Button> }]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('enterprisesPage.detail.figures')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'figures-save' } as never}
        confirmLoading={saving}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="figures-form">
          <Form.Item name="year" label={t('enterprisesPage.detail.year')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1949} max={2200} precision={0} disabled={editing !== 'new'} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="headcount" label={t('enterprisesPage.detail.headcount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="revenue" label={t('enterprisesPage.detail.revenue')} rules={[wanRule(false)]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="assets" label={t('enterprisesPage.detail.assets')} rules={[wanRule(false)]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="tax" label={t('enterprisesPage.detail.tax')} rules={[wanRule(true)]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
