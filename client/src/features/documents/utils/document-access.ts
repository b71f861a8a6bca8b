import { IOM_STAFF_ROLES, type Role } from '@app/contracts';

// UI-only policy mirroring DocumentsController (caseworker and supervisor list and upload a
// case's documents): it decides what to show, the server decides what to answer.
export const canManageDocuments = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);
