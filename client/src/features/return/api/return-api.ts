import {
  AssistanceItemSchema,
  ConsentSchema,
  CounsellingSessionSchema,
  CourtAccessGrantSchema,
  CourtAccessListSchema,
  CourtDecisionSchema,
  CourtFileSchema,
  CourtHearingSchema,
  CourtProceedingSchema,
  DocumentSchema,
  DurableSolutionSchema,
  HandoverSchema,
  MonitoringVisitSchema,
  PortalCaseSchema,
  ReintegrationPlanSchema,
  ReportSchema,
  ReturnFileSchema,
  TravelPlanSchema,
  UPLOAD_FILE_FIELD,
  type AddMonitoringVisitInput,
  type AssistanceItem,
  type Consent,
  type CourtAccessGrant,
  type CourtAccessList,
  type GrantCourtAccessInput,
  type CounsellingSession,
  type CourtDecision,
  type CourtFile,
  type CourtHearing,
  type CourtProceeding,
  type CreateAssistanceItemInput,
  type CreateCounsellingSessionInput,
  type CreateCourtProceedingInput,
  type CreateReintegrationObjectiveInput,
  type DocumentMeta,
  type DurableSolution,
  type EscalateConcernInput,
  type GuardianAvrConsentInput,
  type Handover,
  type MonitoringVisit,
  type PortalCase,
  type PutReintegrationPlanInput,
  type PutTravelPlanInput,
  type RecordAvrRequestInput,
  type RecordCourtDecisionInput,
  type RecordDurableSolutionInput,
  type RecordHandoverInput,
  type RecordHearingInput,
  type RecordMonitoringVisitInput,
  type RecordProsieguoInput,
  type ReintegrationPlan,
  type Report,
  type ResolveConcernInput,
  type ReturnFile,
  type ScheduleHearingInput,
  type StartReturnReportInput,
  type TravelPlan,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import { api } from '@/lib/api-client';
import { patch } from '@/lib/api-patch';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

const casePath = (caseId: string, rest: string) => `/cases/${encodeURIComponent(caseId)}/${rest}`;
const id = encodeURIComponent;
// The version being replaced (If-Match); none when the record is written for the first time.
const ifMatch = (version: number | null | undefined) => (version === null || version === undefined ? {} : { headers: { 'If-Match': String(version) } });
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

// ---------------------------------------------------------------------------------------------
// Reading

// IOM staff: the whole return file (reading is audited).
export const fetchReturnFile = (caseId: string, signal?: AbortSignal): Promise<ReturnFile> => api.get(casePath(caseId, 'return'), ReturnFileSchema, withSignal(signal));

// Staff and the court (a court user: their own court's proceedings).
export const fetchCourtFile = (caseId: string, signal?: AbortSignal): Promise<CourtFile> => api.get(casePath(caseId, 'court'), CourtFileSchema, withSignal(signal));

// Guardian (and social services, court): the portal's view of the case, with the consents.
export const fetchPortalCase = (caseId: string, signal?: AbortSignal): Promise<PortalCase> =>
  api.get(`/portal/cases/${id(caseId)}`, PortalCaseSchema, withSignal(signal));

// ---------------------------------------------------------------------------------------------
// Request, consent, counselling

export const recordAvrRequest = (caseId: string, input: RecordAvrRequestInput): Promise<Consent> => api.post(casePath(caseId, 'avr/request'), input, ConsentSchema);

// The guardian, from their own account.
export const giveGuardianAvrConsent = (caseId: string, input: GuardianAvrConsentInput): Promise<Consent> =>
  api.post(casePath(caseId, 'avr/guardian-consent'), input, ConsentSchema);

export const addCounsellingSession = (caseId: string, input: CreateCounsellingSessionInput): Promise<CounsellingSession> =>
  api.post(casePath(caseId, 'avr/counselling-sessions'), input, CounsellingSessionSchema);

// ---------------------------------------------------------------------------------------------
// Reintegration plan

export const putReintegrationPlan = (caseId: string, input: PutReintegrationPlanInput, version: number | null): Promise<ReintegrationPlan> =>
  api.put(casePath(caseId, 'reintegration-plan'), input, ReintegrationPlanSchema, ifMatch(version));

export const addObjective = (caseId: string, input: CreateReintegrationObjectiveInput): Promise<ReintegrationPlan> =>
  api.post(casePath(caseId, 'reintegration-plan/objectives'), input, ReintegrationPlanSchema);

export const addAssistanceItem = (caseId: string, input: CreateAssistanceItemInput): Promise<ReintegrationPlan> =>
  api.post(casePath(caseId, 'reintegration-plan/assistance-items'), input, ReintegrationPlanSchema);

export const updateAssistanceItem = (caseId: string, itemId: string, input: UpdateAssistanceItemInput): Promise<AssistanceItem> =>
  patch(casePath(caseId, `reintegration-plan/assistance-items/${id(itemId)}`), input, AssistanceItemSchema);

// ---------------------------------------------------------------------------------------------
// The juvenile court

export const createCourtProceeding = (caseId: string, input: CreateCourtProceedingInput): Promise<CourtProceeding> =>
  api.post(casePath(caseId, 'court/proceedings'), input, CourtProceedingSchema);

export const scheduleHearing = (caseId: string, proceedingId: string, input: ScheduleHearingInput): Promise<CourtHearing> =>
  api.post(casePath(caseId, `court/proceedings/${id(proceedingId)}/hearings`), input, CourtHearingSchema);

export const recordHearing = (caseId: string, hearingId: string, input: RecordHearingInput): Promise<CourtHearing> =>
  api.put(casePath(caseId, `court/hearings/${id(hearingId)}`), input, CourtHearingSchema);

export const recordCourtDecision = (caseId: string, proceedingId: string, input: RecordCourtDecisionInput): Promise<CourtDecision> =>
  api.post(casePath(caseId, `court/proceedings/${id(proceedingId)}/decision`), input, CourtDecisionSchema);

export const attachDecree = (caseId: string, decisionId: string, decreeDocumentId: string): Promise<CourtDecision> =>
  api.put(casePath(caseId, `court/decisions/${id(decisionId)}/decree`), { decreeDocumentId }, CourtDecisionSchema);

export const recordProsieguo = (caseId: string, input: RecordProsieguoInput): Promise<CourtDecision> => api.post(casePath(caseId, 'court/prosieguo'), input, CourtDecisionSchema);

// The court's time-limited access to the case (issue 5's court grants): staff read it, a supervisor
// gives and revokes it.
export const fetchCourtAccess = (caseId: string, signal?: AbortSignal): Promise<CourtAccessList> =>
  api.get(casePath(caseId, 'court-access'), CourtAccessListSchema, withSignal(signal));

export const grantCourtAccess = (caseId: string, input: GrantCourtAccessInput): Promise<CourtAccessGrant> =>
  api.post(casePath(caseId, 'court-access'), input, CourtAccessGrantSchema);

export const revokeCourtAccess = (caseId: string, grantId: string): Promise<CourtAccessGrant> =>
  api.post(casePath(caseId, `court-access/${id(grantId)}/revoke`), undefined, CourtAccessGrantSchema);

// ---------------------------------------------------------------------------------------------
// Travel, hand-over, monitoring, durable solution, reports

export const putTravelPlan = (caseId: string, input: PutTravelPlanInput, version: number | null): Promise<TravelPlan> =>
  api.put(casePath(caseId, 'avr/travel-plan'), input, TravelPlanSchema, ifMatch(version));

export const recordHandover = (caseId: string, input: RecordHandoverInput): Promise<Handover> => api.post(casePath(caseId, 'avr/handover'), input, HandoverSchema);

export const addMonitoringVisit = (caseId: string, input: AddMonitoringVisitInput): Promise<MonitoringVisit> =>
  api.post(casePath(caseId, 'monitoring/visits'), input, MonitoringVisitSchema);

export const recordMonitoringVisit = (caseId: string, visitId: string, input: RecordMonitoringVisitInput): Promise<MonitoringVisit> =>
  api.put(casePath(caseId, `monitoring/visits/${id(visitId)}`), input, MonitoringVisitSchema);

export const cancelMonitoringVisit = (caseId: string, visitId: string, reason: string): Promise<MonitoringVisit> =>
  api.post(casePath(caseId, `monitoring/visits/${id(visitId)}/cancel`), { reason }, MonitoringVisitSchema);

export const escalateConcern = (caseId: string, visitId: string, input: EscalateConcernInput): Promise<MonitoringVisit> =>
  api.post(casePath(caseId, `monitoring/visits/${id(visitId)}/escalation`), input, MonitoringVisitSchema);

// Supervisor.
export const resolveConcern = (caseId: string, visitId: string, input: ResolveConcernInput): Promise<MonitoringVisit> =>
  api.post(casePath(caseId, `monitoring/visits/${id(visitId)}/escalation/resolve`), input, MonitoringVisitSchema);

export const recordDurableSolution = (caseId: string, input: RecordDurableSolutionInput): Promise<DurableSolution> =>
  api.post(casePath(caseId, 'durable-solution'), input, DurableSolutionSchema);

// A part-2 report (or its next version), pre-filled from the records; then the /reports/:id actions.
export const startReturnReport = (caseId: string, input: StartReturnReportInput): Promise<Report> => api.post(casePath(caseId, 'return-reports'), input, ReportSchema);

// ---------------------------------------------------------------------------------------------
// Documents the return steps name: a decree (court route, type COURT_DECREE) or a case document.

export type UploadFields = { type: string; title: string; language: string };
export type UploadTarget = 'decree' | 'document';

export const uploadReturnDocument = (
  caseId: string,
  target: UploadTarget,
  file: File,
  fields: UploadFields,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<DocumentMeta> => {
  const body = new FormData();
  body.append('type', fields.type);
  body.append('title', fields.title);
  body.append('language', fields.language);
  body.append(UPLOAD_FILE_FIELD, file, file.name);
  return uploadWithProgress(casePath(caseId, target === 'decree' ? 'court/decrees' : 'documents'), body, DocumentSchema, options);
};
