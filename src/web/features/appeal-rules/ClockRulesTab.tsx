// The stage durations: default and per category, normal and urgent, each row editable; categories without their own rule show the default in grey.
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../shared/schemas/index.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { ClockRuleModal, type ClockRuleTarget } from './ClockRuleModal.tsx';
import { categoryName, clockRuleRows, dayFields, formatDays, type ClockRuleRow } from './clock-rules.ts';

interface Props {
  categories: CategoryView[];
  rules: Parameters<typeof clockRuleRows>[1];
  loading: boolean;
}

export function ClockRulesTab({ categories, rules, loading }: Props) {
  const { t } = useTranslation();
  const { locale, settings } = usePreferences();
  const [target, setTarget] = useState<ClockRuleTarget | null>(null);
  const rows = clockRuleRows(categories, rules);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const labelOf = (row: ClockRuleRow) => {
    const category = row.categoryId ? byId.get(row.categoryId) : undefined;
    return category ? categoryName(category, locale) : t('appealRules.clocks.default');
  };

  const allColumns: ColumnsType<ClockRuleRow> = [
    {
      key: 'category',
      title: t('appealRules.clocks.category'),
      onCell: (row) => ({ rowSpan: row.first ? 2 : 0 }),
      render: (_, row) => (
        <span style={{ paddingInlineStart: row.depth * 20, fontWeight: row.categoryId === null ? 600 : undefined }}>{labelOf(row)}</span>
      ),
    },
    { key: 'urgency', title: t('appealRules.clocks.urgency'), render: (_, row) => (row.urgency === 'urgent' ? <Tag color="red">{t('appeals.urgencies.urgent')}</Tag> : t('appeals.urgencies.normal')) },
    ...dayFields.map((field) => ({
      key: field,
      title: `${t(`appealRules.clocks.${field}`)}（${t('appealRules.clocks.unit')}）`,
      align: 'right' as const,
      render: (_: unknown, row: ClockRuleRow) => {
        const days = row.durations ? formatDays(row.durations[field]) : '—';
        return row.own || row.categoryId === null ? <Typography.Text strong>{days}</Typography.Text> : <Typography.Text type="secondary">{days}</Typography.Text>;
      },
    })),
    {
      key: 'source',
      title: '',
      render: (_, row) => (row.categoryId === null ? null : row.own ? <Tag color="blue">{t('appealRules.clocks.own')}</Tag> : <Tag>{t('appealRules.clocks.inherited')}</Tag>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Button size={settings.careMode ? 'middle' : 'small'} onClick={() => setTarget({ row, categoryLabel: labelOf(row) })} data-testid={`clock-rule-edit-${row.key}`}>
          {row.own || row.categoryId === null ? t('appealRules.clocks.edit') : t('appealRules.clocks.set')}
        </Button>
      ),
    },
  ];

  /** Care mode drops the own/default tags; the grey figures still tell the two apart. */
  const columns = settings.showSecondary ? allColumns : allColumns.filter((column) => column.key !== 'source');

  return (
    <>
      {settings.showSecondary && <Typography.Paragraph type="secondary">{t('appealRules.clocks.intro')}</Typography.Paragraph>}
      <Table<ClockRuleRow>
        data-testid="clock-rules-table"
        rowKey="key"
        size={settings.showSecondary ? 'small' : 'middle'}
        bordered
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <ClockRuleModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
