import { missingReportSections, type PersonRef, type Report, type ReportDisclosure, type ReportKind, type ReportSections, type ReportVersion, type ReportVersionStatus } from '@app/contracts';
import type { DraftSource } from './report-drafting';

export interface ReportRow {
  id: string;
  case_id: string;
  kind: ReportKind;
  created_at: Date;
}

// A version row with the display names of the people on it (joined in VERSION_SELECT).
export interface VersionRow {
  id: string;
  report_id: string;
  version_no: number;
  status: ReportVersionStatus;
  original_language: string;
  sections_original: ReportSections;
  sections_it: ReportSections;
  source: Partial<DraftSource>;
  lock_version: number;
  drafted_by: string;
  drafted_by_name: string;
  created_at: Date;
  updated_at: Date;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: Date | null;
  qa_by: string | null;
  qa_by_name: string | null;
  qa_at: Date | null;
  qa_result: 'PASS' | 'RETURN' | null;
  qa_comment: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  content_sha256: string | null;
  released_by: string | null;
  released_by_name: string | null;
  released_at: Date | null;
}

export const VERSION_SELECT = `SELECT v.*, ud.display_name AS drafted_by_name, us.display_name AS submitted_by_name, uq.display_name AS qa_by_name,
    ua.display_name AS approved_by_name, ur.display_name AS released_by_name
  FROM report_versions v
  JOIN users ud ON ud.id = v.drafted_by
  LEFT JOIN users us ON us.id = v.submitted_by
  LEFT JOIN users uq ON uq.id = v.qa_by
  LEFT JOIN users ua ON ua.id = v.approved_by
  LEFT JOIN users ur ON ur.id = v.released_by`;

export interface DisclosureRow {
  id: string;
  report_version_id: string;
  recipient_organisation_id: string | null;
  recipient_user_id: string | null;
  recipient_name: string;
  purpose: string;
  legal_basis: string;
  family_consent_id: string | null;
  content_sha256: string;
  released_by: string;
  released_by_name: string;
  approved_by: string;
  approved_by_name: string;
  released_at: Date;
  acknowledged_at: Date | null;
}

export const DISCLOSURE_SELECT = `SELECT d.*, ur.display_name AS released_by_name, ua.display_name AS approved_by_name
  FROM report_disclosures d JOIN users ur ON ur.id = d.released_by JOIN users ua ON ua.id = d.approved_by`;

const person = (id: string | null, displayName: string | null): PersonRef | null => (id ? { id, displayName: displayName ?? '' } : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toDisclosure = (r: DisclosureRow): ReportDisclosure => ({
  id: r.id,
  recipientOrganisationId: r.recipient_organisation_id,
  recipientUserId: r.recipient_user_id,
  recipientName: r.recipient_name,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  familyConsentId: r.family_consent_id,
  contentSha256: r.content_sha256,
  releasedBy: { id: r.released_by, displayName: r.released_by_name },
  approvedBy: { id: r.approved_by, displayName: r.approved_by_name },
  releasedAt: r.released_at.toISOString(),
  acknowledgedAt: iso(r.acknowledged_at),
});

export function toReportVersion(kind: ReportKind, v: VersionRow, disclosures: DisclosureRow[]): ReportVersion {
  const source = v.source ?? {};
  const hasSource = Object.values(source).some((value) => value !== null && value !== undefined);
  return {
    id: v.id,
    versionNo: v.version_no,
    status: v.status,
    originalLanguage: v.original_language,
    sectionsOriginal: v.sections_original,
    sectionsIt: v.sections_it,
    lockVersion: v.lock_version,
    missingSections: missingReportSections(kind, v.sections_original, v.sections_it),
    prefilledFrom: hasSource
      ? {
          familyAssessmentId: source.familyAssessmentId ?? null,
          familyAssessmentVersion: source.familyAssessmentVersion ?? null,
          translationCurrent: source.translationCurrent ?? null,
          tracingRequestId: source.tracingRequestId ?? null,
          copiedFromVersionNo: source.copiedFromVersionNo ?? null,
        }
      : null,
    draftedBy: { id: v.drafted_by, displayName: v.drafted_by_name },
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
    submittedBy: person(v.submitted_by, v.submitted_by_name),
    submittedAt: iso(v.submitted_at),
    qa: v.qa_by && v.qa_at && v.qa_result ? { by: { id: v.qa_by, displayName: v.qa_by_name ?? '' }, at: v.qa_at.toISOString(), result: v.qa_result, comment: v.qa_comment } : null,
    approvedBy: person(v.approved_by, v.approved_by_name),
    approvedAt: iso(v.approved_at),
    contentSha256: v.content_sha256,
    releasedBy: person(v.released_by, v.released_by_name),
    releasedAt: iso(v.released_at),
    disclosures: disclosures.filter((d) => d.report_version_id === v.id).map(toDisclosure),
  };
}

// Versions newest first.
export function toReport(report: ReportRow, versions: VersionRow[], disclosures: DisclosureRow[]): Report {
  const mine = versions.filter((v) => v.report_id === report.id).sort((a, b) => b.version_no - a.version_no);
  const released = mine.filter((v) => v.status === 'RELEASED');
  return {
    id: report.id,
    caseId: report.case_id,
    kind: report.kind,
    createdAt: report.created_at.toISOString(),
    currentVersionNo: mine[0]?.version_no ?? 0,
    released: released.length > 0,
    latestReleasedVersionNo: released[0]?.version_no ?? null,
    versions: mine.map((v) => toReportVersion(report.kind, v, disclosures)),
  };
}
