// Durable solution, juvenile court, assisted voluntary return, reintegration and monitoring
// (issue 4). The case file's "Return and reintegration" tab mounts ReturnPanel with its
// { caseId, caseDetail } props; the guardian's co-signature and the court's screens are usable
// on their own (external portals).
export { ReturnPanel, type ReturnPanelProps } from './components/return-panel';
export { GuardianAvrConsent } from './components/guardian-avr-consent';
export { CourtClerkPanel } from './components/court-section';
export { showsReturnTab, RETURN_RELEASE_STATES } from './utils/return-access';
export { useStartReturnReport, isWorkingReport } from './components/return-report-link';
export { returnQueries } from './api/return-queries';
export { ReturnError } from './components/return-error';
export { visitStatus } from './components/monitoring-section';
