import { CreateCaseSchema, MinorInputSchema, MinorSearchRequestSchema, UpdateMinorSchema, minorAgeIssues } from '@app/contracts';
import { formatCaseNumber } from '../cases/case-intake.service';
import { reasonsOf } from './minor-search.service';
import type { CandidateRow } from './minor-search.repository';

describe('minor age rules', () => {
  it('accepts a consistent profile', () => {
    expect(minorAgeIssues({ dateOfBirth: '2010-01-01', dobBasis: 'AGE_ASSESSMENT', ageAssessmentMin: 15, ageAssessmentMax: 17, dobIsDefaultJan1: true, prosieguoUntil: '2031-01-01' })).toEqual([]);
  });

  it.each([
    [{ dobBasis: 'AGE_ASSESSMENT' as const, ageAssessmentMin: 15 }, 'ageAssessmentMax', 'required'],
    [{ ageAssessmentMin: 17, ageAssessmentMax: 15 }, 'ageAssessmentMax', 'range_inverted'],
    [{ dateOfBirth: '2010-03-04', dobIsDefaultJan1: true }, 'dobIsDefaultJan1', 'not_january_first'],
    [{ dobIsDefaultJan1: true }, 'dobIsDefaultJan1', 'not_january_first'],
    [{ dateOfBirth: '2010-03-04', prosieguoUntil: '2031-03-05' }, 'prosieguoUntil', 'after_21st_birthday'],
  ])('refuses %j (%s: %s)', (facts, path, code) => {
    expect(minorAgeIssues(facts)).toEqual([expect.objectContaining({ path, code })]);
  });

  it('applies the rules in the intake schema, with defaults', () => {
    const parsed = MinorInputSchema.parse({ firstName: ' Lamin ', lastName: 'Jallow', sex: 'M', nationality: 'gm' });
    expect(parsed).toMatchObject({ firstName: 'Lamin', nationality: 'GM', aliases: [], dobBasis: 'DECLARED', presumedMinor: true, asylumApplicant: false });
    expect(MinorInputSchema.safeParse({ firstName: 'L', lastName: 'J', sex: 'M', nationality: 'GM', dobBasis: 'AGE_ASSESSMENT' }).success).toBe(false);
    expect(MinorInputSchema.safeParse({ firstName: 'L', lastName: 'J', sex: 'M', nationality: 'Gambia' }).success).toBe(false);
  });

  it('accepts partial edits but not an empty one or unknown fields', () => {
    expect(UpdateMinorSchema.parse({ municipality: null })).toEqual({ municipality: null });
    expect(UpdateMinorSchema.safeParse({}).success).toBe(false);
    expect(UpdateMinorSchema.safeParse({ firstName: null }).success).toBe(false);
    expect(UpdateMinorSchema.safeParse({ id: 'x' }).success).toBe(false);
  });

  it('wants either a new minor or an existing one at intake', () => {
    const base = { channel: 'DG_MLPS', requestingOrganisationId: '00000000-0000-4000-8000-000000000001', requestDate: '2026-10-01' };
    expect(CreateCaseSchema.safeParse(base).success).toBe(false);
    expect(CreateCaseSchema.safeParse({ ...base, existingMinorId: '00000000-0000-4000-8000-000000000002' }).success).toBe(true);
  });

  it('keeps names out of anything but the body of a search', () => {
    expect(MinorSearchRequestSchema.parse({ name: 'Lamin Jallow' })).toEqual({ name: 'Lamin Jallow', limit: 10 });
    expect(MinorSearchRequestSchema.safeParse({ name: 'L' }).success).toBe(false);
    expect(MinorSearchRequestSchema.safeParse({ name: 'Lamin', limit: 50 }).success).toBe(false);
  });
});

describe('case numbers', () => {
  it('follow the seed format: IF-<year of the request>-<4 digits>', () => {
    expect(formatCaseNumber('2026-10-01', '41')).toBe('IF-2026-0041');
    expect(formatCaseNumber('2027-01-03', 12345)).toBe('IF-2027-12345');
  });
});

describe('match reasons', () => {
  const candidate = (overrides: Partial<CandidateRow>): CandidateRow => ({
    minor_id: 'm', first_name: 'Lamin', last_name: 'Jallow', date_of_birth: '2010-01-01', dob_is_default_jan1: false, nationality: 'GM',
    key_sim: 1, norm_sim: 0.5, phon: false, is_alias: false, dob_match: null, score: 0.6, ...overrides,
  });

  it('explains the name similarity, the phonetic key, the alias and the date of birth', () => {
    expect(reasonsOf(candidate({}))).toEqual([{ code: 'NAME_SIMILARITY', value: 0.9 }]);
    expect(reasonsOf(candidate({ phon: true, is_alias: true, dob_match: 'EXACT' })).map((r) => r.code)).toEqual(['NAME_SIMILARITY', 'PHONETIC_KEY', 'ALIAS', 'DOB_EXACT']);
    expect(reasonsOf(candidate({ dob_match: 'DEFAULT_JAN1' })).map((r) => r.code)).toContain('DOB_DEFAULT_JAN1');
  });
});
