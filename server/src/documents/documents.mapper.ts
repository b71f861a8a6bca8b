import type { DocumentMeta } from '@app/contracts';

export interface DocumentRow {
  id: string;
  case_id: string;
  tracing_request_id: string | null;
  type: DocumentMeta['type'];
  title: string;
  language: string;
  sensitivity: DocumentMeta['sensitivity'];
  origin: DocumentMeta['origin'];
  translation_of: string | null;
  file_name: string;
  media_type: DocumentMeta['mediaType'];
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploader_name: string;
  uploaded_at: Date;
}

// Every column but the bytes (they live in document_contents).
export const DOCUMENT_COLUMNS = `d.id, d.case_id, d.tracing_request_id, d.type, d.title, d.language, d.sensitivity, d.origin, d.translation_of,
  d.file_name, d.media_type, d.size_bytes, d.sha256, d.uploaded_by, u.display_name AS uploader_name, d.uploaded_at`;

export const toDocument = (r: DocumentRow): DocumentMeta => ({
  id: r.id,
  caseId: r.case_id,
  tracingRequestId: r.tracing_request_id,
  type: r.type,
  title: r.title,
  language: r.language,
  sensitivity: r.sensitivity,
  origin: r.origin,
  translationOf: r.translation_of,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  uploadedBy: { id: r.uploaded_by, displayName: r.uploader_name },
  uploadedAt: r.uploaded_at.toISOString(),
});
