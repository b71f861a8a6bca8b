import {
  CourtFileSchema,
  DocumentSchema,
  MinorViewSchema,
  PortalCaseSchema,
  PortalConsentSchema,
  PortalTracingRequestResultSchema,
  ProsieguoRequestSchema,
  UPLOAD_FILE_FIELD,
  type CourtFile,
  type CreateGuardianConsentInput,
  type CreateMinorViewInput,
  type CreateProsieguoRequestInput,
  type DocumentMeta,
  type MinorView,
  type PortalCase,
  type PortalConsent,
  type PortalTracingRequestInput,
  type PortalTracingRequestResult,
  type ProsieguoRequest,
} from '@app/contracts';
import { api } from '@/lib/api-client';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

const casePath = (caseId: string, rest = '') => `/cases/${encodeURIComponent(caseId)}${rest}`;

// The portal's case page: state, court dates, released reports, the user's documents, consents,
// requests and the minor's views, as the server allows for the role (reading is audited).
export const fetchPortalCase = (caseId: string, signal?: AbortSignal): Promise<PortalCase> =>
  api.get(`/portal/cases/${encodeURIComponent(caseId)}`, PortalCaseSchema, signal ? { signal } : {});

// --- Guardian

export const giveGuardianConsent = (caseId: string, input: CreateGuardianConsentInput): Promise<PortalConsent> =>
  api.post(casePath(caseId, '/guardian-consents'), input, PortalConsentSchema);

export const withdrawGuardianConsent = (caseId: string, consentId: string, reason: string): Promise<PortalConsent> =>
  api.post(casePath(caseId, `/guardian-consents/${encodeURIComponent(consentId)}/withdraw`), { reason }, PortalConsentSchema);

export const recordMinorView = (caseId: string, input: CreateMinorViewInput): Promise<MinorView> =>
  api.post(casePath(caseId, '/minor-views'), input, MinorViewSchema);

// --- Social services

export const submitPortalTracingRequest = (input: PortalTracingRequestInput): Promise<PortalTracingRequestResult> =>
  api.post('/portal/tracing-requests', input, PortalTracingRequestResultSchema);

export const requestProsieguo = (caseId: string, input: CreateProsieguoRequestInput): Promise<ProsieguoRequest> =>
  api.post(casePath(caseId, '/prosieguo-requests'), input, ProsieguoRequestSchema);

// --- Juvenile court (its own court's proceedings only)

export const fetchCourtFile = (caseId: string, signal?: AbortSignal): Promise<CourtFile> =>
  api.get(casePath(caseId, '/court'), CourtFileSchema, signal ? { signal } : {});

// --- Uploads (multipart with progress): a guardian's or an office's document, a court's decree

export type PortalUploadVariables = {
  file: File;
  fields: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

const upload = (path: string, { file, fields, onProgress, signal }: PortalUploadVariables): Promise<DocumentMeta> => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== '') body.append(name, value);
  body.append(UPLOAD_FILE_FIELD, file, file.name);
  return uploadWithProgress(path, body, DocumentSchema, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
};

export const uploadCaseDocument = (caseId: string, variables: PortalUploadVariables): Promise<DocumentMeta> => upload(casePath(caseId, '/documents'), variables);

export const uploadDecree = (caseId: string, variables: PortalUploadVariables): Promise<DocumentMeta> => upload(casePath(caseId, '/court/decrees'), variables);
