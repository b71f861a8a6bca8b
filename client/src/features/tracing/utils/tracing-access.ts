import type { Role } from '@app/contracts';

// UI-only policies mirroring the server's (tracing.controller.ts): they decide what to show, the
// server decides what to answer.

// The mission's field officers: their list, and the field records on a request.
export const canWorkInTheField = (role: Role): boolean => role === 'field_officer';

// A request's page: the mission, and IOM Rome's staff on the case (read only for them).
export const canOpenTracingRequest = (role: Role): boolean => role === 'field_officer' || role === 'caseworker' || role === 'supervisor';

// Sending packets and translating the assessment: IOM Rome.
export const canManageTracing = (role: Role): boolean => role === 'caseworker' || role === 'supervisor';
