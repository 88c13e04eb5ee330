// Gate of the signed-in app: loads /me, sends visitors without a session to login, syncs preferences.
import { Button, Result } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../features/auth/use-me.ts';
import { usePreferences } from '../features/preferences/PreferencesProvider.tsx';
import { PageSpin } from '../components/PageSpin.tsx';
import { isApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/error-message.ts';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, error, isPending, refetch } = useMe();
  const { syncWithAccount } = usePreferences();
  const accountLocale = me?.user.locale;
  const accountCareMode = me?.user.careMode;

  useEffect(() => {
    if (accountLocale !== undefined && accountCareMode !== undefined) syncWithAccount({ locale: accountLocale, careMode: accountCareMode });
  }, [accountLocale, accountCareMode, syncWithAccount]);

  if (me) return <>{children}</>;
  if (isPending) return <PageSpin fullScreen />;
  if (isApiError(error) && error.status === 401) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <Result
      status="warning"
      title={errorMessage(error, t)}
      extra={
        <Button type="primary" onClick={() => void refetch()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
