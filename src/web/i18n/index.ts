// Sets up i18next with the three UI languages (zh-CN default, zh-TW, en) bundled as TS objects.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/roles.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { zhTW } from './zh-TW.ts';

export const messagesByLocale = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

export const resources = {
  'zh-CN': { translation: zhCN },
  'zh-TW': { translation: zhTW },
  en: { translation: en },
};

/** Language names are shown in their own language, so they are not translated. */
export const languageOptions: readonly { locale: Locale; short: string; full: string }[] = [
  { locale: 'zh-CN', short: '简体', full: '简体中文' },
  { locale: 'zh-TW', short: '繁體', full: '繁體中文' },
  { locale: 'en', short: 'EN', full: 'English' },
];

export function initI18n(locale: Locale): I18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: locale,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
      showSupportNotice: false,
    });
  } else if (i18next.language !== locale) {
    void i18next.changeLanguage(locale);
  }
  return i18next;
}
