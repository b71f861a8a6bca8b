import { AppError } from './app-error';

// If-Match carries the version the client edited: "3", W/"3" or 3. One parser for every versioned
// record (a case, an assessment, a report version's lock, a plan), so a fix is made once.
// Absent or blank: undefined (each route decides whether it is required, see requireIfMatch).
export function parseIfMatchVersion(header: string | undefined, what: string): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new AppError('VALIDATION_FAILED', `If-Match must be the ${what}`, { fields: [{ path: 'header.if-match', code: 'invalid', message: 'Expected a version number' }] });
  return Number(match[1]);
}

// 428 when the client sent no version.
export function requireIfMatch(version: number | undefined, what: string): number {
  if (version === undefined) throw new AppError('PRECONDITION_REQUIRED', `Send the If-Match header with the ${what} you edited`);
  return version;
}
