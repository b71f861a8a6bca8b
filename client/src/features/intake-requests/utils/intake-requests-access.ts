import type { Role } from '@app/contracts';

// UI-only policy mirroring the server's @Roles('supervisor') on POST /api/cases/:caseId/assignment:
// the supervisor watches the requests that arrive from social services and assigns them.
export const canAssignCases = (role: Role): boolean => role === 'supervisor';

// Where the caseworker of a case is shown at all (IOM staff read it; the portals do not).
export const seesCaseworker = (role: Role): boolean => role === 'supervisor' || role === 'caseworker';
