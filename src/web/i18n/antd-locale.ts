// Maps a UI language to the Ant Design locale and switches dayjs (date pickers) along with it.
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { Locale } from '../../shared/roles.ts';

const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

export function antdLocaleFor(locale: Locale): AntdLocale {
  return antdLocales[locale];
}

export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(dayjsLocales[locale]);
}
