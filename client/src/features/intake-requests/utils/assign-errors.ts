import { isApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';

export const ASSIGN_FIELDS = ['caseworkerId', 'reason'] as const;
export type AssignField = (typeof ASSIGN_FIELDS)[number];

// The server's field codes for an assignment (case-input.checks.ts checkUser, zod's lengths).
const FIELD_CODES = new Set(['required', 'not_found', 'wrong_role', 'inactive', 'other_unit', 'too_small', 'too_big']);

export type AssignFieldProblem = { field: AssignField | null; path: string; messageKey: string };

export type AssignProblem = { messageKey: string; fields: AssignFieldProblem[] };

const matchesField = (path: string, name: string): boolean => path === name || path.endsWith(`.${name}`);

// A refused assignment in plain words: what happened (by status, never by the server's English
// text) and which fields are at fault.
export const describeAssignError = (error: unknown): AssignProblem => {
  if (!isApiError(error)) return { messageKey: errorMessageKey(error), fields: [] };
  const fields = (error.details?.fields ?? []).map((problem) => ({
    field: ASSIGN_FIELDS.find((name) => matchesField(problem.path, name)) ?? null,
    path: problem.path,
    messageKey: `intakeRequests.assign.fieldCodes.${FIELD_CODES.has(problem.code) ? problem.code : 'invalid'}`,
  }));
  switch (error.status) {
    case 403:
      return { messageKey: 'intakeRequests.assign.errors.forbidden', fields };
    case 404:
      return { messageKey: 'intakeRequests.assign.errors.notFound', fields };
    case 409:
      return { messageKey: 'intakeRequests.assign.errors.conflict', fields };
    case 400:
    case 422:
      return { messageKey: 'intakeRequests.assign.errors.invalid', fields };
    default:
      return { messageKey: errorMessageKey(error), fields };
  }
};

// The server's message for one field of the form, if any (the first one).
export const serverFieldMessageKey = (problem: AssignProblem | null, field: AssignField): string | undefined =>
  problem?.fields.find((candidate) => candidate.field === field)?.messageKey;
