import { AppError } from './app-error';

// Opaque keyset cursors: the last row's sort key, base64url-encoded JSON.
export const encodeCursor = (values: (string | number)[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values.map(String);
    }
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { fields: [{ path: 'query.cursor', code: 'invalid_cursor', message: 'Invalid cursor' }] });
}
