// The roles a user can hold, in the order the UI lists them; labels live in the web i18n files.
export const roles = [
  'enterprise',
  'dispatcher',
  'handler',
  'followup',
  'policy_officer',
  'inspector',
  'leader',
  'supervisor',
  'admin',
] as const;

export type Role = (typeof roles)[number];

export const staffRoles: readonly Role[] = roles.filter((r) => r !== 'enterprise');

export const orgUnitKinds = ['city', 'district', 'township', 'village', 'department'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

/** Which region kinds may sit directly under which: city → district → township → village; departments under any region. */
export const allowedChildKinds: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  city: ['district', 'department'],
  district: ['township', 'department'],
  township: ['village', 'department'],
  village: ['department'],
  department: ['department'],
};

export const locales = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof locales)[number];
