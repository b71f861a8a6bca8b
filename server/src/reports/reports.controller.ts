import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  CaseReportsSchema,
  IdParamsSchema,
  ReleaseReportSchema,
  ReportPdfQuerySchema,
  ReportQaSchema,
  ReportSchema,
  UpdateReportDraftSchema,
  type ReleaseReportInput,
  type ReportPdfQuery,
  type ReportQaInput,
  type UpdateReportDraftInput,
} from '@app/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { ReportsService } from './reports.service';
import { ReportPdfService } from './report-pdf.service';
import { ReportReleaseService } from './report-release.service';

const CaseParams = IdParamsSchema('caseId');
const ReportParams = IdParamsSchema('reportId');
// Recipients read the released version addressed to them (guardians, social services, courts, the
// ministry); the service answers 404 to anyone who is neither staff seeing the case nor a recipient.

// Reports to the authorities (domain.md §5): the family-assessment report and the non-location
// note. Each action changes the current version and fires the matching case transition in one
// transaction. Optional If-Match on the actions: the version's lockVersion you read.
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly pdfs: ReportPdfService,
    private readonly releases: ReportReleaseService,
  ) {}

  @Get('cases/:caseId/reports')
  @Contract({ summary: "The case's reports with their versions, release status and disclosure register", params: CaseParams, response: CaseReportsSchema })
  list(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.reports.list(user, caseId, meta.ip);
  }

  @Post('cases/:caseId/reports')
  @Contract({
    summary: 'Start the report of a case in REPORT_DRAFTING (kind from the tracing outcome; pre-filled from the family assessment or the outcome), or a new version of an approved one',
    params: CaseParams,
    response: ReportSchema,
    status: 201,
  })
  start(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.reports.start(user, caseId, meta.ip);
  }

  @Put('reports/:reportId/draft')
  @Contract({
    summary: 'Replace the draft sections, original and Italian (If-Match: the version’s lockVersion; 428 without, 412 stale, 409 once submitted or approved)',
    params: ReportParams,
    body: UpdateReportDraftSchema,
    response: ReportSchema,
  })
  updateDraft(
    @CurrentUser() user: AuthUser,
    @Param('reportId') reportId: string,
    @Body() body: UpdateReportDraftInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.reports.updateDraft(user, reportId, body, ifMatch, meta.ip);
  }

  @Post('reports/:reportId/submit')
  @HttpCode(200)
  @Contract({ summary: 'Submit the draft for quality review; the case moves to REPORT_QA (422 naming missing sections)', params: ReportParams, response: ReportSchema })
  submit(@CurrentUser() user: AuthUser, @Param('reportId') reportId: string, @Headers('if-match') ifMatch: string | undefined, @ReqMeta() meta: RequestMeta) {
    return this.reports.submit(user, reportId, ifMatch, meta.ip);
  }

  @Post('reports/:reportId/qa')
  @HttpCode(200)
  @Contract({
    summary: 'Quality review: PASS (caseworker) or RETURN with a comment (caseworker or supervisor; the case goes back to REPORT_DRAFTING)',
    params: ReportParams,
    body: ReportQaSchema,
    response: ReportSchema,
  })
  qa(
    @CurrentUser() user: AuthUser,
    @Param('reportId') reportId: string,
    @Body() body: ReportQaInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.reports.qa(user, reportId, body, ifMatch, meta.ip);
  }

  @Post('reports/:reportId/approve')
  @HttpCode(200)
  @Contract({ summary: 'Approve the version that passed quality review (supervisor); fixes its sha-256; the case moves to REPORT_APPROVED', params: ReportParams, response: ReportSchema })
  approve(@CurrentUser() user: AuthUser, @Param('reportId') reportId: string, @Headers('if-match') ifMatch: string | undefined, @ReqMeta() meta: RequestMeta) {
    return this.reports.approve(user, reportId, ifMatch, meta.ip);
  }

  @Post('reports/:reportId/release')
  @HttpCode(200)
  @Contract({
    summary:
      'Release the approved version to named recipients: one disclosure-register row each; the case moves to REPORT_SENT (a family-assessment report needs the family’s SHARE_REPORT consent, 422 otherwise)',
    params: ReportParams,
    body: ReleaseReportSchema,
    response: ReportSchema,
  })
  release(
    @CurrentUser() user: AuthUser,
    @Param('reportId') reportId: string,
    @Body() body: ReleaseReportInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.releases.release(user, reportId, body, ifMatch, meta.ip);
  }

  @Get('reports/:reportId/pdf')
  @Contract({
    summary: 'The PDF of a released version (?version=, ?original=true): staff who see the case and the recipients in the disclosure register; 404 otherwise',
    params: ReportParams,
    query: ReportPdfQuerySchema,
    produces: 'application/pdf',
  })
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('reportId') reportId: string,
    @Query() query: ReportPdfQuery,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, fileName } = await this.pdfs.pdf(user, reportId, query, meta.ip);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`);
    return pdf;
  }
}
