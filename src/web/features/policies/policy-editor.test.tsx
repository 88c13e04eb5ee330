// @vitest-environment jsdom
// Component tests of the policy editor with a faked API: saving sends the whole working copy, the server's faults land at the rule node and the form field they name, and publishing saves first, then shows the gains and losses before publishing.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PolicyView } from '../../../shared/schemas/policies.ts';
import { PolicyEditor } from './PolicyEditorPage.tsx';
import { newCondition } from './rule-tree.ts';
import './messages.ts';
import { renderSignedIn } from '../../test-support/render-signed-in.tsx';
import { useFakeApi } from '../../test-support/fake-api.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const calls = api.calls;

const id = '00000000-0000-4000-8000-0000000000a1';
const policy: PolicyView = {
  id,
  title: '规上纺织企业稳增长奖励',
  documentNumber: '湖经信发〔2026〕8号',
  issuingDepartment: '湖州市经济和信息化局',
  responsibleUnitId: null,
  responsibleUnitName: null,
  contactName: '王明',
  contactPhone: '0572-2398000',
  effectiveFrom: '2026-01-01',
  effectiveUntil: null,
  summary: '对上年营业收入 5000 万元以上的企业给予奖励。',
  interpretation: [],
  clauses: [{ id: '第三条', text: '上年营业收入不低于 5000 万元。' }],
  benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '20' } },
  mode: 'application',
  budget: null,
  rule: { type: 'all', items: [{ ...newCondition(null, 'division', '第三条'), test: { attribute: 'division', within: ['339999'] } }] },
  status: 'draft',
  currentVersion: null,
  currentHash: null,
  draftDiffers: true,
  createdAt: '2026-11-24T01:00:00Z',
  updatedAt: '2026-11-24T01:00:00Z',
  withdrawal: null,
  abilities: ['policy.edit', 'policy.publish'],
};

const notFound = { status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } };

const renderEditor = (ui: ReactNode) => renderSignedIn(ui, { username: 'policy', displayName: '政策专员', roles: ['policy_officer'], abilities: ['policy.read', 'policy.edit', 'policy.publish', 'policy.matches'] });

describe('saving', () => {
  it('sends the whole working copy, and shows the server faults at the rule condition and the form field', async () => {
    api.handler = ({ method, url }) =>
      method === 'PATCH' && url.pathname === `/api/v1/policies/${id}`
        ? {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message: '请求有误',
                details: [
                  { path: 'rule.items.0.test.within.0', message: '未知区划代码 339999 / unknown division 339999' },
                  { path: 'contactPhone', message: '电话号码格式不正确 / not a phone number' },
                ],
              },
            },
          }
        : notFound;
    renderEditor(<PolicyEditor policy={policy} liveCount={false} />);
    fireEvent.change(screen.getByTestId('policy-contact-phone'), { target: { value: '0572 x' } });
    fireEvent.click(screen.getByTestId('policy-save'));
    const faults = await screen.findByTestId('rule-node-items.0-condition-faults');
    expect(faults.textContent).toContain('items.0.test.within.0');
    expect(faults.textContent).toContain('未知区划代码 339999');
    expect(await screen.findByText('电话号码格式不正确 / not a phone number')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ title: policy.title, contactPhone: '0572 x', effectiveFrom: '2026-01-01', benefit: policy.benefit, rule: policy.rule });
    // the general banner stays away when every fault found its place
    expect(screen.queryByRole('alert', { name: /请求有误/ })).toBeNull();
  });
});

describe('publishing', () => {
  it('saves first, previews who gains and loses, then publishes', async () => {
    const saved = { ...policy, rule: { type: 'all', items: [{ ...newCondition(null, 'division', '第三条'), test: { attribute: 'division', within: ['3305'] } }] } };
    api.handler = ({ method, url }) => {
      if (method === 'PATCH' && url.pathname === `/api/v1/policies/${id}`) return { status: 200, body: saved };
      if (method === 'GET' && url.pathname === `/api/v1/policies/${id}/publish-preview`)
        return { status: 200, body: { gained: { total: 2, items: [{ uscc: '91330502MA2B3C4D1U', name: '湖州织里童装示范有限公司（演示）' }, { uscc: '91330503MA7K8L9M6J', name: '湖州南浔木业示范有限公司（演示）' }] }, lost: { total: 0, items: [] }, eligibleBefore: 0, eligibleAfter: 2 } };
      if (method === 'POST' && url.pathname === `/api/v1/policies/${id}/publish`) return { status: 200, body: { version: 1, contentHash: 'ab'.repeat(32), publishedAt: '2026-11-24T01:30:00Z', notified: 2 } };
      return notFound;
    };
    renderEditor(<PolicyEditor policy={saved as PolicyView} liveCount={false} />);
    fireEvent.click(screen.getByTestId('policy-publish'));
    const gained = await screen.findByTestId('publish-gained');
    expect(gained.getAttribute('data-total')).toBe('2');
    expect(gained.textContent).toContain('湖州南浔木业示范有限公司（演示）');
    expect(screen.getByTestId('publish-lost').textContent).toContain('失去资格 0 家');
    expect(calls.filter((c) => c.path.startsWith('/api/v1/policies')).map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /api/v1/policies/${id}`, `GET /api/v1/policies/${id}/publish-preview`]);
    fireEvent.click(screen.getByTestId('publish-confirm'));
    expect(await screen.findByText('已发布第 1 版，已通知 2 家企业')).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === `/api/v1/policies/${id}/publish`)).toBe(true));
  });

  it('says there is nothing to publish when the working copy equals the published version', async () => {
    const published = { ...policy, status: 'published' as const, currentVersion: 1, currentHash: 'ab'.repeat(32), draftDiffers: false };
    api.handler = ({ method }) => (method === 'PATCH' ? { status: 200, body: published } : notFound);
    renderEditor(<PolicyEditor policy={published} liveCount={false} />);
    fireEvent.click(screen.getByTestId('policy-publish'));
    expect(await screen.findByText('与当前发布版本相同，无需再次发布')).toBeTruthy();
    expect(screen.queryByTestId('publish-preview')).toBeNull();
  });
});
