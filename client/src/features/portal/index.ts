// The external portals (issue 5): the case file's tabs for guardians, social services and courts
// mount these with their { caseId, caseDetail } props.
export { PortalCourtTab } from './components/portal-court-tab';
export { PortalDocumentsTab } from './components/portal-documents-tab';
export { PortalParticipationTab } from './components/portal-participation-tab';
export { PortalSupportTab } from './components/portal-support-tab';
export { portalQueries } from './api/portal-queries';
