import {
  AssistanceItemSchema,
  DocumentSchema,
  FieldReturnDetailSchema,
  FieldReturnListSchema,
  HandoverSchema,
  MonitoringVisitSchema,
  UPLOAD_FILE_FIELD,
  type AssistanceItem,
  type DocumentMeta,
  type EscalateConcernInput,
  type FieldReturnDetail,
  type FieldReturnList,
  type Handover,
  type MonitoringVisit,
  type RecordHandoverInput,
  type RecordMonitoringVisitInput,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import { api, apiUrl } from '@/lib/api-client';
import { patch } from '@/lib/api-patch';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

// The receiving mission's side of a return (/api/field/returns): never the staff's /cases routes.
const returnPath = (caseId: string, rest = '') => `/field/returns/${encodeURIComponent(caseId)}${rest}`;
const signalOption = (signal?: AbortSignal) => (signal ? { signal } : {});

export const fetchFieldReturns = (signal?: AbortSignal): Promise<FieldReturnList> => api.get('/field/returns', FieldReturnListSchema, signalOption(signal));

export const fetchFieldReturn = (caseId: string, signal?: AbortSignal): Promise<FieldReturnDetail> =>
  api.get(returnPath(caseId), FieldReturnDetailSchema, signalOption(signal));

export const recordFieldHandover = (caseId: string, input: RecordHandoverInput): Promise<Handover> =>
  api.post(returnPath(caseId, '/handover'), input, HandoverSchema);

export const recordFieldVisit = (caseId: string, visitId: string, input: RecordMonitoringVisitInput): Promise<MonitoringVisit> =>
  api.put(returnPath(caseId, `/monitoring-visits/${encodeURIComponent(visitId)}`), input, MonitoringVisitSchema);

export const escalateFieldConcern = (caseId: string, visitId: string, input: EscalateConcernInput): Promise<MonitoringVisit> =>
  api.post(returnPath(caseId, `/monitoring-visits/${encodeURIComponent(visitId)}/escalation`), input, MonitoringVisitSchema);

export const updateFieldItem = (caseId: string, itemId: string, input: UpdateAssistanceItemInput): Promise<AssistanceItem> =>
  patch(returnPath(caseId, `/assistance-items/${encodeURIComponent(itemId)}`), input, AssistanceItemSchema);

export type FieldUploadFields = { type: string; title: string; language: string };
export type FieldUploadOptions = { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal };

// The signed hand-over protocol, a monitoring report or a consent form (multipart, with progress).
export const uploadFieldDocument = (caseId: string, file: File, fields: FieldUploadFields, options: FieldUploadOptions = {}): Promise<DocumentMeta> => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append(UPLOAD_FILE_FIELD, file, file.name);
  return uploadWithProgress(returnPath(caseId, '/documents'), body, DocumentSchema, options);
};

// A plain link: the browser downloads the attachment with the session cookie (audited).
export const fieldDocumentUrl = (caseId: string, documentId: string): string => apiUrl(returnPath(caseId, `/documents/${encodeURIComponent(documentId)}`));
