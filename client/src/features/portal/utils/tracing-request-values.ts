import { PortalTracingRequestSchema, type PortalTracingRequestInput } from '@app/contracts';
import type { TFunction } from 'i18next';
import { translateFieldMessage, zodIssueMessage } from '@/lib/form-errors';

// What the social worker types; reshaped into the request as the server reads it.
export type TracingRequestValues = {
  firstName: string;
  lastName: string;
  aliases: string;
  sex: '' | 'M' | 'F' | 'X';
  nationality: string;
  dateOfBirth: string;
  dobBasis: 'DECLARED' | 'DOCUMENT' | 'AGE_ASSESSMENT';
  ageAssessmentMin: string;
  ageAssessmentMax: string;
  languages: string;
  municipality: string;
  receptionFacility: string;
  requestDate: string;
  channel: 'DG_MLPS' | 'OTHER';
  dgProtocolNo: string;
  questions: string;
  familyInformation: string;
};

export type TracingRequestField = keyof TracingRequestValues;

export const emptyTracingRequest = (today: string): TracingRequestValues => ({
  firstName: '',
  lastName: '',
  aliases: '',
  sex: '',
  nationality: '',
  dateOfBirth: '',
  dobBasis: 'DECLARED',
  ageAssessmentMin: '',
  ageAssessmentMax: '',
  languages: '',
  municipality: '',
  receptionFacility: '',
  requestDate: today,
  channel: 'OTHER',
  dgProtocolNo: '',
  questions: '',
  familyInformation: '',
});

const list = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
const optionalNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

// Blank boxes are absent fields; lists are one per line (questions) or comma-separated.
export const toTracingRequest = (values: TracingRequestValues): unknown => ({
  minor: {
    firstName: values.firstName,
    lastName: values.lastName,
    aliases: list(values.aliases, /[,\n]/),
    sex: values.sex || undefined,
    nationality: values.nationality || undefined,
    dateOfBirth: optional(values.dateOfBirth),
    dobBasis: values.dobBasis,
    ...(values.dobBasis === 'AGE_ASSESSMENT' ? { ageAssessmentMin: optionalNumber(values.ageAssessmentMin), ageAssessmentMax: optionalNumber(values.ageAssessmentMax) } : {}),
    languages: list(values.languages, /[,\n]/),
    municipality: optional(values.municipality),
    receptionFacility: optional(values.receptionFacility),
  },
  requestDate: optional(values.requestDate),
  channel: values.channel,
  ...(values.channel === 'DG_MLPS' ? { dgProtocolNo: optional(values.dgProtocolNo) } : {}),
  questions: list(values.questions, /\n/),
  familyInformation: optional(values.familyInformation),
});

// The form field a request path names ("minor.firstName" → firstName, "questions.2" → questions).
const FIELD_BY_PATH: Record<string, TracingRequestField> = {
  'minor.firstName': 'firstName',
  'minor.lastName': 'lastName',
  'minor.aliases': 'aliases',
  'minor.sex': 'sex',
  'minor.nationality': 'nationality',
  'minor.dateOfBirth': 'dateOfBirth',
  'minor.dobBasis': 'dobBasis',
  'minor.ageAssessmentMin': 'ageAssessmentMin',
  'minor.ageAssessmentMax': 'ageAssessmentMax',
  'minor.dobIsDefaultJan1': 'dateOfBirth',
  'minor.languages': 'languages',
  'minor.municipality': 'municipality',
  'minor.receptionFacility': 'receptionFacility',
  requestDate: 'requestDate',
  channel: 'channel',
  dgProtocolNo: 'dgProtocolNo',
  questions: 'questions',
  familyInformation: 'familyInformation',
};

export const fieldForPath = (path: string): TracingRequestField | undefined => {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const field = FIELD_BY_PATH[parts.slice(0, length).join('.')];
    if (field) return field;
  }
  return undefined;
};

export type TracingRequestErrors = Partial<Record<TracingRequestField, string>>;

// The contract's own check, before sending: the first problem of each field, in words.
export const checkTracingRequest = (values: TracingRequestValues, t: TFunction): { input?: PortalTracingRequestInput; errors: TracingRequestErrors } => {
  const parsed = PortalTracingRequestSchema.safeParse(toTracingRequest(values));
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: TracingRequestErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldForPath(issue.path.join('.'));
    if (!field || errors[field]) continue;
    errors[field] = translateFieldMessage(t, zodIssueMessage(issue as Parameters<typeof zodIssueMessage>[0])) ?? t('validation.invalid');
  }
  return { errors };
};
