import {
  CaseFileSchema,
  CaseTracingSchema,
  ContactAttemptSchema,
  FamilyAssessmentSchema,
  FamilyConsentSchema,
  TracingRequestDetailSchema,
  TracingRequestPageSchema,
  type CaseFile,
  type CaseTracing,
  type ContactAttempt,
  type CreateContactAttemptInput,
  type CreateFamilyConsentInput,
  type CreateTracingRequestInput,
  type FamilyAssessment,
  type FamilyConsent,
  type PutAssessmentTranslationInput,
  type PutFamilyAssessmentInput,
  type RecordTracingOutcomeInput,
  type TracingRequestDetail,
  type TracingRequestPage,
  type TracingStatus,
} from '@app/contracts';
import { api } from '@/lib/api-client';

const requestPath = (id: string) => `/tracing-requests/${encodeURIComponent(id)}`;
const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
const signalOption = (signal?: AbortSignal) => (signal ? { signal } : {});
// If-Match carries the version being replaced; absent when the record does not exist yet.
const ifMatch = (version: number | null) => (version === null ? {} : { headers: { 'If-Match': String(version) } });

// ---------------------------------------------------------------------------------------------
// The mission's side (field officers)

export type TracingListParams = { status?: TracingStatus | undefined; cursor?: string | undefined; limit: number };

export const fetchTracingRequests = (params: TracingListParams, signal?: AbortSignal): Promise<TracingRequestPage> =>
  api.get('/tracing-requests', TracingRequestPageSchema, { query: params, ...signalOption(signal) });

export const fetchTracingRequest = (id: string, signal?: AbortSignal): Promise<TracingRequestDetail> =>
  api.get(requestPath(id), TracingRequestDetailSchema, signalOption(signal));

export const createContactAttempt = (id: string, input: CreateContactAttemptInput): Promise<ContactAttempt> =>
  api.post(`${requestPath(id)}/contact-attempts`, input, ContactAttemptSchema);

export const createFamilyConsent = (id: string, input: CreateFamilyConsentInput): Promise<FamilyConsent> =>
  api.post(`${requestPath(id)}/family-consents`, input, FamilyConsentSchema);

export const recordOutcome = (id: string, input: RecordTracingOutcomeInput): Promise<TracingRequestDetail> =>
  api.post(`${requestPath(id)}/outcome`, input, TracingRequestDetailSchema);

export const putAssessment = (id: string, input: PutFamilyAssessmentInput, version: number | null): Promise<FamilyAssessment> =>
  api.put(`${requestPath(id)}/assessment`, input, FamilyAssessmentSchema, ifMatch(version));

// ---------------------------------------------------------------------------------------------
// IOM Rome's side (caseworkers, supervisors)

export const fetchCaseTracing = (caseId: string, signal?: AbortSignal): Promise<CaseTracing> =>
  api.get(`${casePath(caseId)}/tracing`, CaseTracingSchema, signalOption(signal));

// The family members to choose the targets from (staff only; the read is audited by the server).
export const fetchCaseFileForTracing = (caseId: string, signal?: AbortSignal): Promise<CaseFile> =>
  api.get(`${casePath(caseId)}/file`, CaseFileSchema, signalOption(signal));

export const createTracingRequest = (caseId: string, input: CreateTracingRequestInput): Promise<TracingRequestDetail> =>
  api.post(`${casePath(caseId)}/tracing-requests`, input, TracingRequestDetailSchema);

export const putTranslation = (caseId: string, input: PutAssessmentTranslationInput, version: number): Promise<FamilyAssessment> =>
  api.put(`${casePath(caseId)}/assessment/translation`, input, FamilyAssessmentSchema, ifMatch(version));
