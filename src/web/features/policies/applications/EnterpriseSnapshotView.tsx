// The enterprise's registry values as the application form shows them, read-only: identity, division, industry, size, and the figures by year (a table, or a line per year on a phone).
import { Descriptions, Flex, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseSnapshot } from './api.ts';
import '../messages.ts';
import './messages.ts';

type Figure = EnterpriseSnapshot['figures'][number];
const figureColumns = ['revenue', 'headcount', 'assets', 'tax'] as const;

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));
const figureOf = (row: Figure, key: (typeof figureColumns)[number]) => (key === 'tax' ? row.taxPaid : row[key]);

export function EnterpriseSnapshotView({ enterprise }: { enterprise: Partial<EnterpriseSnapshot> }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const named = (name: string | null | undefined, code: string | null | undefined) => (name && code ? `${name}（${code}）` : shown(name ?? code));
  const figures = [...(enterprise.figures ?? [])].sort((a, b) => b.year - a.year);
  return (
    <div data-testid="application-registry">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        size="small"
        items={[
          { key: 'name', label: t('policyApplications.enterprise.name'), children: shown(enterprise.name) },
          { key: 'uscc', label: t('policyApplications.enterprise.uscc'), children: <span style={{ wordBreak: 'break-all' }}>{shown(enterprise.uscc)}</span> },
          { key: 'division', label: t('policyApplications.enterprise.division'), children: named(enterprise.divisionName, enterprise.divisionCode) },
          { key: 'industry', label: t('policyApplications.enterprise.industry'), children: named(enterprise.industryName, enterprise.industryCode) },
          { key: 'size', label: t('policyApplications.enterprise.size'), children: enterprise.size ? t(`policiesPage.sizes.${enterprise.size}`, { defaultValue: enterprise.size }) : '—' },
          { key: 'foundedOn', label: t('policyApplications.enterprise.foundedOn'), children: shown(enterprise.foundedOn) },
          ...(enterprise.legalRepresentative ? [{ key: 'legal', label: t('policyApplications.enterprise.legalRepresentative'), children: enterprise.legalRepresentative }] : []),
          ...(enterprise.contactPhone ? [{ key: 'phone', label: t('policyApplications.enterprise.phone'), children: enterprise.contactPhone }] : []),
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
        {t('policyApplications.enterprise.figures')}
      </Typography.Text>
      {figures.length === 0 ? (
        <Typography.Text type="secondary">{t('policyApplications.enterprise.noFigures')}</Typography.Text>
      ) : screens.sm === false ? (
        // A phone: one line per year, so that no figure hides beyond the screen's edge.
        <Flex vertical gap={8} data-testid="application-figures">
          {figures.map((row) => (
            <div key={row.year} style={{ padding: '8px 12px', background: 'rgba(0,0,0,0.02)', borderRadius: 6 }}>
              <Typography.Text strong>{row.year}</Typography.Text>
              <Flex wrap gap="2px 16px" style={{ fontSize: '0.9em' }}>
                {figureColumns.map((key) => (
                  <span key={key}>
                    <Typography.Text type="secondary">{t(`policyApplications.enterprise.${key}`)}</Typography.Text> {shown(figureOf(row, key))}
                  </span>
                ))}
              </Flex>
            </div>
          ))}
        </Flex>
      ) : (
        <Table<Figure>
          size="small"
          rowKey="year"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={figures}
          data-testid="application-figures"
          columns={[
            { key: 'year', title: t('policyApplications.enterprise.year'), dataIndex: 'year' },
            ...figureColumns.map((key) => ({ key, title: t(`policyApplications.enterprise.${key}`), align: 'right' as const, render: (_: unknown, row: Figure) => shown(figureOf(row, key)) })),
          ]}
        />
      )}
    </div>
  );
}
