// @vitest-environment jsdom
// Component test of 废止: the reason is required before anything is sent; confirming sends it and the page shows the withdrawal.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PolicyView } from '../../../shared/schemas/policies.ts';
import { renderSignedIn } from '../../test-support/render-signed-in.tsx';
import { useFakeApi } from '../../test-support/fake-api.ts';
import { WithdrawPolicyModal } from './WithdrawPolicyModal.tsx';
import './messages.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const id = '00000000-0000-4000-8000-0000000000b2';

describe('WithdrawPolicyModal', () => {
  it('asks for a reason, then withdraws with it', async () => {
    api.handler = ({ method, url, body }) => {
      if (method === 'POST' && url.pathname === `/api/v1/policies/${id}/withdraw`) {
        return {
          status: 200,
          body: {
            id, title: '测试政策', documentNumber: '湖测〔2026〕1号', issuingDepartment: '湖州市财政局', responsibleUnitId: null, responsibleUnitName: null,
            contactName: '王', contactPhone: '0572-1', effectiveFrom: '2026-01-01', effectiveUntil: null, summary: '测', interpretation: [], clauses: [],
            benefit: { kind: 'service', amount: null }, mode: 'information', budget: null, rule: { type: 'all', items: [] }, status: 'withdrawn', currentVersion: 1,
            currentHash: 'a'.repeat(64), draftDiffers: false, createdAt: '2026-11-24T01:00:00Z', updatedAt: '2026-11-24T02:00:00Z',
            withdrawal: { at: '2026-11-24T02:00:00Z', reason: (body as { reason: string }).reason, by: '政策专员' }, abilities: [],
          } satisfies PolicyView,
        };
      }
      return { status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } };
    };
    const onClose = vi.fn();
    renderSignedIn(<WithdrawPolicyModal policyId={id} open onClose={onClose} />, { username: 'policy', displayName: '政策专员', roles: ['policy_officer'], abilities: ['policy.read', 'policy.withdraw'] });

    fireEvent.click(await screen.findByTestId('policy-withdraw-confirm'));
    await screen.findAllByText('废止理由');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('policy-withdraw-reason'), { target: { value: '  上位政策调整  ' } });
    fireEvent.click(screen.getByTestId('policy-withdraw-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: `/api/v1/policies/${id}/withdraw`, body: { reason: '上位政策调整' } }]);
  });
});
