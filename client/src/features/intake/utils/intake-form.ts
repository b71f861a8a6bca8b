import {
  CreateCaseSchema,
  type CreateCaseInput,
  type MinorDobBasis,
  type OrganisationType,
  romeDay,
} from '@app/contracts';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { appNow } from '@/lib/clock';
import { fieldMessage, zodIssueMessage } from '@/lib/form-errors';

// What the form holds: strings as typed ('' = not given), booleans, lists. The body for
// POST /api/cases is assembled from it (toCreateCaseBody) and checked with the contract's schema.
export type IntakeMinorValues = {
  firstName: string;
  lastName: string;
  aliases: string[];
  sex: string;
  nationality: string;
  languages: string[];
  dateOfBirth: string;
  dobBasis: MinorDobBasis;
  ageAssessmentMin: number | string;
  ageAssessmentMax: number | string;
  dobIsDefaultJan1: boolean;
  presumedMinor: boolean;
  arrivalDate: string;
  arrivalMode: string;
  region: string;
  municipality: string;
  receptionFacility: string;
  receptionType: string;
  legalStatus: string;
  asylumApplicant: boolean;
  vulnerabilities: string[];
  traffickingIndicators: string;
  healthNotes: string;
};

export type IntakeFormValues = {
  minor: IntakeMinorValues;
  // Set when the user opens a new case for a minor already known (from the duplicate warning).
  existingMinorId: string;
  channel: string;
  requestingOrganisationId: string;
  requestDate: string;
  dgProtocolNo: string;
  priority: string;
  assignedCaseworkerId: string;
  guardianUserId: string;
  socialServicesOrganisationId: string;
  internalNotes: string;
};

export type IntakeContext = { requireCaseworker: boolean };

// Today as a calendar day in Italy (YYYY-MM-DD): the maximum of the intake's dates.
export const localToday = (now: Date = appNow()): string => romeDay(now);

export const intakeDefaults = (today: string = localToday()): IntakeFormValues => ({
  minor: {
    firstName: '',
    lastName: '',
    aliases: [],
    sex: '',
    nationality: '',
    languages: [],
    dateOfBirth: '',
    dobBasis: 'DECLARED',
    ageAssessmentMin: '',
    ageAssessmentMax: '',
    dobIsDefaultJan1: false,
    // Where doubt remains, the presumption of minority applies (L. 47/2017 art. 5).
    presumedMinor: true,
    arrivalDate: '',
    arrivalMode: '',
    region: '',
    municipality: '',
    receptionFacility: '',
    receptionType: '',
    legalStatus: '',
    asylumApplicant: false,
    vulnerabilities: [],
    traffickingIndicators: '',
    healthNotes: '',
  },
  existingMinorId: '',
  channel: '',
  requestingOrganisationId: '',
  requestDate: today,
  dgProtocolNo: '',
  priority: 'NORMAL',
  assignedCaseworkerId: '',
  guardianUserId: '',
  socialServicesOrganisationId: '',
  internalNotes: '',
});

const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
const optionalNumber = (value: number | string): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return value.trim() === '' ? undefined : Number(value);
};
const list = (values: string[]): string[] => values.map((value) => value.trim()).filter(Boolean);

// The body of POST /api/cases. Required fields go as typed (so an empty one fails with
// "required"); optional ones are left out when empty.
export const toCreateCaseBody = (values: IntakeFormValues): Record<string, unknown> => {
  const m = values.minor;
  const assessed = m.dobBasis === 'AGE_ASSESSMENT';
  const minor = {
    firstName: m.firstName,
    lastName: m.lastName,
    aliases: list(m.aliases),
    sex: m.sex,
    nationality: m.nationality,
    languages: list(m.languages),
    dateOfBirth: optionalText(m.dateOfBirth),
    dobBasis: m.dobBasis,
    ageAssessmentMin: assessed ? optionalNumber(m.ageAssessmentMin) : undefined,
    ageAssessmentMax: assessed ? optionalNumber(m.ageAssessmentMax) : undefined,
    dobIsDefaultJan1: m.dobIsDefaultJan1,
    presumedMinor: m.presumedMinor,
    arrivalDate: optionalText(m.arrivalDate),
    arrivalMode: optionalText(m.arrivalMode),
    region: optionalText(m.region),
    municipality: optionalText(m.municipality),
    receptionFacility: optionalText(m.receptionFacility),
    receptionType: optionalText(m.receptionType),
    legalStatus: optionalText(m.legalStatus),
    asylumApplicant: m.asylumApplicant,
    vulnerabilities: list(m.vulnerabilities),
    traffickingIndicators: optionalText(m.traffickingIndicators),
    healthNotes: optionalText(m.healthNotes),
  };
  const existingMinorId = optionalText(values.existingMinorId);
  return {
    ...(existingMinorId ? { existingMinorId } : { minor }),
    channel: values.channel,
    requestingOrganisationId: values.requestingOrganisationId,
    requestDate: values.requestDate,
    dgProtocolNo: optionalText(values.dgProtocolNo),
    priority: values.priority,
    assignedCaseworkerId: optionalText(values.assignedCaseworkerId),
    guardianUserId: optionalText(values.guardianUserId),
    socialServicesOrganisationId: optionalText(values.socialServicesOrganisationId),
    internalNotes: optionalText(values.internalNotes),
  };
};

// The form's fields by step (the review step has none). A server error on one of them sends the
// user back to its step.
export const STEP_FIELDS = [
  [
    'minor.firstName',
    'minor.lastName',
    'minor.aliases',
    'minor.sex',
    'minor.nationality',
    'minor.languages',
    'minor.dateOfBirth',
    'minor.dobBasis',
    'minor.ageAssessmentMin',
    'minor.ageAssessmentMax',
    'minor.dobIsDefaultJan1',
    'minor.presumedMinor',
    'existingMinorId',
  ],
  [
    'minor.arrivalDate',
    'minor.arrivalMode',
    'minor.region',
    'minor.municipality',
    'minor.receptionFacility',
    'minor.receptionType',
    'minor.legalStatus',
    'minor.asylumApplicant',
    'minor.vulnerabilities',
    'minor.traffickingIndicators',
    'minor.healthNotes',
  ],
  [
    'channel',
    'requestingOrganisationId',
    'requestDate',
    'dgProtocolNo',
    'priority',
    'assignedCaseworkerId',
    'guardianUserId',
    'socialServicesOrganisationId',
    'internalNotes',
  ],
] as const;

export type IntakeFieldName = (typeof STEP_FIELDS)[number][number];
export const INTAKE_FIELDS: readonly IntakeFieldName[] = STEP_FIELDS.flat();
export const REVIEW_STEP = STEP_FIELDS.length;

export const stepOfField = (name: string): number => STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(name));

// The first field with an error, in the order of the steps.
export const firstErrorField = (errors: FieldErrors<IntakeFormValues>): IntakeFieldName | undefined =>
  INTAKE_FIELDS.find((name) => Boolean(errorAt(errors, name)));

export const errorAt = (errors: FieldErrors<IntakeFormValues>, name: string): FieldError | undefined => {
  let node: unknown = errors;
  for (const part of name.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node && typeof node === 'object' && 'message' in node ? (node as FieldError) : undefined;
};

// Codes of the contract's refinements and of the server's own checks, as translation keys.
const CODE_KEYS: Record<string, string> = {
  required: 'validation.required',
  not_found: 'validation.notFound',
  invalid_value: 'validation.invalidOption',
  range_inverted: 'intake.errors.rangeInverted',
  not_january_first: 'intake.errors.notJanuaryFirst',
  after_21st_birthday: 'intake.errors.after21',
  in_future: 'intake.errors.inFuture',
  wrong_type: 'intake.errors.wrongType',
  wrong_role: 'intake.errors.wrongRole',
  not_allowed: 'intake.errors.notAllowed',
  inactive: 'intake.errors.inactive',
  other_unit: 'intake.errors.otherUnit',
  exclusive: 'intake.errors.exclusive',
};

export const codeMessage = (code: string): string => fieldMessage(CODE_KEYS[code] ?? 'validation.invalid');

type Issue = {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  format?: string;
  params?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  exact?: boolean;
  origin?: string;
};

const issueMessage = (issue: Issue): string => {
  if (issue.code === 'custom') {
    const code = (issue.params as { code?: unknown } | undefined)?.code;
    return codeMessage(typeof code === 'string' ? code : 'invalid');
  }
  const leaf = issue.path[issue.path.length - 1];
  if (issue.input === undefined || issue.input === null || issue.input === '') return fieldMessage('validation.required');
  if (issue.code === 'invalid_format' && leaf === 'nationality') return fieldMessage('intake.errors.nationality');
  if (issue.code === 'invalid_format' && issue.format === 'date') return fieldMessage('intake.errors.date');
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    return fieldMessage(issue.code === 'too_small' ? 'intake.errors.numberTooSmall' : 'intake.errors.numberTooBig', {
      value: Number(issue.code === 'too_small' ? issue.minimum : issue.maximum),
    });
  }
  return zodIssueMessage(issue);
};

// A list item's problem (aliases.2) is shown on the list's field.
export const fieldNameOf = (path: readonly PropertyKey[]): string => {
  const parts: string[] = [];
  for (const part of path) {
    if (typeof part === 'number' || /^\d+$/.test(String(part))) break;
    parts.push(String(part));
  }
  return parts.join('.');
};

const setAt = (target: Record<string, unknown>, name: string, error: FieldError): void => {
  const parts = name.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
    node = node[part] as Record<string, unknown>;
  }
  const leaf = parts[parts.length - 1] as string;
  if (!node[leaf]) node[leaf] = error;
};

// react-hook-form resolver: the contract's CreateCaseSchema on the assembled body, the first
// problem per field, as translation descriptors.
export const intakeResolver: Resolver<IntakeFormValues, IntakeContext, CreateCaseInput> = async (values, context) => {
  const parsed = CreateCaseSchema.safeParse(toCreateCaseBody(values), { reportInput: true });
  const errors: Record<string, unknown> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      setAt(errors, fieldNameOf(issue.path), { type: issue.code, message: issueMessage(issue as Issue) });
    }
  }
  // A supervisor registers the case for one of the unit's caseworkers (the server requires it).
  if (context?.requireCaseworker && values.assignedCaseworkerId.trim() === '') {
    setAt(errors, 'assignedCaseworkerId', { type: 'required', message: fieldMessage('validation.required') });
  }
  if (parsed.success && Object.keys(errors).length === 0) return { values: parsed.data, errors: {} };
  return { values: {}, errors: errors as FieldErrors<IntakeFormValues> };
};

// Who can be the requesting authority: an Italian authority or office, never IOM itself
// (mirrors the server's intake check).
export const REQUESTER_TYPES: readonly OrganisationType[] = ['SOCIAL_SERVICES', 'MINISTRY', 'JUVENILE_COURT', 'GUARDIANS'];

// Server field errors (details.fields) as form errors: the field name and its message.
export const serverFieldErrors = (fields: readonly { path: string; code: string }[]): { name: IntakeFieldName; message: string }[] => {
  const seen = new Set<string>();
  const out: { name: IntakeFieldName; message: string }[] = [];
  for (const field of fields) {
    const name = INTAKE_FIELDS.find((candidate) => candidate === fieldNameOf(field.path.split('.')));
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, message: codeMessage(field.code) });
  }
  return out;
};
