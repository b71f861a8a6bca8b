import type { DocumentMeta, DocumentType } from '@app/contracts';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Executor } from '../database/db';
import { checkUploadContent, parseUploadFields, type PreparedUpload } from '../documents/upload-check';
import { DOCUMENT_COLUMNS, toDocument, type DocumentRow } from '../documents/documents.mapper';
import type { MultipartUpload } from '../documents/multipart';
import type { CaseChanges } from '../workflow/case-changes';

export type PreparedReturnUpload = PreparedUpload;

// Checks an upload made from the return endpoints (a court's decree, the mission's signed hand-over
// protocol) the way the documents module does: fields, content type by magic bytes, extension. The
// type defaults to the first allowed one and must be one of `allowed`.
export function prepareReturnUpload(upload: MultipartUpload, allowed: readonly DocumentType[]): PreparedReturnUpload {
  const fields = parseUploadFields(upload, { type: allowed[0] });
  if (!allowed.includes(fields.type)) {
    throw new AppError('VALIDATION_FAILED', 'This document type cannot be uploaded here', {
      fields: [{ path: 'type', code: 'not_allowed', message: `Allowed here: ${allowed.join(', ')}` }],
    });
  }
  if (fields.translationOf) {
    throw new AppError('VALIDATION_FAILED', 'Translations are uploaded from the case documents', { fields: [{ path: 'translationOf', code: 'not_allowed', message: 'Not here' }] });
  }
  return checkUploadContent(upload, fields);
}

// Stores the document (metadata and bytes) with its history row and audit event, in the caller's
// transaction (the case row already locked).
export async function storeReturnDocument(
  tx: Executor,
  changes: CaseChanges,
  user: AuthUser,
  caseId: string,
  upload: PreparedReturnUpload,
  now: Date,
  ip: string,
): Promise<DocumentMeta> {
  const inserted = await tx.query<{ id: string }[]>(
    `INSERT INTO documents (case_id, tracing_request_id, type, title, language, sensitivity, origin, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [caseId, upload.fields.type, upload.fields.title, upload.fields.language, upload.fields.sensitivity, upload.fields.origin, upload.fileName, upload.mediaType,
      upload.data.length, upload.sha256, user.id, now],
  );
  const documentId = inserted[0]!.id;
  await tx.query(`INSERT INTO document_contents (document_id, content) VALUES ($1, $2)`, [documentId, upload.data]);
  const detail = { documentId, type: upload.fields.type, mediaType: upload.mediaType, sizeBytes: upload.data.length, sha256: upload.sha256 };
  await changes.record(tx, { user, caseId, action: 'DOCUMENT_UPLOADED', entity: { type: 'document', id: documentId }, ip, at: now, detail, history: detail, recomputeTasks: false });
  const rows = await tx.query<DocumentRow[]>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN users u ON u.id = d.uploaded_by WHERE d.id = $1`, [documentId]);
  return toDocument(rows[0]!);
}
