// The IOM working file of a case (caseworkers and supervisors): family members, consents and risk
// checks. The case page (app/routes/cases) mounts its sections among the other features' tabs.
export { FamilySection } from './components/tabs/family-section';
export { ConsentsPanel } from './components/tabs/consents-panel';
export { caseFileQueries } from './api/case-file-queries';
export { canWorkOnCaseFile } from './utils/case-file-access';
