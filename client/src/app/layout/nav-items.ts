import { IOM_STAFF_ROLES, type Role } from '@app/contracts';
import { paths } from '@/config/paths';
import { canAssignCases } from '@/features/intake-requests';
import { canAdminister, canOverseeDataProtection, canReadInbox, canSeeCases, canSeeStats, canSendTracingRequests } from '@/lib/auth';

export type NavItem = { to: string; labelKey: string; end: boolean };

// What each role can reach today; roles without a built area get their home page.
export const navItemsFor = (role: Role): NavItem[] => {
  if (canAdminister(role)) return [{ to: paths.admin(), labelKey: 'nav.admin', end: false }];
  // IOM staff start from their dashboard ("/"), then the case list.
  if ((IOM_STAFF_ROLES as readonly Role[]).includes(role)) {
    return [
      { to: paths.home(), labelKey: 'dashboard.nav', end: true },
      { to: paths.cases(), labelKey: 'nav.cases', end: false },
      ...(canAssignCases(role) ? [{ to: paths.intakeRequests(), labelKey: 'intakeRequests.nav', end: false }] : []),
      ...(canSeeStats(role) ? [{ to: paths.stats(), labelKey: 'stats.nav', end: false }] : []),
    ];
  }
  // Issue 5: each external audience sees its own cases, its inbox and only the actions it has.
  if (canSeeCases(role)) {
    return [
      { to: paths.cases(), labelKey: 'nav.cases', end: false },
      ...(canReadInbox(role) ? [{ to: paths.inbox(), labelKey: 'inbox.nav', end: false }] : []),
      ...(canSendTracingRequests(role) ? [{ to: paths.portalTracingRequestNew(), labelKey: 'portal.nav.newTracingRequest', end: false }] : []),
    ];
  }
  if (role === 'ministry') {
    return [
      { to: paths.stats(), labelKey: 'stats.nav', end: false },
      { to: paths.inbox(), labelKey: 'inbox.nav', end: false },
    ];
  }
  if (canOverseeDataProtection(role)) return [{ to: paths.dpo(), labelKey: 'dpo.nav', end: false }];
  if (role === 'field_officer') {
    return [
      { to: paths.tracingRequests(), labelKey: 'tracing.nav.requests', end: false },
      { to: paths.fieldReturns(), labelKey: 'fieldReturns.nav', end: false },
    ];
  }
  return [{ to: paths.home(), labelKey: 'nav.home', end: true }];
};
