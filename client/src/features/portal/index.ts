// The external portals (issue 5): the case page's tabs for guardians, social services and courts
// mount these with their { caseId, caseDetail } props; social services send a new family-tracing
// request from their own page.
export { PortalCourtTab } from './components/portal-court-tab';
export { PortalDocumentsTab } from './components/portal-documents-tab';
export { PortalParticipationTab } from './components/portal-participation-tab';
export { PortalSupportTab } from './components/portal-support-tab';
export { TracingRequestForm, TracingRequestSent } from './components/tracing-request-form';
export { portalQueries } from './api/portal-queries';
