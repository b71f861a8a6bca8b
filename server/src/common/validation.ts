import type { FieldError } from '@app/contracts';
import type { z } from 'zod';
import { AppError } from './app-error';

export function toFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, code: 'unrecognized_key', message: `Unknown field "${key}"` }));
    }
    return [{ path: base, code: issue.code === 'custom' ? String(issue.params?.code ?? 'custom') : issue.code, message: issue.message }];
  });
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', `Invalid ${where}`, { fields: toFieldErrors(result.error, where === 'body' ? undefined : where) });
  }
  return result.data;
}
