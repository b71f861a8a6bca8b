import { DocumentListSchema, DocumentSchema, UPLOAD_FILE_FIELD, type DocumentList, type DocumentMeta, type UploadDocumentFields } from '@app/contracts';
import { api, apiUrl } from '@/lib/api-client';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

// Metadata only (the bytes are never part of a JSON answer). Staff only; reading is audited.
export const fetchCaseDocuments = (caseId: string, signal?: AbortSignal): Promise<DocumentList> =>
  api.get(`/cases/${encodeURIComponent(caseId)}/documents`, DocumentListSchema, signal ? { signal } : {});

// A plain link: the browser sends the session cookie and saves the attachment (audited).
export const documentContentUrl = (documentId: string): string => apiUrl(`/documents/${encodeURIComponent(documentId)}/content`);

export type UploadDocumentVariables = {
  file: File;
  fields: UploadDocumentFields;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

// multipart/form-data: the text fields, then one file in "file". The server checks the type by
// content (415) and the size (413).
export const uploadCaseDocument = (caseId: string, { file, fields, onProgress, signal }: UploadDocumentVariables): Promise<DocumentMeta> => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') body.append(name, String(value));
  }
  body.append(UPLOAD_FILE_FIELD, file, file.name);
  return uploadWithProgress(`/cases/${encodeURIComponent(caseId)}/documents`, body, DocumentSchema, {
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
};
