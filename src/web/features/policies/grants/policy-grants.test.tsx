// @vitest-environment jsdom
// Component tests of a policy's grants with a faked API: the selection shows how many fit the remaining budget, approval sends the selected ids in rank order and shows those left as candidates with the reason, exclusion needs a reason, a leader only reads.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GrantList, GrantView } from '../../../../shared/schemas/policies.ts';
import { useFakeApi } from '../../../test-support/fake-api.ts';
import { renderSignedIn } from '../../../test-support/render-signed-in.tsx';
import { GrantConditions } from './GrantConditions.tsx';
import { PolicyGrants } from './PolicyGrantsPage.tsx';
import './messages.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const policyId = '00000000-0000-4000-8000-0000000000a1';
const grantId = (rank: number) => `00000000-0000-4000-8000-00000000010${rank}`;

const grant = (rank: number, amount: string, status: GrantView['status'] = 'candidate'): GrantView => ({
  id: grantId(rank),
  rank,
  uscc: `91330500MA2B3C4D${rank}X`,
  name: `湖州示范企业${rank}有限公司`,
  version: 1,
  asOf: '2026-11-20',
  amount,
  status,
  excludeReason: null,
  decidedAt: status === 'candidate' ? null : '2026-11-21T02:00:00Z',
  payout: null,
  conditions: [
    { id: 'srdi', label: '持有专精特新中小企业称号', labelEn: null, clause: '第二条', result: true, met: true, actual: 'held' },
    { id: 'revenue', label: '上年营业收入 ≥ 2000 万元', labelEn: 'Revenue of last year ≥ 20 M', clause: '第三条', result: 'unknown', met: false, actual: null },
  ],
});

// 1000 budgeted, 900 committed: 100 left, so of 50, 60, 10 only the first fits (the 10 after the 60 waits its turn).
const list: GrantList = { total: 4, items: [grant(1, '50'), grant(2, '60'), grant(3, '10'), grant(4, '900', 'approved')], budget: '1000', committed: '900', remaining: '100' };
const ledger = { groupBy: 'policy', groups: [{ key: policyId, label: '专精特新奖励', count: 2, total: '400' }], count: 2, total: '400' };

function answer({ method, url }: { method: string; url: URL }) {
  if (method === 'GET' && url.pathname === `/api/v1/policies/${policyId}/grants`) return { status: 200, body: list };
  if (method === 'GET' && url.pathname === '/api/v1/policy-payouts/ledger') return { status: 200, body: ledger };
  if (method === 'POST' && url.pathname === `/api/v1/policies/${policyId}/grants/approve`) {
    return {
      status: 200,
      body: {
        approved: 1,
        refused: [
          { grantId: grantId(2), uscc: list.items[1].uscc, amount: '60', reason: '超出预算：剩余 50 万元，本笔 60 万元 / beyond the budget: 50 left' },
          { grantId: grantId(3), uscc: list.items[2].uscc, amount: '10', reason: '预算已在排序靠前的企业处用尽 / the budget ran out at an earlier rank' },
        ],
        committed: '950',
        remaining: '50',
      },
    };
  }
  if (method === 'POST' && url.pathname.endsWith('/exclude')) return { status: 200, body: { ok: true } };
  return { status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } };
}

const officer = { username: 'policy', displayName: '政策专员', roles: ['policy_officer'], abilities: ['policy.read', 'policy.grant', 'policy.ledger'] };
const tick = (rank: number) => fireEvent.click(document.querySelector(`input[name="grant-${rank}"]`)!);

describe('the budget', () => {
  it('shows budget, approved not paid, paid and remaining', async () => {
    api.handler = answer;
    renderSignedIn(<PolicyGrants policyId={policyId} canGrant />, officer);
    const budget = await screen.findByTestId('grants-budget');
    await waitFor(() => expect(within(budget).getByTestId('budget-paid').textContent).toContain('400'));
    expect(within(budget).getByTestId('budget-total').textContent).toContain('1,000');
    expect(within(budget).getByTestId('budget-approved').textContent).toContain('500');
    expect(within(budget).getByTestId('budget-remaining').textContent).toContain('100');
    expect(within(budget).getByText('已占用 90%（其中已兑付 40%）')).toBeTruthy();
  });
});

describe('bulk approval', () => {
  it('tells how many of the selected fit the budget, sends the selected ids in rank order, and shows those left with the reason', async () => {
    api.handler = answer;
    renderSignedIn(<PolicyGrants policyId={policyId} canGrant />, officer);
    await screen.findByText('湖州示范企业3有限公司');
    expect((document.querySelector('input[name="grant-4"]') as HTMLInputElement).disabled).toBe(true);
    tick(3);
    tick(1);
    tick(2);
    const fit = await screen.findByTestId('grants-approve-fit');
    expect(fit.textContent).toBe('已选 3 家，合计 120 万元；剩余预算内可审批 1 家。');
    expect(screen.getByTestId('grants-approve').textContent).toContain('批量审批（1）');
    fireEvent.click(screen.getByTestId('grants-approve'));
    const result = await screen.findByTestId('grants-approve-result');
    const post = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/grants/approve'));
    expect(post?.body).toEqual({ grantIds: [grantId(1), grantId(2), grantId(3)] });
    expect(result.textContent).toContain('已审批 1 家，剩余预算 50 万元。');
    expect(result.textContent).toContain('2 家仍为候选');
    expect(result.textContent).toContain('超出预算：剩余 50 万元，本笔 60 万元');
    // the rows left as candidates carry the reason, and the selection is cleared
    expect((await screen.findByTestId('grant-left-2')).textContent).toContain('超出预算');
    expect(screen.getByTestId('grant-left-3').textContent).toContain('预算已在排序靠前的企业处用尽');
    expect(screen.queryByTestId('grants-approve-fit')).toBeNull();
  });

  it('says so when everything selected fits, and approves nothing without a selection', async () => {
    api.handler = answer;
    renderSignedIn(<PolicyGrants policyId={policyId} canGrant />, officer);
    await screen.findByText('湖州示范企业1有限公司');
    expect((screen.getByTestId('grants-approve') as HTMLButtonElement).disabled).toBe(true);
    tick(1);
    expect((await screen.findByTestId('grants-approve-fit')).textContent).toBe('已选 1 家，合计 50 万元，均在预算内。');
  });
});

describe('exclusion', () => {
  it('requires a reason: without one nothing is sent; with one the reason is sent', async () => {
    api.handler = answer;
    renderSignedIn(<PolicyGrants policyId={policyId} canGrant />, officer);
    fireEvent.click(await screen.findByTestId('grant-exclude-2'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('排除兑现：湖州示范企业2有限公司')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('exclude-reason'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByTestId('exclude-ok'));
    expect(await within(dialog).findByText('请填写排除理由')).toBeTruthy();
    expect(api.calls.filter((c) => c.path.endsWith('/exclude'))).toEqual([]);
    fireEvent.change(within(dialog).getByTestId('exclude-reason'), { target: { value: '企业存在严重失信记录' } });
    fireEvent.click(within(dialog).getByTestId('exclude-ok'));
    await waitFor(() => expect(api.calls.filter((c) => c.path.endsWith('/exclude'))).toHaveLength(1));
    const call = api.calls.find((c) => c.path.endsWith('/exclude'))!;
    expect(call.path).toBe(`/api/v1/policies/${policyId}/grants/${grantId(2)}/exclude`);
    expect(call.body).toEqual({ reason: '企业存在严重失信记录' });
  });
});

describe('a reader (leader)', () => {
  it('sees the grants and the budget but no selection, no candidates button and no actions', async () => {
    api.handler = answer;
    renderSignedIn(<PolicyGrants policyId={policyId} canGrant={false} />, { username: 'leader', displayName: '领导', roles: ['leader'], abilities: ['policy.read', 'policy.ledger'] });
    await screen.findByText('湖州示范企业1有限公司');
    expect(document.querySelector('input[name="grant-1"]')).toBeNull();
    expect(screen.queryByTestId('candidates-generate')).toBeNull();
    expect(screen.queryByTestId('grant-exclude-1')).toBeNull();
    expect(screen.queryByTestId('grants-approve')).toBeNull();
  });
});

describe('the data used of a grant', () => {
  it('shows the conditions stored with the grant, with their marks and values, asking the server for nothing more', async () => {
    renderSignedIn(<GrantConditions grant={grant(1, '50')} />, officer);
    const srdi = await screen.findByTestId('grant-condition-srdi');
    expect(srdi.querySelector('[data-result="met"]')).not.toBeNull();
    expect(srdi.textContent).toContain('持有专精特新中小企业称号');
    expect(srdi.textContent).toContain('持有');
    const revenue = screen.getByTestId('grant-condition-revenue');
    expect(revenue.querySelector('[data-result="unknown"]')).not.toBeNull();
    expect(revenue.textContent).toContain('数据缺失');
    expect(api.calls).toHaveLength(0);
  });
});
