// @vitest-environment jsdom
// Component tests of reviewing, with a faked API: reject needs a reason, approve sends the amount (prefilled with the estimate), buttons follow `abilities`, the enterprise withdraws, and the queue shows the countdown and filters in the call.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useFakeApi } from '../../../test-support/fake-api.ts';
import { renderSignedIn } from '../../../test-support/render-signed-in.tsx';
import { ApplicationDetail } from './ApplicationDetailPage.tsx';
import ReviewQueuePage from './ReviewQueuePage.tsx';
import type { PolicyApplication } from './api.ts';
import { application, notFound, policyId, policyView } from './test-fixtures.ts';
import './messages.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const officer = { username: 'policy', displayName: '政策专员', roles: ['policy_officer'], abilities: ['policy.read', 'policy.edit', 'policy.review'] };
const reviewable: PolicyApplication = { ...application, abilities: ['approve', 'reject'] };
const base = `/api/v1/policy-applications/${application.id}`;

function reviewApi(answers: Record<string, unknown>) {
  api.handler = ({ method, url }) => {
    if (method === 'GET' && url.pathname === `/api/v1/policies/${policyId}`) return { status: 200, body: policyView };
    const answer = answers[`${method} ${url.pathname}`];
    return answer ? { status: 200, body: answer } : notFound;
  };
}

describe('deciding an application', () => {
  it('refuses to reject without a reason, then sends the reason', async () => {
    reviewApi({ [`POST ${base}/reject`]: { ...application, status: 'rejected', rejectionReason: '纳税信用等级为 C 级', abilities: [] } });
    renderSignedIn(<ApplicationDetail application={reviewable} backTo="/policy-applications" />, officer);
    fireEvent.click(screen.getByTestId('application-reject'));
    await screen.findByTestId('decision-form-reject');
    fireEvent.click(screen.getByTestId('decision-confirm'));
    expect(await screen.findByText('请填写不予通过的原因')).toBeTruthy();
    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await screen.findByText('请填写不予通过的原因');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: ' 纳税信用等级为 C 级 ' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: `${base}/reject`, body: { reason: '纳税信用等级为 C 级' } }));
  });

  it('prefills the amount with the estimate and sends the amount the reviewer sets, with the note', async () => {
    reviewApi({ [`POST ${base}/approve`]: { ...application, status: 'approved', amount: '22.5', abilities: [] } });
    renderSignedIn(<ApplicationDetail application={reviewable} backTo="/policy-applications" />, officer);
    fireEvent.click(screen.getByTestId('application-approve'));
    await screen.findByTestId('decision-form-approve');
    // 0.5% of the 2025 revenue of 4800 万元, under the cap of 30
    await waitFor(() => expect((screen.getByTestId('decision-amount') as HTMLInputElement).value).toBe('24'));
    fireEvent.change(screen.getByTestId('decision-amount'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    expect(await screen.findByText('请填写大于 0 的金额，最多 6 位小数')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('decision-amount'), { target: { value: '22.5' } });
    fireEvent.change(screen.getByTestId('decision-note'), { target: { value: '材料齐全' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: `${base}/approve`, body: { amount: '22.5', note: '材料齐全' } }));
  });

  it('sends the estimate when the reviewer keeps it', async () => {
    reviewApi({ [`POST ${base}/approve`]: { ...application, status: 'approved', amount: '24', abilities: [] } });
    renderSignedIn(<ApplicationDetail application={reviewable} backTo="/policy-applications" />, officer);
    fireEvent.click(screen.getByTestId('application-approve'));
    await waitFor(() => expect((screen.getByTestId('decision-amount') as HTMLInputElement).value).toBe('24'));
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ amount: '24' }));
  });

  it('shows only the buttons the abilities allow: none for a reader, withdraw for the applicant', async () => {
    reviewApi({ [`POST ${base}/withdraw`]: { ...application, status: 'withdrawn', abilities: [] } });
    const { unmount } = renderSignedIn(<ApplicationDetail application={{ ...application, abilities: [] }} backTo="/policy-applications" />, { ...officer, roles: ['leader'], abilities: ['policy.read'] });
    expect(screen.queryByTestId('application-actions')).toBeNull();
    expect(screen.getByTestId('application-attachment').textContent).toBe('2025年审计报告.pdf');
    unmount();
    renderSignedIn(<ApplicationDetail application={{ ...application, abilities: ['withdraw', 'attach'] }} backTo="/my/applications" />, { username: 'enterprise', displayName: '王芳', roles: ['enterprise'], abilities: ['policy.apply'] });
    expect(screen.queryByTestId('application-approve')).toBeNull();
    expect(screen.getByTestId('application-attachment-upload')).toBeTruthy();
    fireEvent.click(screen.getByTestId('application-withdraw'));
    fireEvent.click(await screen.findByTestId('application-withdraw-confirm'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST' && c.path === `${base}/withdraw`)).toBe(true));
  });

  it('shows the decision to the enterprise', () => {
    renderSignedIn(<ApplicationDetail application={{ ...application, status: 'approved', amount: '24', decisionNote: '材料齐全', decidedAt: '2026-11-24T02:00:00Z', decidedBy: { id: 'x', name: '政策专员' } }} backTo="/my/applications" />, {
      username: 'enterprise',
      displayName: '王芳',
      roles: ['enterprise'],
      abilities: ['policy.apply'],
    });
    expect(screen.getByTestId('application-status').textContent).toBe('已通过');
    expect(screen.getByTestId('application-outcome').textContent).toContain('已通过，核定金额 24 万元');
  });
});

describe('the review queue', () => {
  it('shows each application with its countdown, and asks the server for the chosen filters', async () => {
    const soon = { ...application, id: '00000000-0000-4000-8000-0000000000c2', number: 'SB2026-000124', reviewDueAt: new Date(Date.now() - 3_600_000 * 5).toISOString(), overdue: true };
    const later = { ...application, submittedAt: new Date().toISOString(), reviewDueAt: new Date(Date.now() + 86_400_000 * 20).toISOString() };
    api.handler = ({ method, url }) => {
      if (method === 'GET' && url.pathname === '/api/v1/policy-applications') return { status: 200, body: { total: 2, items: [soon, later] } };
      if (method === 'GET' && url.pathname === '/api/v1/policies') return { status: 200, body: { total: 0, items: [] } };
      return { status: 200, body: { items: [] } };
    };
    renderSignedIn(<ReviewQueuePage />, { ...officer, path: '/policy-applications' });
    const overdue = await screen.findByTestId('application-row-SB2026-000124');
    expect(overdue.querySelector('[data-testid="countdown"]')?.getAttribute('data-tone')).toBe('red');
    expect(screen.getByTestId('application-row-SB2026-000123').querySelector('[data-testid="countdown"]')?.getAttribute('data-tone')).toBe('green');
    fireEvent.click(screen.getByTestId('filter-application-overdue'));
    await waitFor(() => expect(api.calls.some((c) => c.path.startsWith('/api/v1/policy-applications?') && c.path.includes('overdue=true'))).toBe(true));
    expect(screen.queryByText('您可以查看申报，审核由政策专员办理。')).toBeNull();
  });
});
