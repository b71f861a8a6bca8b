// Issue 5: the supervisor's queue of requests sent by social services through the portal, and the
// assignment of a case's caseworker (also from the case header).
export { CaseAssignment } from './components/case-assignment';
export { IncomingRequestsPage, incomingFilterFrom } from './components/incoming-requests-page';
export { IncomingRequestsNotAllowed } from './components/not-allowed';
export { incomingRequestQueries } from './api/intake-requests-api';
export { canAssignCases } from './utils/intake-requests-access';
