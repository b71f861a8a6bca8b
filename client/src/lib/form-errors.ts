import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';

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

export const translateFieldMessage = (t: TFunction, message: string | undefined, vocabulary?: FieldErrorVocabulary): string | undefined => {
  if (vocabulary?.prefix && message?.startsWith(vocabulary.prefix)) return t(message);
  if (!message) return undefined;
  const { key, params } = decode(message);
  return key.startsWith('validation.') ? t(key, params) : t('validation.invalid');
};

// A field error's text in the current language; with an API's vocabulary, its own messages too.
export const useFieldErrorText = (vocabulary?: FieldErrorVocabulary): ((error: FieldError | undefined) => string | undefined) => {
  const { t } = useTranslation();
  return useCallback((error) => translateFieldMessage(t, error?.message, vocabulary), [t, vocabulary]);
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

// A field's length limits, so that a server "too short" reads as precisely as the client's check.
export type FieldLimits = { min?: number; max?: number };

// How one API's field errors read, besides the common codes above. Each feature whose API has codes
// of its own (tracing, return, portal) describes them once and passes the description to the
// helpers below.
export type FieldErrorVocabulary = {
  // The API's own code as a translation key (which must start with `prefix`), or undefined to use
  // the common codes. Tried first; `limits` are the field's, if the form gave any.
  ownCode?: (code: string, limits: FieldLimits | undefined) => string | undefined;
  // Messages starting with this are the API's own translation keys, shown as they are.
  prefix?: string;
  // Which form field a server path ("person.firstName", "signedBy.1") belongs to. 'suffix' (the
  // default): the field it equals or ends with (".firstName"). 'under': the field it equals, else
  // the field it lies under ("signedBy").
  match?: 'suffix' | 'under';
};

const COMMON: FieldErrorVocabulary = {};

const matchesSuffix = (path: string, name: string): boolean => path === name || path.endsWith(`.${name}`);
const matchesUnder = (path: string, name: string): boolean => path === name || path.startsWith(`${name}.`);

const fieldFor = <N extends string>(path: string, names: readonly N[], match: FieldErrorVocabulary['match']): N | undefined =>
  match === 'under'
    ? (names.find((name) => path === name) ?? names.find((name) => matchesUnder(path, name)))
    : names.find((name) => matchesSuffix(path, name));

const serverFieldMessage = (code: string, limits: FieldLimits | undefined, vocabulary: FieldErrorVocabulary): string => {
  const own = vocabulary.ownCode?.(code, limits);
  if (own !== undefined) return own;
  if (TOO_SHORT.has(code) && limits?.min !== undefined) return encode('validation.tooShort', { minimum: limits.min });
  if (TOO_LONG.has(code) && limits?.max !== undefined) return encode('validation.tooLong', { maximum: limits.max });
  return encode(SERVER_FIELD_CODES[code] ?? 'validation.invalid');
};

type ServerFieldErrorOptions = {
  // Length limits per field name, as the form's own checks have them.
  limits?: Readonly<Record<string, FieldLimits>>;
  vocabulary?: FieldErrorVocabulary;
  // Where the form keeps a server path under another name (e.g. "questions.2" → "questions.2.text").
  rename?: (path: string) => string;
};

// Puts the server's field errors (an ApiError's details.fields) on the matching form fields, the
// first problem per field, and focuses the first. Returns true when at least one field received an
// error, so the caller can skip a generic alert.
export const applyServerFieldErrors = <T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly Path<T>[],
  { limits = {}, vocabulary = COMMON, rename = (path) => path }: ServerFieldErrorOptions = {},
): boolean => {
  if (!isApiError(error)) return false;
  const done = new Set<Path<T>>();
  for (const field of error.details?.fields ?? []) {
    const name = fieldFor(rename(field.path), fieldNames, vocabulary.match);
    if (!name || done.has(name)) continue;
    setError(name, { type: 'server', message: serverFieldMessage(field.code, limits[name], vocabulary) }, { shouldFocus: done.size === 0 });
    done.add(name);
  }
  return done.size > 0;
};

// True when the error's field details name at least one of the form's fields.
export const hasFieldErrorsFor = (error: unknown, fieldNames: readonly string[], vocabulary: FieldErrorVocabulary = COMMON): boolean => {
  const matches = vocabulary.match === 'under' ? matchesUnder : matchesSuffix;
  return isApiError(error) && (error.details?.fields ?? []).some((field) => fieldNames.some((name) => matches(field.path, name)));
};

export const fieldMessage = encode;
