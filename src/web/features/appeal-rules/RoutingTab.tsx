// The dispatch catalogue (派单目录): rules by category and division with their default lead department, filterable by category; add and change.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../shared/schemas/index.ts';
import { useOrgUnits } from '../org/use-org-units.ts';
import { visibleColumns } from '../preferences/care-mode.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { categoryName, orderedCategories } from './clock-rules.ts';
import { RoutingRuleModal, type RoutingTarget } from './RoutingRuleModal.tsx';
import { routingRows, type RoutingRow } from './routing.ts';

type Column = ColumnType<RoutingRow> & { secondary?: boolean };

export function RoutingTab({ categories, rules, loading }: { categories: CategoryView[]; rules: Parameters<typeof routingRows>[0]; loading: boolean }) {
  const { t } = useTranslation();
  const { locale, settings } = usePreferences();
  const { units } = useOrgUnits();
  const [target, setTarget] = useState<RoutingTarget>(null);
  const [categoryFilter, setCategoryFilter] = useState<string | undefined>();
  const rows = routingRows(rules, categories, units, locale);
  const shown = categoryFilter ? rows.filter((row) => row.categoryId === categoryFilter) : rows;

  const columns: Column[] = [
    { key: 'category', title: t('appealRules.routing.category'), dataIndex: 'categoryName' },
    {
      key: 'division',
      title: t('appealRules.routing.division'),
      render: (_, row) =>
        row.divisionCode === '' ? (
          t('appealRules.routing.allDivisions')
        ) : (
          <span>
            {row.divisionName ?? row.divisionCode}
            {settings.showSecondary && row.divisionName && <Typography.Text type="secondary"> {row.divisionCode}</Typography.Text>}
          </span>
        ),
    },
    { key: 'department', title: t('appealRules.routing.department'), render: (_, row) => row.departmentName ?? t('appealRules.routing.unknownUnit', { id: row.departmentId.slice(0, 8) }) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Button size={settings.careMode ? 'middle' : 'small'} onClick={() => setTarget(row)} data-testid={`routing-rule-edit-${row.id}`}>
          {t('appealRules.routing.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      {settings.showSecondary && <Typography.Paragraph type="secondary">{t('appealRules.routing.intro')}</Typography.Paragraph>}
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('appealRules.routing.filter')}
          value={categoryFilter}
          onChange={setCategoryFilter}
          options={orderedCategories(categories).map(({ category }) => ({ value: category.id, label: categoryName(category, locale) }))}
          style={{ minWidth: 220 }}
          data-testid="routing-filter"
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="routing-rule-add">
          {t('appealRules.routing.add')}
        </Button>
      </Flex>
      <Table<RoutingRow>
        data-testid="routing-table"
        rowKey="id"
        size={settings.showSecondary ? 'small' : 'middle'}
        columns={visibleColumns(columns, settings)}
        dataSource={shown}
        loading={loading}
        pagination={shown.length > 50 ? { pageSize: settings.careMode ? settings.tablePageSize : 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('appealRules.routing.empty') }}
        scroll={{ x: 'max-content' }}
      />
      <RoutingRuleModal target={target} categories={categories} existing={rows} onClose={() => setTarget(null)} />
    </>
  );
}
