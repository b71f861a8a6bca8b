import {
  ASSESSMENT_SECTION_KEYS,
  type AssessmentSections,
  type ContactAttempt,
  type FamilyAssessment,
  type FamilyConsent,
  type TracingPacket,
  type TracingRequestDetail,
  type TracingRequestSummary,
  type TracingStatus,
  type TracingOutcome,
} from '@app/contracts';

// Column-to-field mapping, one function per view: what is not named here is not answered. The
// field officer's views differ from IOM Rome's in two ways: a cancelled request no longer shows its
// packet or field records, and the assessment comes without the Italian translation.

export type Audience = 'field' | 'staff';

export interface TracingRequestRow {
  id: string;
  case_id: string;
  mission_id: string;
  mission_name: string;
  target_country: string;
  status: TracingStatus;
  packet: TracingPacket;
  packet_sha256: string | null;
  sent_at: Date;
  due_at: Date;
  outcome: TracingOutcome | null;
  outcome_notes: string | null;
  outcome_recorded_at: Date | null;
  interview_mode: TracingRequestDetail['interviewMode'];
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
}

export interface TracingSummaryRow {
  id: string;
  case_id: string;
  status: TracingStatus;
  target_country: string;
  sent_at: Date;
  due_at: Date;
  outcome: TracingOutcome | null;
  cancelled_at: Date | null;
  minor_first_name: string | null;
  minor_last_name: string | null;
  target_member_count: number | null;
  contact_attempt_count: string;
}

export interface ContactAttemptRow {
  id: string;
  attempted_at: Date;
  channel: ContactAttempt['channel'];
  result: string;
  family_member_id: string | null;
  created_at: Date;
}

export interface FamilyConsentRow {
  id: string;
  family_member_id: string | null;
  tracing_request_id: string | null;
  scope: FamilyConsent['scope'];
  language: string;
  mediator_present: boolean;
  mediator_name: string | null;
  informed_by: string;
  given_at: Date;
  withdrawn_at: Date | null;
}

export interface AssessmentRow {
  id: string;
  case_id: string;
  tracing_request_id: string;
  interview_date: string;
  interview_mode: FamilyAssessment['interviewMode'];
  persons_present: string;
  language_original: string;
  sections_original: AssessmentSections;
  sections_it: AssessmentSections | null;
  written_by_name: string | null;
  translated_by_name: string | null;
  translated_at: Date | null;
  translated_from_version: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const isOpenStatus = (status: TracingStatus) => status === 'SENT' || status === 'IN_PROGRESS';
const overdue = (status: TracingStatus, dueAt: Date, now: Date) => isOpenStatus(status) && dueAt.getTime() < now.getTime();

// Only the known section keys, in their canonical order.
export const pickSections = (sections: AssessmentSections | null | undefined): AssessmentSections => {
  const out: AssessmentSections = {};
  for (const key of ASSESSMENT_SECTION_KEYS) {
    const value = sections?.[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
};

// Persons present are stored one per line (each entry is validated as a single line).
export const PERSONS_SEPARATOR = '\n';

export function toAssessment(row: AssessmentRow, audience: Audience): FamilyAssessment {
  const view: FamilyAssessment = {
    id: row.id,
    tracingRequestId: row.tracing_request_id,
    interviewDate: row.interview_date,
    interviewMode: row.interview_mode,
    personsPresent: row.persons_present.split(PERSONS_SEPARATOR).filter(Boolean),
    languageOriginal: row.language_original,
    sections: pickSections(row.sections_original),
    writtenBy: row.written_by_name,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (audience === 'staff') {
    view.translation = row.sections_it
      ? {
          sections: pickSections(row.sections_it),
          translatedBy: row.translated_by_name,
          translatedAt: row.translated_at?.toISOString() ?? null,
          current: row.translated_from_version === row.version,
        }
      : null;
  }
  return view;
}

export const toContactAttempt = (r: ContactAttemptRow): ContactAttempt => ({
  id: r.id,
  attemptedAt: r.attempted_at.toISOString(),
  channel: r.channel,
  result: r.result,
  familyMemberId: r.family_member_id,
  recordedAt: r.created_at.toISOString(),
});

export const toFamilyConsent = (r: FamilyConsentRow): FamilyConsent => ({
  id: r.id,
  familyMemberId: r.family_member_id,
  tracingRequestId: r.tracing_request_id,
  scope: r.scope,
  language: r.language,
  mediatorPresent: r.mediator_present,
  mediatorName: r.mediator_name,
  informedBy: r.informed_by,
  givenAt: r.given_at.toISOString(),
  withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
});

export interface RequestParts {
  attempts: ContactAttemptRow[];
  consents: FamilyConsentRow[];
  assessment: AssessmentRow | undefined;
}

export function toTracingRequestDetail(row: TracingRequestRow, parts: RequestParts, audience: Audience, now: Date): TracingRequestDetail {
  // A cancelled request tells the mission that it stopped and when, nothing else (domain.md §8
  // rules 4 and 8): no packet, no field records.
  const hidden = audience === 'field' && row.status === 'CANCELLED';
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    targetCountry: row.target_country.trim(),
    mission: { id: row.mission_id, name: row.mission_name },
    sentAt: row.sent_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: overdue(row.status, row.due_at, now),
    outcome: hidden ? null : row.outcome,
    outcomeNotes: hidden ? null : row.outcome_notes,
    outcomeRecordedAt: hidden ? null : (row.outcome_recorded_at?.toISOString() ?? null),
    interviewMode: hidden ? null : row.interview_mode,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    packetSha256: hidden ? null : row.packet_sha256,
    packet: hidden ? null : row.packet,
    contactAttempts: hidden ? [] : parts.attempts.map(toContactAttempt),
    familyConsents: hidden ? [] : parts.consents.map(toFamilyConsent),
    assessment: hidden || !parts.assessment ? null : toAssessment(parts.assessment, audience),
  };
}

export function toTracingSummary(row: TracingSummaryRow, now: Date): TracingRequestSummary {
  const cancelled = row.status === 'CANCELLED';
  const name = [row.minor_first_name, row.minor_last_name].filter(Boolean).join(' ');
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    targetCountry: row.target_country.trim(),
    sentAt: row.sent_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: overdue(row.status, row.due_at, now),
    outcome: cancelled ? null : row.outcome,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    minorDisplayName: cancelled || !name ? null : name,
    targetMemberCount: cancelled ? null : row.target_member_count,
    contactAttemptCount: cancelled ? 0 : Number(row.contact_attempt_count),
  };
}
