import { IOM_STAFF_ROLES, type Role } from '@app/contracts';

// UI-only policies mirroring the server's (CaseFileController is caseworker/supervisor only):
// they decide what to show, the server decides what to answer.
export const canWorkOnCaseFile = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);
export const canApproveRiskChecks = (role: Role): boolean => role === 'supervisor';
