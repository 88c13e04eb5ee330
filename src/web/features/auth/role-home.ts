// Which layout and home page a user gets, by the first matching role: admin, leader, enterprise, else staff.
import type { Role } from '../../../shared/roles.ts';

export type LayoutVariant = 'admin' | 'leader' | 'enterprise' | 'staff';

export const homePathByVariant: Record<LayoutVariant, string> = {
  admin: '/admin',
  leader: '/dashboard',
  enterprise: '/portal',
  staff: '/workbench',
};

export function layoutVariantFor(roles: readonly Role[]): LayoutVariant {
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('leader')) return 'leader';
  if (roles.includes('enterprise')) return 'enterprise';
  return 'staff';
}

export function homePathFor(roles: readonly Role[]): string {
  return homePathByVariant[layoutVariantFor(roles)];
}
