import { NON_LOCATION_STATES, reportSectionKeys, type CaseState, type ReportSections, type TracingReportKind, romeDay } from '@app/contracts';
import { CONTACT_CHANNEL_EN, CONTACT_CHANNEL_IT, OUTCOME_IT, formatDateIt } from './report-labels';

type Outcome = 'LOCATED' | 'NOT_LOCATED' | 'FAMILY_REFUSED' | 'UNSAFE_TO_PROCEED' | 'MINOR_WITHDREW_CONSENT' | null;


// Which report a case in REPORT_DRAFTING needs. The outcome the caseworker confirmed (the state the
// report was started from: ASSESSMENT_DONE, or NOT_LOCATED / UNSAFE / FAMILY_REFUSED) decides; the
// mission's recorded outcome is used when the history does not say (e.g. a legacy file). A family
// that was located but could not be visited safely therefore gets a non-location note.
export function reportKindFor(startedFrom: CaseState | null, outcome: Outcome): TracingReportKind | null {
  if (startedFrom === 'ASSESSMENT_DONE') return 'FAMILY_ASSESSMENT';
  if (startedFrom && NON_LOCATION_STATES.includes(startedFrom)) return 'NON_LOCATION_NOTE';
  if (outcome === 'LOCATED') return 'FAMILY_ASSESSMENT';
  if (outcome === 'NOT_LOCATED' || outcome === 'FAMILY_REFUSED' || outcome === 'UNSAFE_TO_PROCEED') return 'NON_LOCATION_NOTE';
  return null;
}

export interface DraftPrefill {
  originalLanguage: string;
  sectionsOriginal: ReportSections;
  sectionsIt: ReportSections;
  source: DraftSource;
}

// Frozen with the version (and covered by its content hash).
export interface DraftSource {
  familyAssessmentId: string | null;
  familyAssessmentVersion: number | null;
  translationCurrent: boolean | null;
  tracingRequestId: string | null;
  copiedFromVersionNo: number | null;
  interview: { date: string; mode: string; personsPresent: string[] } | null;
  outcome: string | null;
  // Part-2 reports: the records the text was pre-filled from (plan version, visit, decision…).
  records?: Record<string, unknown>;
}

export const EMPTY_SOURCE: DraftSource = {
  familyAssessmentId: null,
  familyAssessmentVersion: null,
  translationCurrent: null,
  tracingRequestId: null,
  copiedFromVersionNo: null,
  interview: null,
  outcome: null,
};

// Only the kind's sections, only text: whatever else the stored JSON holds is dropped.
export function pickSections(kind: TracingReportKind, value: unknown): ReportSections {
  const sections: ReportSections = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return sections;
  for (const key of reportSectionKeys(kind)) {
    const text = (value as Record<string, unknown>)[key];
    if (typeof text === 'string') sections[key] = text;
  }
  return sections;
}

export interface AssessmentForDraft {
  id: string;
  version: number;
  tracing_request_id: string;
  interview_date: string;
  interview_mode: string;
  persons_present: string;
  language_original: string;
  sections_original: unknown;
  sections_it: unknown;
  translated_from_version: number | null;
}

// A family-assessment report starts from the mission's assessment and Rome's translation.
export function prefillFromAssessment(assessment: AssessmentForDraft): DraftPrefill {
  const translated = assessment.sections_it !== null && assessment.sections_it !== undefined;
  return {
    originalLanguage: assessment.language_original,
    sectionsOriginal: pickSections('FAMILY_ASSESSMENT', assessment.sections_original),
    sectionsIt: pickSections('FAMILY_ASSESSMENT', assessment.sections_it),
    source: {
      ...EMPTY_SOURCE,
      familyAssessmentId: assessment.id,
      familyAssessmentVersion: assessment.version,
      // Older rows have no provenance column value: then the translation is taken as it is.
      translationCurrent: translated ? assessment.translated_from_version === null || assessment.translated_from_version === assessment.version : null,
      tracingRequestId: assessment.tracing_request_id,
      interview: {
        date: assessment.interview_date,
        mode: assessment.interview_mode,
        personsPresent: assessment.persons_present.split('\n').map((p) => p.trim()).filter(Boolean),
      },
      outcome: 'LOCATED',
    },
  };
}

export interface TracingForDraft {
  id: string;
  outcome: Outcome;
  outcome_notes: string | null;
  attempts: { attempted_at: Date; channel: string; result: string }[];
}

// The mission reports in English by default [design]; the caseworker can change it.
export const NON_LOCATION_ORIGINAL_LANGUAGE = 'English';

// A non-location note starts from the tracing request: the attempts made (dates and channels,
// with the mission's words), the outcome and its notes. Recommendations are IOM Rome's to write.
export function prefillNonLocation(tracing: TracingForDraft | null, startedFrom: CaseState | null): DraftPrefill {
  const attempts = tracing?.attempts ?? [];
  const line = (labels: Record<string, string>) => (a: TracingForDraft['attempts'][number]) =>
    `${romeDay(a.attempted_at)} – ${labels[a.channel] ?? a.channel}: ${a.result}`;
  const outcome = tracing?.outcome ?? (startedFrom === 'UNSAFE' ? 'UNSAFE_TO_PROCEED' : startedFrom === 'FAMILY_REFUSED' ? 'FAMILY_REFUSED' : startedFrom === 'NOT_LOCATED' ? 'NOT_LOCATED' : null);
  const italianAttempts = attempts.map((a) => `${formatDateIt(a.attempted_at)} – ${CONTACT_CHANNEL_IT[a.channel] ?? a.channel}: ${a.result}`);
  return {
    originalLanguage: NON_LOCATION_ORIGINAL_LANGUAGE,
    sectionsOriginal: {
      attemptsMade: attempts.map(line(CONTACT_CHANNEL_EN)).join('\n'),
      reason: tracing?.outcome_notes ?? '',
      recommendations: '',
    },
    sectionsIt: {
      attemptsMade: italianAttempts.join('\n'),
      reason: outcome ? (OUTCOME_IT[outcome] ?? '') : '',
      recommendations: '',
    },
    source: { ...EMPTY_SOURCE, tracingRequestId: tracing?.id ?? null, outcome },
  };
}
