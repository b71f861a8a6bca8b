import { IOM_STAFF_ROLES, type Role } from '@app/contracts';

// UI-only policies mirroring the server's (CaseFileController is caseworker/supervisor only):
// they decide what to show, the server decides what to answer.
export const canWorkOnCaseFile = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);
export const canApproveRiskChecks = (role: Role): boolean => role === 'supervisor';

export const CASE_FILE_TABS = ['profile', 'family', 'consents', 'reports', 'documents', 'timeline'] as const;
export type CaseFileTab = (typeof CASE_FILE_TABS)[number];

// Guardians, social services and the court read the case, never the IOM working file; the
// reports and documents tabs will carry what is shared with them.
const EXTERNAL_TABS: readonly CaseFileTab[] = ['profile', 'reports', 'documents'];

export const tabsFor = (role: Role): readonly CaseFileTab[] => (canWorkOnCaseFile(role) ? CASE_FILE_TABS : EXTERNAL_TABS);

export const DEFAULT_TAB: CaseFileTab = 'profile';

// The tab named in the URL (?tab=…), when the user may see it; otherwise the profile.
export const tabFromParam = (role: Role, value: string | null): CaseFileTab =>
  tabsFor(role).find((tab) => tab === value) ?? DEFAULT_TAB;
