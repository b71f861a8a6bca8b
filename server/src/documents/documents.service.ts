import { Injectable } from '@nestjs/common';
import { isClosedState, type CaseState, type DocumentList, type DocumentMediaType, type DocumentMeta } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository, visibleCasePredicate } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { UPLOADER_ORGANISATION_COLUMNS, UPLOADER_ORGANISATION_JOIN, externalDocumentPredicate, externalUploadTypes, maskFieldOfficerUploader } from './document-access';
import { contentDisposition } from './file-name';
import { DOCUMENT_COLUMNS, toDocument, type DocumentRow } from './documents.mapper';
import type { MultipartUpload } from './multipart';
import { checkUploadContent, parseUploadFields, type PreparedUpload } from './upload-check';
import { CaseChanges } from '../workflow/case-changes';

interface TracingRequestRow {
  id: string;
  case_id: string;
  status: string;
  case_state: CaseState;
}

export interface DocumentDownload {
  content: Buffer;
  mediaType: DocumentMediaType;
  sha256: string;
  disposition: string;
}

// Staff (caseworker, supervisor) reach documents through the case's visibility. A field officer
// reaches only the documents uploaded by their own mission to their mission's tracing requests,
// and only while the request is not cancelled (consent withdrawal ends field access).
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  // Fields, content type and name are checked before anything touches the database.
  private prepare(upload: MultipartUpload): PreparedUpload {
    return checkUploadContent(upload, parseUploadFields(upload));
  }

  private async insert(tx: Executor, user: AuthUser, caseId: string, tracingRequestId: string | null, upload: PreparedUpload, ip: string): Promise<DocumentMeta> {
    const now = this.clock.now();
    if (upload.fields.translationOf) {
      const params: unknown[] = [upload.fields.translationOf, caseId];
      // A field officer can only point at a document they could open themselves.
      const scope = tracingRequestId ? ` AND d.tracing_request_id = $3` : '';
      if (tracingRequestId) params.push(tracingRequestId);
      const original = await tx.query<unknown[]>(`SELECT 1 FROM documents d WHERE d.id = $1 AND d.case_id = $2${scope}`, params);
      if (!original.length) {
        throw new AppError('VALIDATION_FAILED', 'Unknown original document', { fields: [{ path: 'translationOf', code: 'not_found', message: 'Not a document of this case' }] });
      }
    }
    const inserted = await tx.query<{ id: string }[]>(
      `INSERT INTO documents (case_id, tracing_request_id, type, title, language, sensitivity, origin, translation_of, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [caseId, tracingRequestId, upload.fields.type, upload.fields.title, upload.fields.language, upload.fields.sensitivity, upload.fields.origin,
        upload.fields.translationOf ?? null, upload.fileName, upload.mediaType, upload.data.length, upload.sha256, user.id, now],
    );
    const documentId = inserted[0]!.id;
    await tx.query(`INSERT INTO document_contents (document_id, content) VALUES ($1, $2)`, [documentId, upload.data]);
    const detail = { documentId, type: upload.fields.type, mediaType: upload.mediaType, sizeBytes: upload.data.length, sha256: upload.sha256, tracingRequestId };
    await this.changes.record(tx, { user, caseId, action: 'DOCUMENT_UPLOADED', entity: { type: 'document', id: documentId }, ip, at: now, detail, history: detail, recomputeTasks: false });
    const rows = await tx.query<DocumentRow[]>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN users u ON u.id = d.uploaded_by WHERE d.id = $1`, [documentId]);
    return toDocument(rows[0]!);
  }

  async uploadToCase(user: AuthUser, caseId: string, upload: MultipartUpload, ip: string): Promise<DocumentMeta> {
    const prepared = this.prepare(upload);
    // Guardians and social services upload their own documents (issue 5): only the types of their
    // role, always as received by IOM, never as a translation of a document they cannot open.
    const allowedTypes = externalUploadTypes(user.role);
    if (allowedTypes) {
      if (!allowedTypes.includes(prepared.fields.type)) {
        throw new AppError('VALIDATION_FAILED', 'Invalid upload', { fields: [{ path: 'type', code: 'not_allowed', message: `You can upload: ${allowedTypes.join(', ')}` }] });
      }
      if (prepared.fields.translationOf) {
        throw new AppError('VALIDATION_FAILED', 'Invalid upload', { fields: [{ path: 'translationOf', code: 'not_allowed', message: 'Only IOM staff link translations' }] });
      }
      prepared.fields.origin = 'RECEIVED';
    }
    return this.db.transaction(async (tx) => {
      const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
      if (!row) throw notFound('Case');
      if (isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
      return this.insert(tx, user, caseId, null, prepared, ip);
    });
  }

  // The mission's request, or nothing: another mission's request answers 404 like a missing one.
  private async missionRequest(executor: Executor, user: AuthUser, tracingRequestId: string, lock = false): Promise<TracingRequestRow | undefined> {
    const rows = await executor.query<TracingRequestRow[]>(
      `SELECT tr.id, tr.case_id, tr.status, c.state AS case_state FROM tracing_requests tr JOIN cases c ON c.id = tr.case_id
        WHERE tr.id = $1 AND tr.mission_id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
      [tracingRequestId, user.organisationId],
    );
    return rows[0];
  }

  async uploadToTracingRequest(user: AuthUser, tracingRequestId: string, upload: MultipartUpload, ip: string): Promise<DocumentMeta> {
    const prepared = this.prepare(upload);
    return this.db.transaction(async (tx) => {
      const request = await this.missionRequest(tx, user, tracingRequestId, true);
      if (!request) throw notFound('Tracing request');
      if (request.status === 'CANCELLED') throw new AppError('CONFLICT', 'The tracing request was cancelled: nothing more can be attached');
      if (isClosedState(request.case_state)) throw new AppError('CONFLICT', 'The case is closed');
      return this.insert(tx, user, request.case_id, request.id, prepared, ip);
    });
  }

  async listForCase(user: AuthUser, caseId: string, ip: string): Promise<DocumentList> {
    const row = await this.cases.findVisibleById(user, caseId);
    if (!row) throw notFound('Case');
    const params: unknown[] = [caseId];
    // External users see their own uploads (a court: what is filed before it); staff everything.
    const external = externalDocumentPredicate(user.role, user.id, user.organisationId, params);
    const rows = await this.db.query<DocumentRow[]>(
      external
        ? `SELECT ${DOCUMENT_COLUMNS}${UPLOADER_ORGANISATION_COLUMNS} FROM documents d JOIN users u ON u.id = d.uploaded_by ${UPLOADER_ORGANISATION_JOIN}
            WHERE d.case_id = $1 AND ${external} ORDER BY d.uploaded_at DESC, d.id DESC`
        : `SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN users u ON u.id = d.uploaded_by WHERE d.case_id = $1 ORDER BY d.uploaded_at DESC, d.id DESC`,
      params,
    );
    await this.audit.append({ actor: user, action: 'DOCUMENT_LIST_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { items: rows.map((row) => toDocument(external ? maskFieldOfficerUploader(row) : row)) };
  }

  async listForTracingRequest(user: AuthUser, tracingRequestId: string, ip: string): Promise<DocumentList> {
    const request = await this.missionRequest(this.db, user, tracingRequestId);
    if (!request || request.status === 'CANCELLED') throw notFound('Tracing request');
    const rows = await this.db.query<DocumentRow[]>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN users u ON u.id = d.uploaded_by
        WHERE d.tracing_request_id = $1 AND u.organisation_id = $2 ORDER BY d.uploaded_at DESC, d.id DESC`,
      [tracingRequestId, user.organisationId],
    );
    await this.audit.append({ actor: user, action: 'DOCUMENT_LIST_VIEWED', entityType: 'tracing_request', entityId: tracingRequestId, caseId: request.case_id, ip });
    return { items: rows.map(toDocument) };
  }

  async download(user: AuthUser, documentId: string, ip: string): Promise<DocumentDownload> {
    const params: unknown[] = [documentId];
    let access: string;
    if (user.role === 'field_officer') {
      params.push(user.organisationId);
      access = `EXISTS (SELECT 1 FROM tracing_requests tr JOIN users u ON u.id = d.uploaded_by
        WHERE tr.id = d.tracing_request_id AND tr.mission_id = $2 AND tr.status <> 'CANCELLED' AND u.organisation_id = $2)`;
    } else {
      access = `EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id AND ${visibleCasePredicate(user, this.clock.now(), params)})`;
      const external = externalDocumentPredicate(user.role, user.id, user.organisationId, params);
      if (external) access = `${access} AND ${external}`;
    }
    const rows = await this.db.query<{ case_id: string; media_type: DocumentMediaType; sha256: string; file_name: string }[]>(
      `SELECT d.case_id, d.media_type, d.sha256, d.file_name FROM documents d WHERE d.id = $1 AND ${access}`,
      params,
    );
    const meta = rows[0];
    if (!meta) {
      await this.audit.append({ actor: user, action: 'DOCUMENT_ACCESS_DENIED', entityType: 'document', entityId: documentId, ip });
      throw notFound('Document');
    }
    const content = await this.db.query<{ content: Buffer }[]>(`SELECT content FROM document_contents WHERE document_id = $1`, [documentId]);
    if (!content[0]) throw notFound('Document');
    await this.audit.append({ actor: user, action: 'DOCUMENT_DOWNLOADED', entityType: 'document', entityId: documentId, caseId: meta.case_id, detail: { sha256: meta.sha256 }, ip });
    return { content: content[0].content, mediaType: meta.media_type, sha256: meta.sha256, disposition: contentDisposition(meta.file_name) };
  }
}
