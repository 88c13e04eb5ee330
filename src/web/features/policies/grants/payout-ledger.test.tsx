// @vitest-environment jsdom
// Component tests of 兑付台账 with a faked API and the chart replaced by its option: groups, totals and shares in the table, the bar and month charts, a new grouping asked of the server, the CSV link with the same dates.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useFakeApi } from '../../../test-support/fake-api.ts';
import { renderSignedIn } from '../../../test-support/render-signed-in.tsx';
import PayoutLedgerPage from './PayoutLedgerPage.tsx';
import './messages.ts';

vi.mock('../../kpi/EChart.tsx', () => ({
  default: ({ option, testId }: { option: unknown; testId?: string }) => <div data-testid={testId} data-option={JSON.stringify(option)} />,
}));

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();

const ledgers: Record<string, unknown> = {
  policy: {
    groupBy: 'policy',
    groups: [
      { key: 'a1', label: '吴兴区规上工业企业营收奖励', count: 1, total: '12.5' },
      { key: 'b2', label: '湖州市专精特新中小企业一次性奖励（免申即享）', count: 3, total: '150' },
    ],
    count: 4,
    total: '162.5',
  },
  department: { groupBy: 'department', groups: [{ key: '湖州市经济和信息化局', label: '湖州市经济和信息化局', count: 4, total: '162.5' }], count: 4, total: '162.5' },
  month: {
    groupBy: 'month',
    groups: [
      { key: '2026-10', label: '2026-10', count: 1, total: '12.5' },
      { key: '2026-11', label: '2026-11', count: 3, total: '150' },
    ],
    count: 4,
    total: '162.5',
  },
};

const leader = { username: 'leader', displayName: '领导', roles: ['leader'], abilities: ['policy.read', 'policy.ledger'], path: '/policy-payouts?from=2026-01-01&to=2026-11-24&groupBy=policy' };

describe('兑付台账', () => {
  it('lists the groups largest first with their share, the totals, and draws both charts', async () => {
    api.handler = ({ url }) => (url.pathname === '/api/v1/policy-payouts/ledger' ? { status: 200, body: ledgers[url.searchParams.get('groupBy')!] } : { status: 404 });
    renderSignedIn(<PayoutLedgerPage />, leader);
    const table = await screen.findByTestId('ledger-table');
    await within(table).findByText('湖州市专精特新中小企业一次性奖励（免申即享）');
    const rows = [...table.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['湖州市专精特新中小企业一次性奖励（免申即享）', '3', '150', '92.3%'],
      ['吴兴区规上工业企业营收奖励', '1', '12.5', '7.7%'],
    ]);
    expect(within(table).getByTestId('ledger-table-total').textContent).toBe('合计4162.5100%');
    expect(screen.getByTestId('ledger-total').textContent).toContain('162.5');
    expect(screen.getByTestId('ledger-count').textContent).toContain('4');
    expect(within(table).getByText('吴兴区规上工业企业营收奖励').closest('a')?.getAttribute('href')).toBe('/policies/a1/grants');

    const bar = JSON.parse(screen.getByTestId('ledger-bar-chart').dataset.option!);
    expect(bar.series[0].data).toEqual([150, 12.5]);
    // every month of the dates, January to November, those without payouts as zero
    await waitFor(() => expect(JSON.parse(screen.getByTestId('ledger-month-chart').dataset.option!).series[0].data).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 12.5, 150]));
    expect(api.calls.map((c) => c.path)).toEqual(
      expect.arrayContaining(['/api/v1/policy-payouts/ledger?groupBy=policy&from=2026-01-01&to=2026-11-24', '/api/v1/policy-payouts/ledger?groupBy=month&from=2026-01-01&to=2026-11-24']),
    );
    expect(screen.getByTestId('ledger-export').getAttribute('href')).toBe('/api/v1/policy-payouts/ledger.csv?from=2026-01-01&to=2026-11-24');
  });

  it('asks the server for another grouping, and says when there is nothing in the dates', async () => {
    api.handler = ({ url }) => (url.pathname === '/api/v1/policy-payouts/ledger' ? { status: 200, body: ledgers[url.searchParams.get('groupBy')!] } : { status: 404 });
    renderSignedIn(<PayoutLedgerPage />, leader);
    await screen.findByText('湖州市专精特新中小企业一次性奖励（免申即享）');
    fireEvent.click(screen.getByTestId('ledger-group-department'));
    await screen.findByText('湖州市经济和信息化局');
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/policy-payouts/ledger?groupBy=department&'))).toBe(true);

    api.handler = ({ url }) => ({ status: 200, body: { groupBy: url.searchParams.get('groupBy'), groups: [], count: 0, total: '0' } });
    fireEvent.click(screen.getByTestId('ledger-group-district'));
    expect(await screen.findByText('所选日期内没有兑付记录')).toBeTruthy();
    expect(screen.queryByTestId('ledger-table-total')).toBeNull();
  });
});
