import { isApiError, type ApiError } from '@/lib/api-client';

// The report changed since the page read it (412), or the request named no version (428).
export const isStaleReport = (error: unknown): error is ApiError =>
  isApiError(error) && (error.code === 'PRECONDITION_FAILED' || error.code === 'PRECONDITION_REQUIRED');

// The guards the server says are missing (422 details.unmet), as codes.
export const unmetCodes = (error: unknown): string[] =>
  isApiError(error) && error.code === 'TRANSITION_NOT_ALLOWED' ? (error.details?.unmet ?? []).map((item) => item.code) : [];

// The sections the server says are empty (422 on submission: sectionsOriginal.x / sectionsIt.y).
export const missingSectionPaths = (error: unknown): { original: string[]; it: string[] } => {
  const fields = isApiError(error) ? (error.details?.fields ?? []) : [];
  const under = (prefix: string) => fields.filter((f) => f.path.startsWith(prefix)).map((f) => f.path.slice(prefix.length));
  return { original: under('sectionsOriginal.'), it: under('sectionsIt.') };
};

// The problems the server found with the named recipients (400 details.fields "recipients.N.…").
export const recipientProblems = (error: unknown): { index: number; code: string }[] => {
  if (!isApiError(error)) return [];
  return (error.details?.fields ?? []).flatMap((field) => {
    const match = /^recipients\.(\d+)\./.exec(field.path);
    return match ? [{ index: Number(match[1]), code: field.code }] : [];
  });
};
