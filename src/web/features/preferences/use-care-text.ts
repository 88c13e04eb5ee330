// `tc(key)`: the plain-language `care.<key>` wording in care mode when it exists, else the usual `<key>`.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './PreferencesProvider.tsx';

export function useCareText() {
  const { t, i18n } = useTranslation();
  const { careMode } = usePreferences();
  return useCallback(
    (key: string, options?: Record<string, unknown>): string => {
      const careKey = `care.${key}`;
      if (careMode && i18n.exists(careKey)) return t(careKey, options);
      return t(key, options);
    },
    [t, i18n, careMode],
  );
}
