import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { OrganisationTypeSchema } from './roles';
import { CaseStateSchema } from './workflow';

// The minor's profile (domain.md §3.1), the duplicate search across transliterations (§3.1
// aliases, architecture brief §8) and the directory lookups the intake form needs.

export const SexSchema = z.enum(['M', 'F', 'X']);
// Same values as the tracing packet's DobBasisSchema (tracing.ts).
export const MinorDobBasisSchema = z.enum(['DECLARED', 'DOCUMENT', 'AGE_ASSESSMENT']);
export type MinorDobBasis = z.infer<typeof MinorDobBasisSchema>;
export const ArrivalModeSchema = z.enum(['SEA', 'LAND', 'AIR']);
export const ReceptionTypeSchema = z.enum(['FIRST', 'SAI', 'CAS', 'FOSTER_FAMILY']);

// ISO 3166-1 alpha-2, upper case ("EG", "BD", "GM").
export const NationalitySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: 'Use the two-letter ISO country code' });

const PersonName = z.string().trim().min(1).max(100);
const Place = z.string().trim().min(1).max(120);
const LongText = z.string().trim().min(1).max(4000);
const AgeYears = z.number().int().min(0).max(30);

// Every field of the minor a caseworker may write. Names and the person's core identity are
// required at intake; the rest may be unknown on the day the request arrives.
const minorFields = {
  firstName: PersonName,
  lastName: PersonName,
  // Other spellings the minor is known by: transliterations matter for tracing and duplicates.
  aliases: z.array(PersonName).max(20),
  sex: SexSchema,
  nationality: NationalitySchema,
  languages: z.array(z.string().trim().min(2).max(40)).max(10),
  dateOfBirth: IsoDateSchema.nullable(),
  dobBasis: MinorDobBasisSchema,
  // The assessed range (DPCM 234/2016 art. 5: minimum and maximum) when the age was assessed.
  ageAssessmentMin: AgeYears.nullable(),
  ageAssessmentMax: AgeYears.nullable(),
  // Unidentified minors are often given 1 January of the estimated year.
  dobIsDefaultJan1: z.boolean(),
  presumedMinor: z.boolean(),
  arrivalDate: IsoDateSchema.nullable(),
  arrivalMode: ArrivalModeSchema.nullable(),
  region: Place.nullable(),
  municipality: Place.nullable(),
  receptionFacility: Place.nullable(),
  receptionType: ReceptionTypeSchema.nullable(),
  legalStatus: z.string().trim().min(1).max(200).nullable(),
  asylumApplicant: z.boolean(),
  traffickingIndicators: LongText.nullable(),
  healthNotes: LongText.nullable(),
  vulnerabilities: z.array(z.string().trim().min(2).max(80)).max(20),
  prosieguoUntil: IsoDateSchema.nullable(),
};
export const MINOR_FIELDS = Object.keys(minorFields) as (keyof typeof minorFields)[];
export type MinorField = (typeof MINOR_FIELDS)[number];

// HIGH_RISK / SPECIAL fields (§3.1): their values never go into history or audit rows, only
// the fact that they changed.
export const SENSITIVE_MINOR_FIELDS: readonly MinorField[] = ['legalStatus', 'asylumApplicant', 'traffickingIndicators', 'healthNotes', 'vulnerabilities'];
// Age fields: a change keeps the old and new value on the case history (§8 rule 11: never
// overwrite a declared date of birth without a record of the change).
export const AGE_MINOR_FIELDS: readonly MinorField[] = ['dateOfBirth', 'dobBasis', 'ageAssessmentMin', 'ageAssessmentMax', 'dobIsDefaultJan1', 'presumedMinor'];

type AgeFacts = {
  dateOfBirth?: string | null | undefined;
  dobBasis?: MinorDobBasis | undefined;
  ageAssessmentMin?: number | null | undefined;
  ageAssessmentMax?: number | null | undefined;
  dobIsDefaultJan1?: boolean | undefined;
  prosieguoUntil?: string | null | undefined;
};
export interface MinorIssue {
  path: MinorField;
  code: string;
  message: string;
}

// Cross-field rules on the minor's age, shared by the intake schema and the server's check of a
// partial edit merged with the stored profile.
export function minorAgeIssues(m: AgeFacts): MinorIssue[] {
  const issues: MinorIssue[] = [];
  const min = m.ageAssessmentMin ?? null;
  const max = m.ageAssessmentMax ?? null;
  if (min !== null && max !== null && min > max) {
    issues.push({ path: 'ageAssessmentMax', code: 'range_inverted', message: 'The maximum age must not be below the minimum' });
  }
  if (m.dobBasis === 'AGE_ASSESSMENT' && (min === null || max === null)) {
    issues.push({ path: min === null ? 'ageAssessmentMin' : 'ageAssessmentMax', code: 'required', message: 'An age assessment records the estimated range (minimum and maximum)' });
  }
  if (m.dobIsDefaultJan1 && !(m.dateOfBirth && m.dateOfBirth.endsWith('-01-01'))) {
    issues.push({ path: 'dobIsDefaultJan1', code: 'not_january_first', message: 'A default date of birth is 1 January' });
  }
  // Prosieguo amministrativo runs at the latest to the 21st birthday (L. 47/2017 art. 13).
  if (m.prosieguoUntil && m.dateOfBirth) {
    const twentyFirst = `${String(Number(m.dateOfBirth.slice(0, 4)) + 21).padStart(4, '0')}${m.dateOfBirth.slice(4)}`;
    if (m.prosieguoUntil > twentyFirst) issues.push({ path: 'prosieguoUntil', code: 'after_21st_birthday', message: 'Prosieguo ends at the latest on the 21st birthday' });
  }
  return issues;
}

const withAgeRules = <T extends z.ZodType<AgeFacts>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    for (const issue of minorAgeIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, params: { code: issue.code } });
  });

// Intake: a new minor.
export const MinorInputSchema = withAgeRules(
  z.strictObject({
    firstName: minorFields.firstName,
    lastName: minorFields.lastName,
    aliases: minorFields.aliases.default([]),
    sex: minorFields.sex,
    nationality: minorFields.nationality,
    languages: minorFields.languages.default([]),
    dateOfBirth: minorFields.dateOfBirth.optional(),
    dobBasis: minorFields.dobBasis.default('DECLARED'),
    ageAssessmentMin: minorFields.ageAssessmentMin.optional(),
    ageAssessmentMax: minorFields.ageAssessmentMax.optional(),
    dobIsDefaultJan1: minorFields.dobIsDefaultJan1.default(false),
    // Where doubt remains, the presumption of minority applies (L. 47/2017 art. 5).
    presumedMinor: minorFields.presumedMinor.default(true),
    arrivalDate: minorFields.arrivalDate.optional(),
    arrivalMode: minorFields.arrivalMode.optional(),
    region: minorFields.region.optional(),
    municipality: minorFields.municipality.optional(),
    receptionFacility: minorFields.receptionFacility.optional(),
    receptionType: minorFields.receptionType.optional(),
    legalStatus: minorFields.legalStatus.optional(),
    asylumApplicant: minorFields.asylumApplicant.default(false),
    traffickingIndicators: minorFields.traffickingIndicators.optional(),
    healthNotes: minorFields.healthNotes.optional(),
    vulnerabilities: minorFields.vulnerabilities.default([]),
    prosieguoUntil: minorFields.prosieguoUntil.optional(),
  }),
);
export type MinorInput = z.infer<typeof MinorInputSchema>;

// PATCH /api/cases/:caseId/minor: any subset of the fields; null clears an optional field. The
// age rules are checked by the server on the merged profile.
export const UpdateMinorSchema = z
  .strictObject(Object.fromEntries(MINOR_FIELDS.map((k) => [k, minorFields[k].optional()])) as { [K in MinorField]: z.ZodOptional<(typeof minorFields)[K]> })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one field', params: { code: 'empty_patch' } });
export type UpdateMinorInput = z.infer<typeof UpdateMinorSchema>;

export const MinorProfileSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  aliases: z.array(z.string()),
  sex: SexSchema,
  nationality: z.string(),
  languages: z.array(z.string()),
  dateOfBirth: IsoDateSchema.nullable(),
  dobBasis: MinorDobBasisSchema,
  ageAssessmentMin: z.number().int().nullable(),
  ageAssessmentMax: z.number().int().nullable(),
  dobIsDefaultJan1: z.boolean(),
  presumedMinor: z.boolean(),
  arrivalDate: IsoDateSchema.nullable(),
  arrivalMode: ArrivalModeSchema.nullable(),
  region: z.string().nullable(),
  municipality: z.string().nullable(),
  receptionFacility: z.string().nullable(),
  receptionType: ReceptionTypeSchema.nullable(),
  legalStatus: z.string().nullable(),
  asylumApplicant: z.boolean(),
  // Absent for court users (HIGH_RISK / SPECIAL, not needed for what is filed before the court).
  traffickingIndicators: z.string().nullable().optional(),
  healthNotes: z.string().nullable().optional(),
  vulnerabilities: z.array(z.string()),
  prosieguoUntil: IsoDateSchema.nullable(),
  version: z.number().int(),
});
export type MinorProfile = z.infer<typeof MinorProfileSchema>;

// Duplicate search: POST only, so names never appear in URLs or access logs.
export const MinorSearchRequestSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  dateOfBirth: IsoDateSchema.optional(),
  // The date given is the 1 January default: it is weak evidence, not an exact match.
  dobIsDefaultJan1: z.boolean().optional(),
  limit: z.number().int().min(1).max(20).default(10),
});
export type MinorSearchRequest = z.infer<typeof MinorSearchRequestSchema>;

export const MatchReasonCodeSchema = z.enum([
  // The transliteration keys of the names are similar (value: 0..1).
  'NAME_SIMILARITY',
  // The double-metaphone codes of the folded names are the same, in any order.
  'PHONETIC_KEY',
  // The match is on one of the minor's recorded aliases, not the primary name.
  'ALIAS',
  'DOB_EXACT',
  'DOB_WITHIN_ONE_YEAR',
  // One of the two dates is the 1 January default for the same or an adjacent year.
  'DOB_DEFAULT_JAN1',
  // More than two years apart: counts against the match.
  'DOB_DIFFERENT',
]);
export type MatchReasonCode = z.infer<typeof MatchReasonCodeSchema>;

export const MinorSearchCandidateSchema = z.object({
  minorId: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: IsoDateSchema.nullable(),
  dobIsDefaultJan1: z.boolean(),
  nationality: z.string(),
  score: z.number().min(0).max(1),
  reasons: z.array(z.object({ code: MatchReasonCodeSchema, value: z.number().optional() })),
  // Only the cases the caller can open; the others are counted, not named.
  cases: z.array(z.object({ id: IdSchema, caseNumber: z.string(), state: CaseStateSchema })),
  otherCases: z.number().int(),
});
export type MinorSearchCandidate = z.infer<typeof MinorSearchCandidateSchema>;

export const MinorSearchResponseSchema = z.object({ candidates: z.array(MinorSearchCandidateSchema) });
export type MinorSearchResponse = z.infer<typeof MinorSearchResponseSchema>;

// Directory lookups for the intake form (IOM staff): minimal fields only.
export const DirectoryOrganisationsQuerySchema = z.strictObject({ type: OrganisationTypeSchema.optional() });
export type DirectoryOrganisationsQuery = z.infer<typeof DirectoryOrganisationsQuerySchema>;
export const DirectoryOrganisationSchema = z.object({ id: IdSchema, name: z.string(), type: OrganisationTypeSchema });
export type DirectoryOrganisation = z.infer<typeof DirectoryOrganisationSchema>;
export const DirectoryOrganisationListSchema = z.object({ items: z.array(DirectoryOrganisationSchema) });

export const DirectoryUserRoleSchema = z.enum(['guardian', 'caseworker']);
export const DirectoryUsersQuerySchema = z.strictObject({ role: DirectoryUserRoleSchema });
export type DirectoryUsersQuery = z.infer<typeof DirectoryUsersQuerySchema>;
export const DirectoryUserSchema = z.object({ id: IdSchema, name: z.string(), role: DirectoryUserRoleSchema, organisationName: z.string() });
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;
export const DirectoryUserListSchema = z.object({ items: z.array(DirectoryUserSchema) });
