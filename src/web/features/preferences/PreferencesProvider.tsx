// Holds the UI language and care mode, applies them (i18next, <html lang>, dayjs) and persists them.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../../../shared/roles.ts';
import { applyDayjsLocale } from '../../i18n/antd-locale.ts';
import { initI18n } from '../../i18n/index.ts';
import { uiSettings, type UiSettings } from './care-mode.ts';
import { readPreferences, writePreferences } from './preferences-storage.ts';

export interface AccountPreferences {
  locale: Locale;
  careMode: boolean;
}

/** How the provider reaches the signed-in account; wired by the app so that this feature does not import auth. */
export interface RemotePreferences {
  isSignedIn(): boolean;
  save(changes: Partial<AccountPreferences>): void;
}

export interface PreferencesContextValue extends AccountPreferences {
  settings: UiSettings;
  setLocale(locale: Locale): void;
  setCareMode(careMode: boolean): void;
  /** Called when the account is known: adopt its values, or push a choice made on the login page into it. */
  syncWithAccount(account: AccountPreferences): void;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

export function PreferencesProvider({ remote, children }: { remote: RemotePreferences; children: ReactNode }) {
  const [preferences, setPreferences] = useState<AccountPreferences>(() => {
    const stored = readPreferences();
    initI18n(stored.locale);
    return { locale: stored.locale, careMode: stored.careMode };
  });
  const remoteRef = useRef(remote);
  remoteRef.current = remote;

  useEffect(() => {
    initI18n(preferences.locale);
    applyDayjsLocale(preferences.locale);
    document.documentElement.lang = preferences.locale;
    document.documentElement.dataset.careMode = String(preferences.careMode);
  }, [preferences.locale, preferences.careMode]);

  const change = useCallback((changes: Partial<AccountPreferences>) => {
    setPreferences((current) => ({ ...current, ...changes }));
    const signedIn = remoteRef.current.isSignedIn();
    const stored = readPreferences();
    writePreferences({ ...stored, ...changes, chosenWhileSignedOut: signedIn ? false : true });
    if (signedIn) remoteRef.current.save(changes);
  }, []);

  const syncWithAccount = useCallback((account: AccountPreferences) => {
    const stored = readPreferences();
    if (stored.chosenWhileSignedOut) {
      const changes: Partial<AccountPreferences> = {};
      if (stored.locale !== account.locale) changes.locale = stored.locale;
      if (stored.careMode !== account.careMode) changes.careMode = stored.careMode;
      writePreferences({ ...stored, chosenWhileSignedOut: false });
      setPreferences({ locale: stored.locale, careMode: stored.careMode });
      if (Object.keys(changes).length > 0) remoteRef.current.save(changes);
      return;
    }
    writePreferences({ locale: account.locale, careMode: account.careMode, chosenWhileSignedOut: false });
    setPreferences((current) =>
      current.locale === account.locale && current.careMode === account.careMode ? current : { locale: account.locale, careMode: account.careMode },
    );
  }, []);

  const value = useMemo<PreferencesContextValue>(
    () => ({
      ...preferences,
      settings: uiSettings(preferences.careMode),
      setLocale: (locale) => change({ locale }),
      setCareMode: (careMode) => change({ careMode }),
      syncWithAccount,
    }),
    [preferences, change, syncWithAccount],
  );

  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
