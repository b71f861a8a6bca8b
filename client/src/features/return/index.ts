// Durable solution, juvenile court, assisted voluntary return, reintegration and monitoring
// (issue 4). The case page's "Return and reintegration" tab mounts ReturnPanel with its
// { caseId, caseDetail } props, and its "Reports" tab the part-2 report starters; the guardian's
// co-signature and the court's screens are usable on their own (external portals); the receiving
// mission's pages (features/field-returns) reuse the hand-over, plan and monitoring parts.
export { ReturnPanel, type ReturnPanelProps } from './components/return-panel';
export { ReturnReportStarters } from './components/return-report-starters';
export { GuardianAvrConsent } from './components/guardian-avr-consent';
export { CourtClerkPanel } from './components/court-section';
// The clerk's hearing and decision forms as their own download (the court's portal tab).
export const loadCourtClerkPanel = () => import('./components/court-section').then((module) => module.CourtClerkPanel);
export { showsReturnTab } from './utils/return-access';
export { returnQueries } from './api/return-queries';
export { ReturnError } from './components/return-error';
export { RETURN_FIELD_ERRORS } from './utils/return-errors';
export { returnResolver } from './utils/return-zod';
export { formatIndex, formatMonth } from './utils/return-format';
// Shared with the receiving mission's pages.
export { InlineUpload } from './components/inline-upload';
export { ReceiverKindSelect, SignatoriesInput } from './components/handover-section';
export { EscalateForm } from './components/escalate-form';
export { VisitStatusBadge, visitStatus } from './components/visit-status-badge';
export { RecordVisitForm } from './components/visit-form';
export { ItemTable } from './components/assistance-item-table';
export { ObjectiveList } from './components/objective-list';
