// Renders a component as a signed-in user would see it: router, query client holding /me, preferences, antd's App.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { meQueryKey } from '../features/auth/api.ts';
import { PreferencesProvider } from '../features/preferences/PreferencesProvider.tsx';

export function renderSignedIn(ui: ReactNode, { username, displayName, roles, abilities, path = '/' }: { username: string; displayName: string; roles: string[]; abilities: string[]; path?: string }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(meQueryKey, {
    user: { id: '00000000-0000-4000-8000-0000000000f1', username, displayName, roles, orgUnitId: null, orgUnitName: null, enterpriseId: null, enterpriseName: null, phone: null, email: null, locale: 'zh-CN', careMode: false, status: 'active', lockedUntil: null },
    abilities,
    session: null,
  });
  return render(
    <MemoryRouter initialEntries={[path]}>
      <QueryClientProvider client={queryClient}>
        <PreferencesProvider remote={{ isSignedIn: () => false, save: () => {} }}>
          <AntdApp>{ui}</AntdApp>
        </PreferencesProvider>
      </QueryClientProvider>
    </MemoryRouter>,
  );
}
