import type { Role } from '@app/contracts';
import { paths } from '@/config/paths';
import { canAdminister, canSeeCases } from '@/lib/auth';

export type NavItem = { to: string; labelKey: string; end: boolean };

// What each role can reach today; roles without a built area get their home page.
export const navItemsFor = (role: Role): NavItem[] => {
  if (canAdminister(role)) return [{ to: paths.admin(), labelKey: 'nav.admin', end: false }];
  if (canSeeCases(role)) return [{ to: paths.cases(), labelKey: 'nav.cases', end: false }];
  return [{ to: paths.home(), labelKey: 'nav.home', end: true }];
};
