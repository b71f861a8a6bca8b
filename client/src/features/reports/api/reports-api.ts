import {
  CaseReportsSchema,
  DirectoryOrganisationListSchema,
  DirectoryUserListSchema,
  ReportSchema,
  type CaseReports,
  type ReleaseReportInput,
  type Report,
  type ReportQaInput,
  type UpdateReportDraftInput,
} from '@app/contracts';
import { api, apiUrl } from '@/lib/api-client';

const reportPath = (reportId: string, action: string) => `/reports/${encodeURIComponent(reportId)}/${action}`;
// Every action names the version it acts on (If-Match: its lockVersion): a stale page gets 412.
const ifMatch = (lockVersion: number) => ({ headers: { 'If-Match': String(lockVersion) } });

// Staff only; reading is audited.
export const fetchCaseReports = (caseId: string, signal?: AbortSignal): Promise<CaseReports> =>
  api.get(`/cases/${encodeURIComponent(caseId)}/reports`, CaseReportsSchema, signal ? { signal } : {});

// The report the case needs now (pre-filled by the server), or a new version of an approved one.
export const startReport = (caseId: string): Promise<Report> =>
  api.post(`/cases/${encodeURIComponent(caseId)}/reports`, undefined, ReportSchema);

export const saveReportDraft = (reportId: string, lockVersion: number, input: UpdateReportDraftInput): Promise<Report> =>
  api.put(reportPath(reportId, 'draft'), input, ReportSchema, ifMatch(lockVersion));

export const submitReport = (reportId: string, lockVersion: number): Promise<Report> =>
  api.post(reportPath(reportId, 'submit'), undefined, ReportSchema, ifMatch(lockVersion));

export const reviewReport = (reportId: string, lockVersion: number, input: ReportQaInput): Promise<Report> =>
  api.post(reportPath(reportId, 'qa'), input, ReportSchema, ifMatch(lockVersion));

export const approveReport = (reportId: string, lockVersion: number): Promise<Report> =>
  api.post(reportPath(reportId, 'approve'), undefined, ReportSchema, ifMatch(lockVersion));

export const releaseReport = (reportId: string, lockVersion: number, input: ReleaseReportInput): Promise<Report> =>
  api.post(reportPath(reportId, 'release'), input, ReportSchema, ifMatch(lockVersion));

// A plain link: the browser sends the session cookie and saves the attachment.
export const reportPdfUrl = (reportId: string, versionNo: number, withOriginal = false): string =>
  apiUrl(reportPath(reportId, 'pdf'), { version: versionNo, original: withOriginal ? 'true' : undefined });

// Pick lists of the release form (IOM staff): organisations, and guardians as persons.
export const fetchDirectoryOrganisations = (signal?: AbortSignal) =>
  api.get('/directory/organisations', DirectoryOrganisationListSchema, signal ? { signal } : {});

export const fetchDirectoryGuardians = (signal?: AbortSignal) =>
  api.get('/directory/users', DirectoryUserListSchema, { query: { role: 'guardian' }, ...(signal ? { signal } : {}) });
