// The navigation model: entries per layout, shown by ability (or role), most important first, shortened in care mode.
import type { Role } from '../../shared/roles.ts';
import type { LayoutVariant } from '../features/auth/role-home.ts';

export type NavKey =
  | 'portal'
  | 'workbench'
  | 'dashboard'
  | 'admin'
  | 'myAppeals'
  | 'submitAppeal'
  | 'triage'
  | 'myWork'
  | 'followUps'
  | 'supervision'
  | 'ledger'
  | 'registerAppeal'
  | 'kpi'
  | 'appealRules'
  | 'users'
  | 'org'
  | 'calendar'
  | 'audit'
  | 'tokens'
  | 'myRelations'
  | 'relationAssignments'
  | 'greenCards'
  | 'enterpriseAccounts'
  | 'enterpriseMembers'
  | 'enterprises'
  | 'myEnterprise'
  | 'policies'
  | 'myPolicies'
  | 'policyPayouts'
  | 'myApplications'
  | 'applicationReview'
  | 'applicationReading';

export interface NavEntry {
  key: NavKey;
  path: string;
  /** i18n key of the label; `care.<labelKey>` holds the plain-language variant. */
  labelKey: string;
  /** Shown only to users with this ability (home entries need none). */
  ability?: string;
  /** Shown only to users holding one of these roles (work queues that no ability names). */
  roles?: readonly Role[];
  /** A technical page that care mode leaves out of the navigation altogether. */
  hiddenInCareMode?: boolean;
}

type HomeKey = 'portal' | 'workbench' | 'dashboard' | 'admin';
type SectionKey = Exclude<NavKey, HomeKey>;

const homeEntries: Record<LayoutVariant, NavEntry> = {
  enterprise: { key: 'portal', path: '/portal', labelKey: 'nav.portal' },
  staff: { key: 'workbench', path: '/workbench', labelKey: 'nav.workbench' },
  leader: { key: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard' },
  admin: { key: 'admin', path: '/admin', labelKey: 'nav.admin' },
};

const sectionEntries: Record<SectionKey, NavEntry> = {
  myAppeals: { key: 'myAppeals', path: '/appeals', labelKey: 'nav.myAppeals', ability: 'appeal.read' },
  submitAppeal: { key: 'submitAppeal', path: '/appeals/new', labelKey: 'nav.submitAppeal', ability: 'appeal.create' },
  triage: { key: 'triage', path: '/triage', labelKey: 'nav.triage', ability: 'appeal.triage' },
  myWork: { key: 'myWork', path: '/my-work', labelKey: 'nav.myWork', ability: 'appeal.read', roles: ['handler'] },
  followUps: { key: 'followUps', path: '/follow-ups', labelKey: 'nav.followUps', ability: 'appeal.follow-up' },
  supervision: { key: 'supervision', path: '/supervision', labelKey: 'nav.supervision', ability: 'appeal.supervision' },
  ledger: { key: 'ledger', path: '/appeals', labelKey: 'nav.ledger', ability: 'appeal.read' },
  registerAppeal: { key: 'registerAppeal', path: '/appeals/new', labelKey: 'nav.registerAppeal', ability: 'appeal.create' },
  kpi: { key: 'kpi', path: '/kpi', labelKey: 'nav.kpi', ability: 'appeal.kpi' },
  appealRules: { key: 'appealRules', path: '/admin/appeal-rules', labelKey: 'nav.appealRules', ability: 'appeal.rules.manage' },
  users: { key: 'users', path: '/admin/users', labelKey: 'nav.users', ability: 'user.manage' },
  org: { key: 'org', path: '/admin/org', labelKey: 'nav.org', ability: 'org.manage' },
  calendar: { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', ability: 'calendar.read' },
  audit: { key: 'audit', path: '/audit', labelKey: 'nav.audit', ability: 'audit.read' },
  tokens: { key: 'tokens', path: '/tokens', labelKey: 'nav.tokens', ability: 'token.manage', hiddenInCareMode: true },
  myRelations: { key: 'myRelations', path: '/relations/mine', labelKey: 'nav.myRelations', ability: 'relations.own' },
  relationAssignments: { key: 'relationAssignments', path: '/relations', labelKey: 'nav.relationAssignments', ability: 'relations.manage' },
  greenCards: { key: 'greenCards', path: '/green-cards', labelKey: 'nav.greenCards', ability: 'green-card.read', roles: ['admin', 'dispatcher', 'leader', 'supervisor'] },
  enterpriseAccounts: { key: 'enterpriseAccounts', path: '/enterprise-accounts', labelKey: 'nav.enterpriseAccounts', ability: 'enterprise-account.verify' },
  enterpriseMembers: { key: 'enterpriseMembers', path: '/enterprise-accounts', labelKey: 'nav.enterpriseAccounts', ability: 'enterprise-account.own' },
  enterprises: { key: 'enterprises', path: '/enterprises', labelKey: 'nav.enterprises', ability: 'enterprise.read' },
  myEnterprise: { key: 'myEnterprise', path: '/my-enterprise', labelKey: 'nav.myEnterprise', ability: 'enterprise.read', roles: ['enterprise'] },
  policies: { key: 'policies', path: '/policies', labelKey: 'nav.policies', ability: 'policy.read' },
  myPolicies: { key: 'myPolicies', path: '/my/policies', labelKey: 'nav.myPolicies', ability: 'policy.read', roles: ['enterprise'] },
  policyPayouts: { key: 'policyPayouts', path: '/policy-payouts', labelKey: 'nav.policyPayouts', ability: 'policy.ledger' },
  myApplications: { key: 'myApplications', path: '/my/applications', labelKey: 'nav.myApplications', ability: 'policy.apply' },
  applicationReview: { key: 'applicationReview', path: '/policy-applications', labelKey: 'nav.applicationReview', ability: 'policy.review' },
  /** Leaders and supervisors read the review queue without deciding: policy.ledger without policy.review (a reviewer sees applicationReview only). */
  applicationReading: { key: 'applicationReading', path: '/policy-applications', labelKey: 'nav.applicationReview', ability: 'policy.ledger' },
};

/** Order of importance of the sections for each layout; care mode keeps only the first few. */
const sectionOrder: Record<LayoutVariant, SectionKey[]> = {
  admin: ['users', 'org', 'appealRules', 'calendar', 'audit', 'ledger', 'kpi', 'enterprises', 'policies', 'policyPayouts', 'applicationReview', 'tokens', 'relationAssignments', 'greenCards', 'enterpriseAccounts'],
  leader: ['kpi', 'supervision', 'ledger', 'policyPayouts', 'enterprises', 'policies', 'applicationReview', 'applicationReading', 'audit', 'calendar', 'users', 'org', 'tokens', 'myRelations', 'greenCards'],
  staff: ['triage', 'myWork', 'followUps', 'supervision', 'ledger', 'registerAppeal', 'enterprises', 'policies', 'policyPayouts', 'applicationReview', 'applicationReading', 'kpi', 'audit', 'calendar', 'users', 'org', 'tokens', 'myRelations', 'relationAssignments', 'greenCards', 'enterpriseAccounts'],
  enterprise: ['myAppeals', 'submitAppeal', 'myEnterprise', 'myPolicies', 'myApplications', 'calendar', 'audit', 'users', 'org', 'tokens', 'enterpriseMembers'],
};

export interface NavOptions {
  careMode?: boolean;
  limit?: number;
  /** The user's roles, for entries limited to roles. */
  roles?: readonly Role[];
}

/** The entries a user sees; `careMode` keeps at most `limit` of them, most important first, without technical pages. */
export function navEntriesFor(variant: LayoutVariant, abilities: readonly string[], options: NavOptions = {}): NavEntry[] {
  const { careMode = false, limit = Number.POSITIVE_INFINITY, roles = [] } = options;
  const sections = sectionOrder[variant]
    .map((key) => sectionEntries[key])
    .filter((entry) => !entry.ability || abilities.includes(entry.ability))
    .filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)))
    .filter((entry) => !(careMode && entry.hiddenInCareMode))
    .filter((entry, i, shown) => shown.findIndex((other) => other.path === entry.path) === i);
  return [homeEntries[variant], ...sections].slice(0, Math.max(1, limit));
}

/** The entry whose path is the longest prefix of the current location (for the selected menu item). */
export function activeNavKey(entries: readonly NavEntry[], pathname: string): NavKey | undefined {
  const matching = entries.filter((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  matching.sort((a, b) => b.path.length - a.path.length);
  return matching[0]?.key;
}
