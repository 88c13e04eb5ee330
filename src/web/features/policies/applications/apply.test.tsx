// @vitest-environment jsdom
// Component tests of applying, with a faked API: the form shows the registry read-only and submits the contract's body (confirmed: true) with an Idempotency-Key, then uploads the material; a refusal disables 申报 with its message.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnterprisePolicyItem } from '../../../../shared/schemas/policies.ts';
import { useFakeApi } from '../../../test-support/fake-api.ts';
import { renderSignedIn } from '../../../test-support/render-signed-in.tsx';
import { PolicyMatchCard } from '../MyPoliciesPage.tsx';
import ApplyPage from './ApplyPage.tsx';
import { application, applicationForm, notFound, policyId } from './test-fixtures.ts';
import './messages.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
/** The headers of each call (the shared fake records method, path and body). */
const headers: { path: string; headers: Record<string, string> }[] = [];
beforeEach(() => {
  headers.length = 0;
  const recorded = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    headers.push({ path: new URL(input, 'http://localhost').pathname, headers: { ...(init.headers as Record<string, string>) } });
    return recorded(input, init);
  });
});

const enterpriseUser = { username: 'enterprise', displayName: '王芳', roles: ['enterprise'], abilities: ['policy.read', 'policy.apply'] };

function renderApplyPage() {
  return renderSignedIn(
    <Routes>
      <Route path="/my/policies/:id/apply" element={<ApplyPage />} />
      <Route path="/my/applications/:id" element={<div data-testid="landed-on-application" />} />
    </Routes>,
    { ...enterpriseUser, path: `/my/policies/${policyId}/apply` },
  );
}

describe('the application form', () => {
  it('shows the registry values read-only, the conditions and the estimate', async () => {
    api.handler = ({ method, url }) => (method === 'GET' && url.pathname === `/api/v1/policies/${policyId}/application-form` ? { status: 200, body: applicationForm } : notFound);
    renderApplyPage();
    const registry = await screen.findByTestId('application-registry');
    expect(registry.textContent).toContain('91330502MA2B3C4D1U');
    expect(registry.textContent).toContain('吴兴区（330502）');
    expect(within(registry).getByTestId('application-figures').textContent).toContain('4800');
    expect(registry.querySelectorAll('input, textarea')).toHaveLength(0);
    expect(screen.getByTestId('application-condition-district').querySelector('[data-result="met"]')).toBeTruthy();
    expect(screen.getByTestId('application-condition-credit').querySelector('[data-result="unknown"]')).toBeTruthy();
    expect(screen.getByTestId('apply-estimate').textContent).toBe('24 万元');
    expect(screen.getByText('审核时限：提交后 10 个工作日内')).toBeTruthy();
  });

  it('asks for the confirmation, then submits the contract body with an Idempotency-Key, uploads the material and opens the application', async () => {
    api.handler = ({ method, url }) => {
      if (method === 'GET' && url.pathname === `/api/v1/policies/${policyId}/application-form`) return { status: 200, body: applicationForm };
      if (method === 'POST' && url.pathname === `/api/v1/policies/${policyId}/applications`) return { status: 201, body: application };
      if (method === 'POST' && url.pathname === `/api/v1/policy-applications/${application.id}/attachments`)
        return { status: 201, body: { id: '00000000-0000-4000-8000-0000000000d2', fileName: 'report.pdf', contentType: 'application/pdf', size: 8 } };
      return notFound;
    };
    renderApplyPage();
    await screen.findByTestId('apply-form');
    expect((screen.getByTestId('apply-contact-name') as HTMLInputElement).value).toBe('王芳');
    fireEvent.change(screen.getByTestId('apply-contact-phone'), { target: { value: '13800001234' } });
    fireEvent.change(screen.getByTestId('apply-statement'), { target: { value: ' 附 2025 年审计报告。 ' } });
    const file = new File(['%PDF-1.4\n'], 'report.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('apply-form').querySelector('input[type="file"]')!, { target: { files: [file] } });
    await screen.findByText('report.pdf');

    fireEvent.click(screen.getByTestId('apply-submit'));
    expect(await screen.findByText('请先勾选确认')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByTestId('apply-confirm'));
    fireEvent.click(screen.getByTestId('apply-submit'));
    await screen.findByTestId('landed-on-application');
    const posted = api.calls.find((c) => c.method === 'POST' && c.path === `/api/v1/policies/${policyId}/applications`);
    expect(posted?.body).toEqual({ contactName: '王芳', contactPhone: '13800001234', statement: '附 2025 年审计报告。', confirmed: true });
    const key = headers.find((h) => h.path === `/api/v1/policies/${policyId}/applications`)?.headers['Idempotency-Key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const upload = api.calls.find((c) => c.path === `/api/v1/policy-applications/${application.id}/attachments`);
    expect(upload?.body).toBeInstanceOf(FormData);
    expect(((upload?.body as FormData).get('file') as File).name).toBe('report.pdf');
    expect(api.calls.findIndex((c) => c === posted)).toBeLessThan(api.calls.findIndex((c) => c === upload));
  });

  it('shows a field the server refuses at the field', async () => {
    api.handler = ({ method, url }) => {
      if (method === 'GET') return url.pathname.endsWith('/application-form') ? { status: 200, body: applicationForm } : notFound;
      return { status: 400, body: { error: { code: 'validation_failed', message: '请求有误', details: [{ path: 'contactPhone', message: '电话号码格式不正确 / not a phone number' }] } } };
    };
    renderApplyPage();
    await screen.findByTestId('apply-form');
    fireEvent.change(screen.getByTestId('apply-contact-phone'), { target: { value: '(0572) 12' } });
    fireEvent.click(screen.getByTestId('apply-confirm'));
    fireEvent.click(screen.getByTestId('apply-submit'));
    expect(await screen.findByText('电话号码格式不正确 / not a phone number')).toBeTruthy();
  });

  it('is disabled with the refusal when the enterprise cannot apply', async () => {
    const refused = { ...applicationForm, canApply: false, refusal: { reason: 'already_applied', message: '贵企业已申报该政策，正在审核中' }, existingApplicationId: application.id };
    api.handler = ({ method }) => (method === 'GET' ? { status: 200, body: refused } : notFound);
    renderApplyPage();
    const refusal = await screen.findByTestId('apply-refusal');
    expect(refusal.textContent).toContain('贵企业已申报该政策，正在审核中');
    expect((screen.getByTestId('apply-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('查看已提交的申报')).toBeTruthy();
  });
});

describe('申报 in 政策匹配', () => {
  const item = (mode: EnterprisePolicyItem['mode']): EnterprisePolicyItem => ({
    policyId,
    version: 1,
    title: applicationForm.policy.title,
    documentNumber: '吴政办发〔2026〕7号',
    mode,
    benefit: applicationForm.policy.benefit,
    eligible: false,
    conditions: [],
    explanation: { zh: '不符合：纳税信用等级为 C', 'zh-TW': '不符合：納稅信用等級為 C', en: 'does not meet: credit C' },
  });

  it('is disabled with the form refusal message', async () => {
    api.handler = ({ method, url }) =>
      method === 'GET' && url.pathname === `/api/v1/policies/${policyId}/application-form`
        ? { status: 200, body: { ...applicationForm, eligibility: { ...applicationForm.eligibility, eligible: false }, canApply: false, refusal: { reason: 'not_eligible', message: '不符合申报条件：纳税信用 A 级或 B 级' } } }
        : notFound;
    renderSignedIn(<PolicyMatchCard item={item('application')} canApply />, enterpriseUser);
    const refusal = await screen.findByTestId('policy-apply-refusal');
    expect(refusal.textContent).toBe('不符合申报条件：纳税信用 A 级或 B 级');
    expect(refusal.getAttribute('data-reason')).toBe('not_eligible');
    await waitFor(() => expect((screen.getByTestId('policy-apply') as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByTestId('policy-apply').closest('a')).toBeNull();
  });

  it('links to the form when the enterprise may apply, and is absent for other modes', async () => {
    api.handler = ({ method }) => (method === 'GET' ? { status: 200, body: applicationForm } : notFound);
    const { unmount } = renderSignedIn(<PolicyMatchCard item={item('application')} canApply />, enterpriseUser);
    await waitFor(() => expect(screen.getByTestId('policy-apply-box').getAttribute('data-can-apply')).toBe('true'));
    expect(screen.getByTestId('policy-apply').closest('a')?.getAttribute('href')).toBe(`/my/policies/${policyId}/apply`);
    expect((screen.getByTestId('policy-apply') as HTMLButtonElement).disabled).toBe(false);
    unmount();
    renderSignedIn(<PolicyMatchCard item={item('automatic')} canApply />, enterpriseUser);
    expect(screen.queryByTestId('policy-apply')).toBeNull();
  });
});
