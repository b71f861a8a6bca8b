import type { MinorField } from '@app/contracts';

// Contract field → minors column. Dates are read back as 'YYYY-MM-DD' text.
export const MINOR_COLUMNS: Record<MinorField, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  aliases: 'aliases',
  sex: 'sex',
  nationality: 'nationality',
  languages: 'languages',
  dateOfBirth: 'date_of_birth',
  dobBasis: 'dob_basis',
  ageAssessmentMin: 'age_assessment_min',
  ageAssessmentMax: 'age_assessment_max',
  dobIsDefaultJan1: 'dob_is_default_jan1',
  presumedMinor: 'presumed_minor',
  arrivalDate: 'arrival_date',
  arrivalMode: 'arrival_mode',
  region: 'region',
  municipality: 'municipality',
  receptionFacility: 'reception_facility',
  receptionType: 'reception_type',
  legalStatus: 'legal_status',
  asylumApplicant: 'asylum_applicant',
  traffickingIndicators: 'trafficking_indicators',
  healthNotes: 'health_notes',
  vulnerabilities: 'vulnerabilities',
  prosieguoUntil: 'prosieguo_until',
};

const DATE_FIELDS = new Set<MinorField>(['dateOfBirth', 'arrivalDate', 'prosieguoUntil']);

// SELECT list giving every minor field under its contract name.
export const MINOR_SELECT = (Object.entries(MINOR_COLUMNS) as [MinorField, string][])
  .map(([field, column]) => (DATE_FIELDS.has(field) ? `to_char(${column}, 'YYYY-MM-DD') AS "${field}"` : column === 'nationality' ? `btrim(nationality) AS "${field}"` : `${column} AS "${field}"`))
  .join(', ');

// Values compare equal when they would store the same (arrays by content).
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
