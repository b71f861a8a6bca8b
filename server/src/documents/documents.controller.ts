import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { DocumentListSchema, DocumentSchema, IdParamsSchema } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { DocumentsService } from './documents.service';
import { readSingleFileUpload } from './multipart';

const UPLOAD_HELP =
  'multipart/form-data: one file in "file" (PDF, PNG, JPEG, DOCX or ODT, checked by content; 415 otherwise; 413 above MAX_UPLOAD_MB) and the fields type, title, language, sensitivity?, origin?, translationOf? (UploadDocumentFieldsSchema)';

@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('cases/:caseId/documents')
  @Contract({ summary: `Upload a document to a case (guardians and social services: the types of EXTERNAL_UPLOAD_TYPES, on a case they see). ${UPLOAD_HELP}`, params: IdParamsSchema('caseId'), response: DocumentSchema, status: 201 })
  async uploadToCase(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Req() request: FastifyRequest, @ReqMeta() meta: RequestMeta) {
    return this.documents.uploadToCase(user, caseId, await readSingleFileUpload(request), meta.ip);
  }

  @Get('cases/:caseId/documents')
  @Contract({ summary: 'Documents of a case (metadata only, newest first): IOM staff all of them; a guardian or social services their own uploads; a court what is filed before it', params: IdParamsSchema('caseId'), response: DocumentListSchema })
  listForCase(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.documents.listForCase(user, caseId, meta.ip);
  }

  @Post('tracing-requests/:tracingRequestId/documents')
  @Contract({
    summary: `Attach a document to your mission's tracing request (it joins the case file). ${UPLOAD_HELP}`,
    params: IdParamsSchema('tracingRequestId'),
    response: DocumentSchema,
    status: 201,
  })
  async uploadToTracingRequest(@CurrentUser() user: AuthUser, @Param('tracingRequestId') tracingRequestId: string, @Req() request: FastifyRequest, @ReqMeta() meta: RequestMeta) {
    return this.documents.uploadToTracingRequest(user, tracingRequestId, await readSingleFileUpload(request), meta.ip);
  }

  @Get('tracing-requests/:tracingRequestId/documents')
  @Contract({ summary: "Documents your mission attached to the tracing request", params: IdParamsSchema('tracingRequestId'), response: DocumentListSchema })
  listForTracingRequest(@CurrentUser() user: AuthUser, @Param('tracingRequestId') tracingRequestId: string, @ReqMeta() meta: RequestMeta) {
    return this.documents.listForTracingRequest(user, tracingRequestId, meta.ip);
  }

  // The stored bytes as an attachment, never rendered inline: the stored (detected) media type,
  // nosniff, a sandboxing CSP and the sha-256 as the ETag. Audited.
  @Get('documents/:documentId/content')
  @Contract({ summary: 'Download a document (attachment; audited)', params: IdParamsSchema('documentId'), produces: 'application/octet-stream' })
  async download(@CurrentUser() user: AuthUser, @Param('documentId') documentId: string, @Res({ passthrough: true }) reply: FastifyReply, @ReqMeta() meta: RequestMeta) {
    const file = await this.documents.download(user, documentId, meta.ip);
    void reply
      .header('content-type', file.mediaType)
      .header('content-disposition', file.disposition)
      .header('content-length', String(file.content.length))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('etag', `"${file.sha256}"`);
    return file.content;
  }
}
