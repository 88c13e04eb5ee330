// Reads and writes the language and care-mode choice in localStorage (used before login and as a cache).
import { locales, type Locale } from '../../../shared/roles.ts';

export interface StoredPreferences {
  locale: Locale;
  careMode: boolean;
  /** Chosen on the login page: carried into the account at the next login instead of the account's values. */
  chosenWhileSignedOut: boolean;
}

export const preferencesStorageKey = 'qinqing.preferences';
export const defaultPreferences: StoredPreferences = { locale: 'zh-CN', careMode: false, chosenWhileSignedOut: false };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem'>;

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy mode): preferences live for the page only
  }
}

export function readPreferences(storage: ReadableStorage | undefined = browserStorage()): StoredPreferences {
  try {
    const raw = storage?.getItem(preferencesStorageKey);
    if (!raw) return { ...defaultPreferences };
    const value = JSON.parse(raw) as Partial<Record<keyof StoredPreferences, unknown>>;
    return {
      locale: isLocale(value.locale) ? value.locale : defaultPreferences.locale,
      careMode: value.careMode === true,
      chosenWhileSignedOut: value.chosenWhileSignedOut === true,
    };
  } catch {
    return { ...defaultPreferences };
  }
}

export function writePreferences(preferences: StoredPreferences, storage: WritableStorage | undefined = browserStorage()): void {
  try {
    storage?.setItem(preferencesStorageKey, JSON.stringify(preferences));
  } catch {
    // quota or privacy mode: nothing to do, the choice still holds for this page
  }
}
