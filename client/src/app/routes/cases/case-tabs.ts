import type { CaseDetail, Role } from '@app/contracts';
import { canWorkOnCaseFile } from '@/features/case-file';
import { showsReturnTab } from '@/features/return';

// The tabs of the case page, which is assembled here from several features: the IOM working file
// (features/case-file), the reports, documents, timeline and return of the case, and the portal's
// own tabs for external users. Each decides what it shows; this decides which tabs a user sees.

// Issue 4: 'return' (durable solution, court, AVR, reintegration, monitoring; features/return) shows
// once the case reaches its durable solution (showsReturnTab).
export const CASE_FILE_TABS = ['profile', 'family', 'consents', 'reports', 'documents', 'return', 'timeline'] as const;
// Issue 5: the portal's own tabs (features/portal): the guardian's part (the minor's views, their
// consents, a return request to co-sign), court dates and the court's own file, and continuation of
// support after 18 (social services).
export const PORTAL_TABS = ['participation', 'court', 'support'] as const;
export type CaseFileTab = (typeof CASE_FILE_TABS)[number] | (typeof PORTAL_TABS)[number];

// Guardians, social services and the court read the case, never the IOM working file: each sees
// the reports released to them, their documents and only the actions their role has.
const EXTERNAL_TABS: Partial<Record<Role, readonly CaseFileTab[]>> = {
  guardian: ['profile', 'reports', 'participation', 'court', 'documents', 'timeline'],
  social_services: ['profile', 'reports', 'court', 'support', 'documents', 'timeline'],
  // A court sees only what is filed before it: no history of the case.
  court: ['profile', 'court', 'reports', 'documents'],
};
const OTHER_TABS: readonly CaseFileTab[] = ['profile', 'reports', 'documents'];

type TabCase = Pick<CaseDetail, 'state' | 'transitions' | 'reopenCount'>;

export const tabsFor = (role: Role, caseDetail?: TabCase): readonly CaseFileTab[] =>
  (canWorkOnCaseFile(role) ? CASE_FILE_TABS : (EXTERNAL_TABS[role] ?? OTHER_TABS)).filter((tab) => tab !== 'return' || (caseDetail !== undefined && showsReturnTab(role, caseDetail)));

// The label of a tab (the portal's tabs are named in the portal's translations).
export const tabLabelKey = (tab: CaseFileTab): string =>
  (PORTAL_TABS as readonly string[]).includes(tab) ? `portal.tabs.${tab}` : `caseFile.tabs.${tab}`;

export const DEFAULT_TAB: CaseFileTab = 'profile';

// The tab named in the URL (?tab=…), when the user may see it; otherwise the profile.
export const tabFromParam = (role: Role, value: string | null, caseDetail?: TabCase): CaseFileTab =>
  tabsFor(role, caseDetail).find((tab) => tab === value) ?? DEFAULT_TAB;
