import { projectView, type AvailableTransition, type CaseDetail, type CaseSummary, type MinorProfile, type Role, type TimelineEntry } from '@app/contracts';
import type { CaseDetailRow, CaseListRow, CaseRow, TimelineRow, TimelineScope } from './cases.repository';
import { externalDetail } from './timeline.policy';

const minorSummary = (row: CaseRow) => ({
  id: row.minor_id,
  firstName: row.first_name,
  lastName: row.last_name,
  sex: row.sex,
  nationality: row.nationality.trim(),
  dateOfBirth: row.date_of_birth,
});

export const toCaseSummary = (row: CaseListRow): CaseSummary => ({
  id: row.id,
  caseNumber: row.case_number,
  state: row.state,
  priority: row.priority,
  minor: minorSummary(row),
  updatedAt: row.updated_at.toISOString(),
  assignedCaseworker: row.assigned_caseworker,
  requestingAuthority: row.requesting_authority,
  overdue: row.overdue,
});

export function toMinorProfile(row: CaseDetailRow, viewer: Role): MinorProfile {
  const profile: MinorProfile = {
    ...minorSummary(row),
    aliases: row.aliases,
    languages: row.languages,
    dobBasis: row.dob_basis,
    ageAssessmentMin: row.age_assessment_min,
    ageAssessmentMax: row.age_assessment_max,
    dobIsDefaultJan1: row.dob_is_default_jan1,
    presumedMinor: row.presumed_minor,
    arrivalDate: row.arrival_date,
    arrivalMode: row.arrival_mode,
    region: row.region,
    municipality: row.municipality,
    receptionFacility: row.reception_facility,
    receptionType: row.reception_type,
    legalStatus: row.legal_status,
    asylumApplicant: row.asylum_applicant,
    traffickingIndicators: row.trafficking_indicators,
    healthNotes: row.health_notes,
    vulnerabilities: row.vulnerabilities,
    prosieguoUntil: row.prosieguo_until,
    version: row.minor_version,
  };
  // The field wall (access-matrix.ts VIEW_FIELDS.caseDetailMinor): a court gets no health or
  // trafficking notes.
  return projectView('caseDetailMinor', viewer, profile);
}

// One projection per audience: IOM staff get the risk level and the internal notes; guardians,
// social services and courts never do (architecture brief §3, field wall).
export function toCaseDetail(row: CaseDetailRow, transitions: AvailableTransition[], viewer: Role): CaseDetail {
  const detail: CaseDetail = {
    ...toCaseSummary(row),
    version: row.version,
    channel: row.channel,
    requestDate: row.request_date,
    createdAt: row.created_at.toISOString(),
    minor: toMinorProfile(row, viewer),
    dgProtocolNo: row.dg_protocol_no,
    reopenCount: row.reopen_count,
    guardian: row.guardian,
    socialServices: row.social_services,
    riskLevel: row.risk_level,
    internalNotes: row.internal_notes,
    transitions,
  };
  // The field wall (access-matrix.ts VIEW_FIELDS.caseDetail): the risk level and internal notes
  // reach IOM staff only.
  return projectView('caseDetail', viewer, detail);
}

// scope null: an IOM staff viewer, who sees the entry as recorded.
export function toTimelineEntry(row: TimelineRow, scope: TimelineScope | null): TimelineEntry {
  const hideActor = scope !== null && row.actor_role === 'field_officer';
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    actor: row.actor_id && row.actor_name && row.actor_role && !hideActor ? { id: row.actor_id, name: row.actor_name, role: row.actor_role } : null,
    fromState: row.from_state,
    toState: row.to_state,
    reason: scope === null ? row.reason : null,
    detail: scope === null ? row.detail : externalDetail(row.kind, row.detail, scope),
  };
}
