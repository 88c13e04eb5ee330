// @vitest-environment jsdom
// Component test of the policy editor's 审核时限: shown for application mode only, and the saved draft carries the number.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useFakeApi } from '../../../test-support/fake-api.ts';
import { renderSignedIn } from '../../../test-support/render-signed-in.tsx';
import { PolicyEditor } from '../PolicyEditorPage.tsx';
import { notFound, policyView } from './test-fixtures.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const officer = { username: 'policy', displayName: '政策专员', roles: ['policy_officer'], abilities: ['policy.read', 'policy.edit'] };
const draft = { ...policyView, status: 'draft' as const, currentVersion: null, currentHash: null, draftDiffers: true, abilities: ['policy.edit' as const] };

describe('审核时限 in the policy editor', () => {
  it('is shown for an application-mode policy and saved with the draft', async () => {
    api.handler = ({ method, body }) => (method === 'PATCH' ? { status: 200, body: { ...draft, ...(body as object) } } : notFound);
    renderSignedIn(<PolicyEditor policy={draft} liveCount={false} />, officer);
    const field = screen.getByTestId('policy-review-working-days') as HTMLInputElement;
    expect(field.value).toBe('');
    expect(field.placeholder).toBe('10');
    fireEvent.change(field, { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ mode: 'application', reviewWorkingDays: 15 }));
  });

  it('is hidden, and not sent, for another mode', async () => {
    api.handler = ({ method, body }) => (method === 'PATCH' ? { status: 200, body: { ...draft, ...(body as object) } } : notFound);
    renderSignedIn(<PolicyEditor policy={{ ...draft, mode: 'automatic' }} liveCount={false} />, officer);
    expect(screen.queryByTestId('policy-review-working-days')).toBeNull();
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).not.toHaveProperty('reviewWorkingDays');
  });
});
