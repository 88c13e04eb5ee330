// The navigation model: entries per layout, shown by ability, most important first, shortened in care mode.
import type { LayoutVariant } from '../features/auth/role-home.ts';

export type NavKey = 'portal' | 'workbench' | 'dashboard' | 'admin' | 'users' | 'org' | 'calendar' | 'audit' | 'tokens';

export interface NavEntry {
  key: NavKey;
  path: string;
  /** i18n key of the label; `care.<labelKey>` holds the plain-language variant. */
  labelKey: string;
  /** Shown only to users with this ability (home entries need none). */
  ability?: string;
  /** A technical page that care mode leaves out of the navigation altogether. */
  hiddenInCareMode?: boolean;
}

const homeEntries: Record<LayoutVariant, NavEntry> = {
  enterprise: { key: 'portal', path: '/portal', labelKey: 'nav.portal' },
  staff: { key: 'workbench', path: '/workbench', labelKey: 'nav.workbench' },
  leader: { key: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard' },
  admin: { key: 'admin', path: '/admin', labelKey: 'nav.admin' },
};

const sectionEntries: Record<Exclude<NavKey, 'portal' | 'workbench' | 'dashboard' | 'admin'>, NavEntry> = {
  users: { key: 'users', path: '/admin/users', labelKey: 'nav.users', ability: 'user.manage' },
  org: { key: 'org', path: '/admin/org', labelKey: 'nav.org', ability: 'org.manage' },
  calendar: { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', ability: 'calendar.read' },
  audit: { key: 'audit', path: '/audit', labelKey: 'nav.audit', ability: 'audit.read' },
  tokens: { key: 'tokens', path: '/tokens', labelKey: 'nav.tokens', ability: 'token.manage', hiddenInCareMode: true },
};

/** Order of importance of the sections for each layout; care mode keeps only the first few. */
const sectionOrder: Record<LayoutVariant, (keyof typeof sectionEntries)[]> = {
  admin: ['users', 'org', 'calendar', 'audit', 'tokens'],
  leader: ['audit', 'calendar', 'users', 'org', 'tokens'],
  staff: ['audit', 'calendar', 'users', 'org', 'tokens'],
  enterprise: ['calendar', 'audit', 'users', 'org', 'tokens'],
};

/** The entries a user sees; `careMode` keeps at most `limit` of them, most important first, without technical pages. */
export function navEntriesFor(variant: LayoutVariant, abilities: readonly string[], options: { careMode?: boolean; limit?: number } = {}): NavEntry[] {
  const { careMode = false, limit = Number.POSITIVE_INFINITY } = options;
  const sections = sectionOrder[variant]
    .map((key) => sectionEntries[key])
    .filter((entry) => !entry.ability || abilities.includes(entry.ability))
    .filter((entry) => !(careMode && entry.hiddenInCareMode));
  return [homeEntries[variant], ...sections].slice(0, Math.max(1, limit));
}

/** The entry whose path is the longest prefix of the current location (for the selected menu item). */
export function activeNavKey(entries: readonly NavEntry[], pathname: string): NavKey | undefined {
  const matching = entries.filter((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  matching.sort((a, b) => b.path.length - a.path.length);
  return matching[0]?.key;
}
