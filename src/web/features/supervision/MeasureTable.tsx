// A board table (departments or handlers): each measure sortable, bad figures in red, a totals row; care mode keeps three measures.
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardMeasures } from '../../../shared/schemas/index.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { careMeasures, isBad, measureKeys, type MeasureKey } from './board.ts';

export interface NameColumn<R> {
  key: string;
  title: string;
  render: (row: R) => ReactNode;
  sortText: (row: R) => string;
}

interface Props<R extends BoardMeasures> {
  rows: R[];
  rowKey: (row: R) => string;
  names: NameColumn<R>[];
  totals: BoardMeasures;
  loading: boolean;
  testId: string;
}

export function MeasureTable<R extends BoardMeasures>({ rows, rowKey, names, totals, loading, testId }: Props<R>) {
  const { t } = useTranslation();
  const tc = useCareText();
  const { settings } = usePreferences();
  const measures = settings.showSecondary ? measureKeys : careMeasures;
  const shownNames = settings.showSecondary ? names : names.slice(0, 1);

  const figure = (key: MeasureKey, row: BoardMeasures) =>
    isBad(key, row, totals) ? (
      <Typography.Text type="danger" strong>
        {row[key]}
      </Typography.Text>
    ) : (
      row[key]
    );

  const columns: ColumnsType<R> = [
    ...shownNames.map((name, index) => ({
      key: name.key,
      title: name.title,
      fixed: index === 0 ? ('left' as const) : undefined,
      render: (_: unknown, row: R) => name.render(row),
      sorter: (a: R, b: R) => name.sortText(a).localeCompare(name.sortText(b), 'zh-CN'),
    })),
    ...measures.map((key) => ({
      key,
      title: (
        <Tooltip title={t(`supervisionPage.measureHints.${key}`)}>
          <span>{tc(`supervisionPage.measures.${key}`)}</span>
        </Tooltip>
      ),
      align: 'right' as const,
      render: (_: unknown, row: R) => figure(key, row),
      sorter: (a: R, b: R) => a[key] - b[key],
      sortDirections: ['descend' as const, 'ascend' as const],
    })),
  ];

  return (
    <Table<R>
      data-testid={testId}
      rowKey={rowKey}
      size={settings.showSecondary ? 'small' : 'middle'}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > settings.tablePageSize * 2 ? { pageSize: settings.tablePageSize * 2, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('supervisionPage.empty') }}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={shownNames.length}>
              <Typography.Text strong>{t('kpiPage.totalRow')}</Typography.Text>
            </Table.Summary.Cell>
            {measures.map((key, index) => (
              <Table.Summary.Cell key={key} index={shownNames.length + index} align="right">
                <Typography.Text strong>{totals[key]}</Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
