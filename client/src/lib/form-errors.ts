import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from './api-client';

// Form errors are stored as translation descriptors ("validation.tooShort|{"minimum":12}") and
// translated when rendered, so that they follow a language switch and never show raw server text.
type MessageParams = Record<string, string | number>;

const encode = (key: string, params?: MessageParams): string =>
  params ? `${key}|${JSON.stringify(params)}` : key;

const decode = (message: string): { key: string; params: MessageParams } => {
  const separator = message.indexOf('|');
  if (separator < 0) return { key: message, params: {} };
  try {
    return {
      key: message.slice(0, separator),
      params: JSON.parse(message.slice(separator + 1)) as MessageParams,
    };
  } catch {
    return { key: message.slice(0, separator), params: {} };
  }
};

export const translateFieldMessage = (t: TFunction, message: string | undefined): string | undefined => {
  if (!message) return undefined;
  const { key, params } = decode(message);
  return key.startsWith('validation.') ? t(key, params) : t('validation.invalid');
};

export const useFieldErrorText = (): ((error: FieldError | undefined) => string | undefined) => {
  const { t } = useTranslation();
  return useCallback((error) => translateFieldMessage(t, error?.message), [t]);
};

// The subset of a zod issue the messages need; zod passes the raw issue, input included.
type ZodIssueLike = {
  code: string;
  input?: unknown;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  exact?: boolean;
};

const isBlank = (input: unknown): boolean => input === undefined || input === null || input === '';

// Error map for zodResolver: turns zod issues into translation descriptors.
export const zodIssueMessage = (issue: ZodIssueLike): string => {
  if (isBlank(issue.input)) return encode('validation.required');
  switch (issue.code) {
    case 'invalid_format':
      return encode(issue.format === 'email' ? 'validation.email' : 'validation.invalid');
    case 'too_small':
      if (issue.exact) return encode('validation.exactLength', { length: Number(issue.minimum) });
      return encode('validation.tooShort', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.exact) return encode('validation.exactLength', { length: Number(issue.maximum) });
      return encode('validation.tooLong', { maximum: Number(issue.maximum) });
    case 'invalid_value':
      return encode('validation.invalidOption');
    default:
      return encode('validation.invalid');
  }
};

export const zodErrorMap = { error: zodIssueMessage };

// The server's field codes: zod issue codes, zod refinements' params.code, and its own rules.
const SERVER_FIELD_CODES: Record<string, string> = {
  required: 'validation.required',
  invalid_format: 'validation.invalid',
  invalid_value: 'validation.invalidOption',
  common_password: 'validation.commonPassword',
  contains_email: 'validation.containsEmail',
  duplicate: 'validation.duplicate',
  not_found: 'validation.notFound',
  role_not_allowed: 'validation.roleNotAllowed',
};

const TOO_SHORT = new Set(['too_small', 'too_short']);
const TOO_LONG = new Set(['too_big', 'too_long']);

const matchesField = (path: string, name: string): boolean => path === name || path.endsWith(`.${name}`);

type ServerFieldErrorOptions<T extends FieldValues> = {
  // Length limits, so that a server "too short" reads as precisely as the client's own check.
  minLength?: Partial<Record<Path<T>, number>>;
  maxLength?: Partial<Record<Path<T>, number>>;
};

const serverFieldMessage = <T extends FieldValues>(
  code: string,
  name: Path<T>,
  options: ServerFieldErrorOptions<T>,
): string => {
  const minimum = options.minLength?.[name];
  const maximum = options.maxLength?.[name];
  if (TOO_SHORT.has(code) && minimum !== undefined) return encode('validation.tooShort', { minimum });
  if (TOO_LONG.has(code) && maximum !== undefined) return encode('validation.tooLong', { maximum });
  return encode(SERVER_FIELD_CODES[code] ?? 'validation.invalid');
};

// Puts the server's field errors (details.fields) on the matching form fields, the first problem
// per field. Returns true when at least one field received an error, so the caller can skip a
// generic alert.
export const applyServerFieldErrors = <T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  fieldNames: readonly Path<T>[],
  options: ServerFieldErrorOptions<T> = {},
): boolean => {
  const done = new Set<Path<T>>();
  for (const field of error.details?.fields ?? []) {
    const name = fieldNames.find((candidate) => matchesField(field.path, candidate));
    if (!name || done.has(name)) continue;
    setError(name, { type: 'server', message: serverFieldMessage(field.code, name, options) }, { shouldFocus: done.size === 0 });
    done.add(name);
  }
  return done.size > 0;
};

// True when the error's field details name at least one of the form's fields.
export const hasFieldErrorsFor = (error: unknown, fieldNames: readonly string[]): boolean =>
  isApiError(error) &&
  (error.details?.fields ?? []).some((field) => fieldNames.some((name) => matchesField(field.path, name)));

export const fieldMessage = encode;
