import { EDITABLE_REPORT_STATUSES, IOM_STAFF_ROLES, type Role, type ReportVersionStatus } from '@app/contracts';

// UI-only policies mirroring ReportsController / ReportsService: they decide what to show, the
// server decides what to answer.
export const canWorkOnReports = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);
// Quality review is a caseworker's check; the supervisor approves afterwards.
export const canPassReview = (role: Role): boolean => role === 'caseworker';
// Sending a version back to drafting: the reviewing caseworker, or the supervisor instead of approving.
export const canReturnReport = (role: Role): boolean => canWorkOnReports(role);
export const canApproveReport = (role: Role): boolean => role === 'supervisor';
export const canReleaseReport = (role: Role): boolean => canWorkOnReports(role);

export const isEditableStatus = (status: ReportVersionStatus): boolean => EDITABLE_REPORT_STATUSES.includes(status);
// Approved and released versions never change: a correction is a new version.
export const isFrozenStatus = (status: ReportVersionStatus): boolean => status === 'APPROVED' || status === 'RELEASED' || status === 'SUPERSEDED';

// Organisations a report may be released to as a whole (mirrors the server's list: social
// services, juvenile courts, the ministry). A guardian is always named as a person.
export const RECIPIENT_ORGANISATION_TYPES = ['SOCIAL_SERVICES', 'JUVENILE_COURT', 'MINISTRY'] as const;
