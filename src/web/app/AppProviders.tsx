// Everything around the router: query cache, preferences (language, care mode) and the themed antd config.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { meQueryKey, updateMe } from '../features/auth/api.ts';
import { PreferencesProvider, usePreferences, type RemotePreferences } from '../features/preferences/PreferencesProvider.tsx';
import { antdLocaleFor } from '../i18n/antd-locale.ts';

function ThemedConfig({ children }: { children: ReactNode }) {
  const { locale, settings } = usePreferences();
  return (
    <ConfigProvider locale={antdLocaleFor(locale)} theme={settings.theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const remote = useMemo<RemotePreferences>(
    () => ({
      isSignedIn: () => queryClient.getQueryData(meQueryKey) !== undefined,
      save: (changes) => {
        updateMe(changes).then(
          (me) => queryClient.setQueryData(meQueryKey, me),
          (error: unknown) => console.warn('Could not save preferences to the account', error),
        );
      },
    }),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider remote={remote}>
        <ThemedConfig>{children}</ThemedConfig>
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
