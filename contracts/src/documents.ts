import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';

// Documents (domain.md §3.15): metadata plus the bytes, both in PostgreSQL. The bytes are never
// part of a JSON answer; they are served by GET /api/documents/:documentId/content.

export const DOCUMENT_TYPES = [
  'IF_REPORT',
  'SOCIAL_SERVICES_REPORT',
  'COURT_DECREE',
  'CONSENT',
  'ID_DOC',
  'TRAVEL_DOC',
  'HANDOVER_PROTOCOL',
  'REINTEGRATION_PLAN',
  'MONITORING_REPORT',
  'CARTELLA_SOCIALE',
  'AGE_ASSESSMENT_REPORT',
  'CORRESPONDENCE',
  // The field officer's signed original of the family assessment (kept unedited, §2).
  'FAMILY_ASSESSMENT_ORIGINAL',
] as const;
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

export const DocumentSensitivitySchema = z.enum(['STD', 'SPECIAL', 'HIGH_RISK']);
export type DocumentSensitivity = z.infer<typeof DocumentSensitivitySchema>;
export const DocumentOriginSchema = z.enum(['RECEIVED', 'PRODUCED']);
export type DocumentOrigin = z.infer<typeof DocumentOriginSchema>;

// Accepted file types, detected by content (magic bytes), never by the declared type; the file
// name's extension must agree with the content.
export const DOCUMENT_MEDIA_TYPES = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
} as const satisfies Record<string, readonly string[]>;
export type DocumentMediaType = keyof typeof DOCUMENT_MEDIA_TYPES;
export const DocumentMediaTypeSchema = z.enum(Object.keys(DOCUMENT_MEDIA_TYPES) as [DocumentMediaType, ...DocumentMediaType[]]);
// For <input accept="…">.
export const DOCUMENT_ACCEPT = Object.entries(DOCUMENT_MEDIA_TYPES)
  .flatMap(([type, extensions]) => [type, ...extensions.map((e) => `.${e}`)])
  .join(',');

// The multipart upload: one part named "file" plus these text fields. Limits: one file, the size
// set by MAX_UPLOAD_MB (413 PAYLOAD_TOO_LARGE above it).
export const UploadDocumentFieldsSchema = z.strictObject({
  type: DocumentTypeSchema,
  title: z.string().trim().min(2).max(200),
  language: z.string().trim().min(2).max(40),
  sensitivity: DocumentSensitivitySchema.default('STD'),
  origin: DocumentOriginSchema.default('RECEIVED'),
  // The original this document translates (same case).
  translationOf: IdSchema.optional(),
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFieldsSchema>;
export const UPLOAD_FILE_FIELD = 'file';

export const DocumentSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  tracingRequestId: IdSchema.nullable(),
  type: DocumentTypeSchema,
  title: z.string(),
  language: z.string(),
  sensitivity: DocumentSensitivitySchema,
  origin: DocumentOriginSchema,
  translationOf: IdSchema.nullable(),
  fileName: z.string(),
  mediaType: DocumentMediaTypeSchema,
  sizeBytes: z.number().int(),
  // Hex sha-256 of the stored bytes, computed by the server (also the download's ETag).
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: z.object({ id: IdSchema, displayName: z.string() }),
  uploadedAt: IsoDateTimeSchema,
});
export type DocumentMeta = z.infer<typeof DocumentSchema>;

export const DocumentListSchema = z.object({ items: z.array(DocumentSchema) });
export type DocumentList = z.infer<typeof DocumentListSchema>;
