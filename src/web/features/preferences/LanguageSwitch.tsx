// The language switcher (简体 / 繁體 / EN) shown in the header and on the login page.
import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageOptions } from '../../i18n/index.ts';
import { isLocale } from './preferences-storage.ts';
import { usePreferences } from './PreferencesProvider.tsx';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const { locale, setLocale } = usePreferences();
  return (
    <Radio.Group
      data-testid="lang-switch"
      aria-label={t('header.language')}
      optionType="button"
      buttonStyle="solid"
      size={size}
      value={locale}
      onChange={(event) => {
        const value: unknown = event.target.value;
        if (isLocale(value)) setLocale(value);
      }}
    >
      {languageOptions.map((option) => (
        <Radio.Button key={option.locale} value={option.locale} title={option.full}>
          <span data-testid={`lang-${option.locale}`} lang={option.locale}>
            {option.short}
          </span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
