import { createHash } from 'node:crypto';
import { UploadDocumentFieldsSchema, type DocumentMediaType, type UploadDocumentFields } from '@app/contracts';
import { AppError } from '../common/app-error';
import { parseOrThrow } from '../common/validation';
import { sanitizeFileName } from './file-name';
import { detectMediaType, extensionMatches } from './file-type';
import type { MultipartUpload } from './multipart';

// An upload checked before anything touches the database: the one check of every document
// route (the case's documents, a court's decree, the mission's hand-over protocol), so a security
// fix is made once.
export interface PreparedUpload {
  fields: UploadDocumentFields;
  data: Buffer;
  fileName: string;
  mediaType: DocumentMediaType;
  sha256: string;
}

// The form's fields; an empty field is an absent one (a browser sends every input of the form).
export function parseUploadFields(upload: MultipartUpload, defaults: Partial<Record<string, string>> = {}): UploadDocumentFields {
  const present = Object.fromEntries(Object.entries(upload.fields).filter(([, value]) => value.trim() !== ''));
  return parseOrThrow(UploadDocumentFieldsSchema, { ...defaults, ...present }, 'body');
}

// The content type by its magic bytes (never the declared one), the extension against it, a safe
// file name and the SHA-256 of the bytes.
export function checkUploadContent(upload: MultipartUpload, fields: UploadDocumentFields): PreparedUpload {
  const mediaType = detectMediaType(upload.file.data);
  if (!mediaType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not a PDF, PNG, JPEG, DOCX or ODT document', { fields: [{ path: 'file', code: 'unsupported_type', message: 'Unsupported file type' }] });
  }
  if (!extensionMatches(upload.file.fileName, mediaType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file name’s extension does not match its content', {
      fields: [{ path: 'file', code: 'extension_mismatch', message: `The content is ${mediaType}` }],
    });
  }
  return {
    fields,
    data: upload.file.data,
    fileName: sanitizeFileName(upload.file.fileName, mediaType),
    mediaType,
    sha256: createHash('sha256').update(upload.file.data).digest('hex'),
  };
}
