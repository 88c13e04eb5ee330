// @vitest-environment jsdom
// The login page offers a first-time enterprise the way to apply for an account, in the chosen language.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PreferencesProvider } from '../preferences/PreferencesProvider.tsx';
import LoginPage from './LoginPage.tsx';

vi.setConfig({ testTimeout: 60_000 });

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as never;
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderLogin() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <PreferencesProvider remote={{ isSignedIn: () => false, save: () => {} }}>
        <MemoryRouter initialEntries={['/login']}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register/enterprise" element={<p>claim page</p>} />
          </Routes>
        </MemoryRouter>
      </PreferencesProvider>
    </QueryClientProvider>,
  );
}

describe('LoginPage', () => {
  it('links a first-time enterprise to the account application', async () => {
    renderLogin();
    const link = await screen.findByTestId('login-register-enterprise');
    expect(link.textContent).toBe('企业首次使用？申请企业账号');
    link.click();
    expect(await screen.findByText('claim page')).toBeTruthy();
  });
});
