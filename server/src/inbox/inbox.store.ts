import type { DisclosureReceipt, InboxItem, ReportKind } from '@app/contracts';

// A disclosure-register row with what the inbox and the receipts show: the report version, the
// case, the first download by the recipient (read receipt, from the audit trail: the PDF route
// writes REPORT_DOWNLOADED naming the disclosure) and the acknowledgement.
export interface DisclosureViewRow {
  id: string;
  report_id: string;
  kind: ReportKind;
  version_no: number;
  content_sha256: string;
  case_id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  recipient_name: string;
  recipient_organisation_id: string | null;
  recipient_user_id: string | null;
  purpose: string;
  legal_basis: string;
  released_at: Date;
  released_by: string;
  released_by_name: string;
  read_at: Date | null;
  read_by: string | null;
  read_by_name: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
}

export const DISCLOSURE_VIEW_SELECT = `
  SELECT d.id, v.report_id, r.kind, v.version_no, d.content_sha256, d.case_id, c.case_number, m.first_name, m.last_name,
         d.recipient_name, d.recipient_organisation_id, d.recipient_user_id, d.purpose, d.legal_basis, d.released_at,
         d.released_by, urel.display_name AS released_by_name,
         rd.at AS read_at, rd.actor_id AS read_by, uread.display_name AS read_by_name,
         d.acknowledged_at, d.acknowledged_by, uack.display_name AS acknowledged_by_name
    FROM report_disclosures d
    JOIN report_versions v ON v.id = d.report_version_id
    JOIN reports r ON r.id = v.report_id
    JOIN cases c ON c.id = d.case_id
    JOIN minors m ON m.id = c.minor_id
    JOIN users urel ON urel.id = d.released_by
    LEFT JOIN LATERAL (
      SELECT e.at, e.actor_id FROM audit_event e
       WHERE e.action = 'REPORT_DOWNLOADED' AND e.detail->>'disclosureId' = d.id::text
       ORDER BY e.seq LIMIT 1) rd ON true
    LEFT JOIN users uread ON uread.id = rd.actor_id
    LEFT JOIN users uack ON uack.id = d.acknowledged_by`;

// The disclosures addressed to the caller: to them as a person, or to their organisation as a
// whole (a row naming a person of the organisation is that person's only).
export const addressedTo = (userParam: number, orgParam: number, alias = 'd') =>
  `(${alias}.recipient_user_id = $${userParam}::uuid OR (${alias}.recipient_user_id IS NULL AND ${alias}.recipient_organisation_id = $${orgParam}::uuid))`;

const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

export const pdfUrl = (reportId: string, versionNo: number) => `/api/reports/${reportId}/pdf?version=${versionNo}`;

export const toInboxItem = (r: DisclosureViewRow): InboxItem => ({
  id: r.id,
  report: { id: r.report_id, kind: r.kind, versionNo: r.version_no, contentSha256: r.content_sha256 },
  case: { id: r.case_id, caseNumber: r.case_number, minorName: `${r.first_name} ${r.last_name}`.trim() },
  recipientName: r.recipient_name,
  personal: r.recipient_user_id !== null,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  releasedAt: r.released_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
  readBy: person(r.read_by, r.read_by_name),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: person(r.acknowledged_by, r.acknowledged_by_name),
  pdfUrl: pdfUrl(r.report_id, r.version_no),
});

export const toReceipt = (r: DisclosureViewRow): DisclosureReceipt => ({
  id: r.id,
  report: { id: r.report_id, kind: r.kind, versionNo: r.version_no },
  recipientName: r.recipient_name,
  recipientOrganisationId: r.recipient_organisation_id,
  recipientUserId: r.recipient_user_id,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  releasedAt: r.released_at.toISOString(),
  releasedBy: { id: r.released_by, displayName: r.released_by_name },
  readAt: r.read_at?.toISOString() ?? null,
  readBy: person(r.read_by, r.read_by_name),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: person(r.acknowledged_by, r.acknowledged_by_name),
});
