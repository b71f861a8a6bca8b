import { ASSESSMENT_SECTION_KEYS, NON_LOCATION_SECTION_KEYS, isReportDraftComplete, missingReportSections, type CaseState } from '@app/contracts';
import { pickSections, prefillFromAssessment, prefillNonLocation, reportKindFor, type AssessmentForDraft } from './report-drafting';

const assessment = (overrides: Partial<AssessmentForDraft> = {}): AssessmentForDraft => ({
  id: 'a1',
  version: 3,
  tracing_request_id: 't1',
  interview_date: '2026-09-20',
  interview_mode: 'HOME_VISIT',
  persons_present: 'Father\nMother\n',
  language_original: 'Arabic (Egyptian)',
  sections_original: { household: 'أسرة', housing: 'بيت', notASection: 'dropped', observations: 42 },
  sections_it: { household: 'Famiglia' },
  translated_from_version: 3,
  ...overrides,
});

describe('which report a case needs', () => {
  it.each<[CaseState | null, Parameters<typeof reportKindFor>[1], string | null]>([
    ['ASSESSMENT_DONE', 'LOCATED', 'FAMILY_ASSESSMENT'],
    ['NOT_LOCATED', 'NOT_LOCATED', 'NON_LOCATION_NOTE'],
    ['FAMILY_REFUSED', 'FAMILY_REFUSED', 'NON_LOCATION_NOTE'],
    // Located, but the caseworker confirmed that visiting was unsafe: a note, not an assessment.
    ['UNSAFE', 'LOCATED', 'NON_LOCATION_NOTE'],
    ['UNSAFE', null, 'NON_LOCATION_NOTE'],
    // Without a recorded start (a legacy file), the mission's outcome decides.
    [null, 'LOCATED', 'FAMILY_ASSESSMENT'],
    [null, 'UNSAFE_TO_PROCEED', 'NON_LOCATION_NOTE'],
    [null, 'MINOR_WITHDREW_CONSENT', null],
    [null, null, null],
  ])('started from %s with outcome %s → %s', (startedFrom, outcome, kind) => {
    expect(reportKindFor(startedFrom, outcome)).toBe(kind);
  });
});

describe('pre-filling a draft', () => {
  it('keeps only the kind’s sections, as text', () => {
    expect(pickSections('FAMILY_ASSESSMENT', { household: 'x', other: 'y', housing: 3 })).toEqual({ household: 'x' });
    expect(pickSections('NON_LOCATION_NOTE', null)).toEqual({});
    expect(pickSections('NON_LOCATION_NOTE', ['reason'])).toEqual({});
  });

  it('copies the assessment and its translation, with the interview and where it came from', () => {
    const prefill = prefillFromAssessment(assessment());
    expect(prefill).toEqual({
      originalLanguage: 'Arabic (Egyptian)',
      sectionsOriginal: { household: 'أسرة', housing: 'بيت' },
      sectionsIt: { household: 'Famiglia' },
      source: expect.objectContaining({
        familyAssessmentId: 'a1',
        familyAssessmentVersion: 3,
        translationCurrent: true,
        tracingRequestId: 't1',
        interview: { date: '2026-09-20', mode: 'HOME_VISIT', personsPresent: ['Father', 'Mother'] },
      }),
    });
  });

  it('flags a translation made before the original last changed, and a missing one', () => {
    expect(prefillFromAssessment(assessment({ translated_from_version: 2 })).source.translationCurrent).toBe(false);
    const untranslated = prefillFromAssessment(assessment({ sections_it: null }));
    expect(untranslated.source.translationCurrent).toBeNull();
    expect(untranslated.sectionsIt).toEqual({});
  });

  it('drafts a non-location note from the attempts and the outcome, leaving the recommendations to Rome', () => {
    const prefill = prefillNonLocation(
      {
        id: 't1',
        outcome: 'FAMILY_REFUSED',
        outcome_notes: 'The mother refused to talk to us.',
        attempts: [
          { attempted_at: new Date('2026-09-15T10:00:00Z'), channel: 'PHONE', result: 'No answer' },
          { attempted_at: new Date('2026-09-18T23:30:00Z'), channel: 'HOME_VISIT', result: 'Refused' },
        ],
      },
      'FAMILY_REFUSED',
    );
    // Both languages date the attempt by the unit's calendar: 23:30 UTC is already the 19th in Rome.
    expect(prefill.sectionsOriginal).toEqual({
      attemptsMade: '2026-09-15 – phone: No answer\n2026-09-19 – home visit: Refused',
      reason: 'The mother refused to talk to us.',
      recommendations: '',
    });
    // Dates in Rome's time zone.
    expect(prefill.sectionsIt).toEqual({
      attemptsMade: '15/09/2026 – telefono: No answer\n19/09/2026 – visita domiciliare: Refused',
      reason: 'La famiglia ha rifiutato il colloquio.',
      recommendations: '',
    });
    expect(prefill.source).toMatchObject({ tracingRequestId: 't1', outcome: 'FAMILY_REFUSED', familyAssessmentId: null });
  });

  it('drafts a note for an unsafe case without any tracing request', () => {
    const prefill = prefillNonLocation(null, 'UNSAFE');
    expect(prefill.sectionsIt.reason).toBe('Non è stato possibile procedere per motivi di sicurezza.');
    expect(prefill.source.outcome).toBe('UNSAFE_TO_PROCEED');
  });
});

describe('draft completeness', () => {
  const full = (keys: readonly string[], text = 'x') => Object.fromEntries(keys.map((k) => [k, text]));

  it('needs every section in the original and in Italian', () => {
    expect(isReportDraftComplete('FAMILY_ASSESSMENT', full(ASSESSMENT_SECTION_KEYS), full(ASSESSMENT_SECTION_KEYS))).toBe(true);
    const it = { ...full(ASSESSMENT_SECTION_KEYS), recommendations: '   ' };
    expect(isReportDraftComplete('FAMILY_ASSESSMENT', full(ASSESSMENT_SECTION_KEYS), it)).toBe(false);
    expect(missingReportSections('FAMILY_ASSESSMENT', { household: 'x' }, it)).toEqual({
      original: ASSESSMENT_SECTION_KEYS.filter((k) => k !== 'household'),
      it: ['recommendations'],
    });
    expect(isReportDraftComplete('NON_LOCATION_NOTE', full(NON_LOCATION_SECTION_KEYS), full(NON_LOCATION_SECTION_KEYS))).toBe(true);
  });

  it('never calls a kind without sections complete', () => {
    expect(isReportDraftComplete('MONITORING_REPORT', {}, {})).toBe(false);
  });
});
