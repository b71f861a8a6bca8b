import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import {
  AddMonitoringVisitSchema,
  AssistanceItemSchema,
  CancelMonitoringVisitSchema,
  ConsentSchema,
  CounsellingSessionSchema,
  CreateAssistanceItemSchema,
  CreateCounsellingSessionSchema,
  CreateReintegrationObjectiveSchema,
  DocumentSchema,
  DurableSolutionSchema,
  EscalateConcernSchema,
  FieldReturnDetailSchema,
  FieldReturnListSchema,
  GuardianAvrConsentSchema,
  HandoverSchema,
  IdSchema,
  MonitoringVisitSchema,
  PutReintegrationPlanSchema,
  PutTravelPlanSchema,
  RecordAvrRequestSchema,
  RecordDurableSolutionSchema,
  RecordHandoverSchema,
  RecordMonitoringVisitSchema,
  ReintegrationPlanSchema,
  ReportSchema,
  ResolveConcernSchema,
  ReturnFileSchema,
  StartReturnReportSchema,
  TravelPlanSchema,
  UpdateAssistanceItemSchema,
  type AddMonitoringVisitInput,
  type CancelMonitoringVisitInput,
  type CreateAssistanceItemInput,
  type CreateCounsellingSessionInput,
  type CreateReintegrationObjectiveInput,
  type EscalateConcernInput,
  type GuardianAvrConsentInput,
  type PutReintegrationPlanInput,
  type PutTravelPlanInput,
  type RecordAvrRequestInput,
  type RecordDurableSolutionInput,
  type RecordHandoverInput,
  type RecordMonitoringVisitInput,
  type ResolveConcernInput,
  type StartReturnReportInput,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { readSingleFileUpload } from '../documents/multipart';
import { FieldReturnService } from './field-return.service';
import { ReturnService } from './return.service';
import { MonitoringService } from './monitoring.service';
import { TravelService } from './travel.service';

const CaseParams = z.strictObject({ caseId: IdSchema });
const ItemParams = z.strictObject({ caseId: IdSchema, itemId: IdSchema });
const VisitParams = z.strictObject({ caseId: IdSchema, visitId: IdSchema });
const DocumentParams = z.strictObject({ caseId: IdSchema, documentId: IdSchema });
const UPLOAD_HELP =
  'multipart/form-data: one file in "file" (PDF, PNG, JPEG, DOCX or ODT, checked by content) and the fields type, title, language, sensitivity?, origin? (UploadDocumentFieldsSchema)';

// Part 2 of the case file for IOM staff (domain §3.9–§3.12, §4 transitions 14–21): the return
// request, counselling, the reintegration plan, the travel plan, the hand-over, monitoring, the
// durable-solution decision and the part-2 reports. The guardian co-signs the return request.
@Controller('cases/:caseId')
export class ReturnController {
  constructor(
    private readonly returns: ReturnService,
    private readonly monitoring: MonitoringService,
    private readonly travel: TravelService,
  ) {}

  @Get('return')
  @Contract({ summary: 'The return file: request and consents, counselling, reintegration plan, court, travel plan, hand-over, monitoring, durable solutions, reports', params: CaseParams, response: ReturnFileSchema })
  file(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.returns.returnFile(user, caseId, meta.ip);
  }

  @Post('avr/request')
  @Contract({ summary: "Record the minor's voluntary request to return, in their own words, with language and mediator (AWAITING_SOLUTION to AVR_COUNSELLING)", params: CaseParams, body: RecordAvrRequestSchema, response: ConsentSchema, status: 201 })
  avrRequest(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: RecordAvrRequestInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.recordAvrRequest(user, caseId, body, meta.ip);
  }

  @Post('avr/guardian-consent')
  @Contract({ summary: "The guardian co-signs their ward's return request (409 before the minor's own request)", params: CaseParams, body: GuardianAvrConsentSchema, response: ConsentSchema, status: 201 })
  guardianConsent(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: GuardianAvrConsentInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.guardianConsent(user, caseId, body, meta.ip);
  }

  @Post('avr/counselling-sessions')
  @Contract({ summary: 'Record a counselling session with the minor (the minor’s words, language, mediator)', params: CaseParams, body: CreateCounsellingSessionSchema, response: CounsellingSessionSchema, status: 201 })
  counselling(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateCounsellingSessionInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.addCounselling(user, caseId, body, meta.ip);
  }

  @Put('reintegration-plan')
  @Contract({ summary: 'Write or replace the reintegration plan’s narrative (optional If-Match: the plan version; 412 stale)', params: CaseParams, body: PutReintegrationPlanSchema, response: ReintegrationPlanSchema })
  putPlan(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: PutReintegrationPlanInput, @Headers('if-match') ifMatch: string | undefined, @ReqMeta() meta: RequestMeta) {
    return this.returns.putPlan(user, caseId, body, ifMatch, meta.ip);
  }

  @Post('reintegration-plan/objectives')
  @Contract({ summary: 'Add an objective (dimension, level) to the reintegration plan', params: CaseParams, body: CreateReintegrationObjectiveSchema, response: ReintegrationPlanSchema, status: 201 })
  addObjective(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateReintegrationObjectiveInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.addObjective(user, caseId, body, meta.ip);
  }

  @Post('reintegration-plan/assistance-items')
  @Contract({ summary: 'Add an assistance item (type, provider, budget, in kind) to the reintegration plan', params: CaseParams, body: CreateAssistanceItemSchema, response: ReintegrationPlanSchema, status: 201 })
  addItem(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateAssistanceItemInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.addItem(user, caseId, body, meta.ip);
  }

  @Patch('reintegration-plan/assistance-items/:itemId')
  @Contract({ summary: 'Update an assistance item’s status (delivered with its date, cancelled with a reason)', params: ItemParams, body: UpdateAssistanceItemSchema, response: AssistanceItemSchema })
  updateItem(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('itemId') itemId: string, @Body() body: UpdateAssistanceItemInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.updateItem(user, caseId, itemId, body, meta.ip);
  }

  @Put('avr/travel-plan')
  @Contract({
    summary: 'Write the AVR travel plan (COURT_APPROVED or AVR_PREPARATION; optional If-Match: its version). Turning the escort off needs a supervisor and a reason (403 otherwise)',
    params: CaseParams,
    body: PutTravelPlanSchema,
    response: TravelPlanSchema,
  })
  putTravelPlan(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: PutTravelPlanInput, @Headers('if-match') ifMatch: string | undefined, @ReqMeta() meta: RequestMeta) {
    return this.travel.putTravelPlan(user, caseId, body, ifMatch, meta.ip);
  }

  @Post('avr/handover')
  @Contract({ summary: 'Confirm the arrival and hand-over with the signed protocol; schedules monitoring and moves IN_TRANSIT → HANDED_OVER', params: CaseParams, body: RecordHandoverSchema, response: HandoverSchema, status: 201 })
  handover(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: RecordHandoverInput, @ReqMeta() meta: RequestMeta) {
    return this.travel.recordHandover(user, caseId, body, meta.ip);
  }

  @Post('monitoring/visits')
  @Contract({ summary: 'Add an extra monitoring visit (a vulnerable case)', params: CaseParams, body: AddMonitoringVisitSchema, response: MonitoringVisitSchema, status: 201 })
  addVisit(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: AddMonitoringVisitInput, @ReqMeta() meta: RequestMeta) {
    return this.monitoring.addVisit(user, caseId, body, meta.ip);
  }

  @Put('monitoring/visits/:visitId')
  @Contract({ summary: 'Record a planned monitoring visit’s findings (and the assistance delivered against the plan)', params: VisitParams, body: RecordMonitoringVisitSchema, response: MonitoringVisitSchema })
  recordVisit(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('visitId') visitId: string, @Body() body: RecordMonitoringVisitInput, @ReqMeta() meta: RequestMeta) {
    return this.monitoring.recordVisit(user, caseId, visitId, body, meta.ip);
  }

  @Post('monitoring/visits/:visitId/cancel')
  @HttpCode(200)
  @Contract({ summary: 'Cancel a planned monitoring visit, with a reason', params: VisitParams, body: CancelMonitoringVisitSchema, response: MonitoringVisitSchema })
  cancelVisit(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('visitId') visitId: string, @Body() body: CancelMonitoringVisitInput, @ReqMeta() meta: RequestMeta) {
    return this.monitoring.cancelVisit(user, caseId, visitId, body.reason, meta.ip);
  }

  @Post('monitoring/visits/:visitId/escalation')
  @HttpCode(200)
  @Contract({ summary: 'Escalate the protection concern found at a visit (referral to child protection in the country of origin)', params: VisitParams, body: EscalateConcernSchema, response: MonitoringVisitSchema })
  escalate(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('visitId') visitId: string, @Body() body: EscalateConcernInput, @ReqMeta() meta: RequestMeta) {
    return this.monitoring.escalate(user, caseId, visitId, body, meta.ip);
  }

  @Post('monitoring/visits/:visitId/escalation/resolve')
  @HttpCode(200)
  @Contract({ summary: 'Resolve an escalated concern (supervisor)', params: VisitParams, body: ResolveConcernSchema, response: MonitoringVisitSchema })
  resolve(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('visitId') visitId: string, @Body() body: ResolveConcernInput, @ReqMeta() meta: RequestMeta) {
    return this.monitoring.resolveConcern(user, caseId, visitId, body, meta.ip);
  }

  @Post('durable-solution')
  @Contract({
    summary: 'Record the durable-solution decision (who decided, reference, the minor’s views, options considered; a return names the court’s decision)',
    params: CaseParams,
    body: RecordDurableSolutionSchema,
    response: DurableSolutionSchema,
    status: 201,
  })
  durableSolution(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: RecordDurableSolutionInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.recordDurableSolution(user, caseId, body, meta.ip);
  }

  @Post('return-reports')
  @Contract({
    summary:
      'Start a part-2 report (reintegration plan, AVR operational note, hand-over protocol, monitoring report of a visit) pre-filled from the records, or its next version; then use /api/reports/:reportId/…',
    params: CaseParams,
    body: StartReturnReportSchema,
    response: ReportSchema,
    status: 201,
  })
  startReport(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: StartReturnReportInput, @ReqMeta() meta: RequestMeta) {
    return this.returns.startReport(user, caseId, body, meta.ip);
  }
}

// The receiving mission's field officer: returned minors of their mission, their reintegration plan
// and monitoring schedule; reception, hand-over and monitoring records. Never the location in Italy.
@Controller('field/returns')
export class FieldReturnController {
  constructor(private readonly field: FieldReturnService) {}

  @Get()
  @Contract({ summary: 'Minors returning or returned to the caller’s mission (from the approval of the AVR operational plan)', response: FieldReturnListSchema })
  list(@CurrentUser() user: AuthUser) {
    return this.field.list(user);
  }

  @Get(':caseId')
  @Contract({ summary: 'A returned minor: reception arrangements, reintegration plan, hand-over, monitoring schedule and visits (allow-listed fields)', params: CaseParams, response: FieldReturnDetailSchema })
  detail(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.field.detail(user, caseId, meta.ip);
  }

  @Post(':caseId/documents')
  @Contract({ summary: `Attach the signed hand-over protocol, a monitoring report or a consent form (types HANDOVER_PROTOCOL, MONITORING_REPORT, CONSENT). ${UPLOAD_HELP}`, params: CaseParams, response: DocumentSchema, status: 201 })
  async upload(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Req() request: FastifyRequest, @ReqMeta() meta: RequestMeta) {
    return this.field.upload(user, caseId, await readSingleFileUpload(request), meta.ip);
  }

  // As GET /api/documents/:documentId/content: an attachment, never inline; nosniff, a sandboxing
  // CSP, no caching and the sha-256 as the ETag.
  @Get(':caseId/documents/:documentId')
  @Contract({
    summary: 'Download a document the detail lists (the mission’s hand-over protocol, monitoring reports and consent forms; attachment; audited). 404 for any other document',
    params: DocumentParams,
    produces: 'application/octet-stream',
  })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ReqMeta() meta: RequestMeta,
  ) {
    const file = await this.field.download(user, caseId, documentId, meta.ip);
    void reply.headers({
      'content-type': file.mediaType,
      'content-disposition': file.disposition,
      'content-length': String(file.content.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
      etag: `"${file.sha256}"`,
    });
    return file.content;
  }

  @Post(':caseId/handover')
  @Contract({ summary: 'Confirm the arrival and hand-over with the signed protocol; moves the case to HANDED_OVER and schedules monitoring', params: CaseParams, body: RecordHandoverSchema, response: HandoverSchema, status: 201 })
  handover(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: RecordHandoverInput, @ReqMeta() meta: RequestMeta) {
    return this.field.handover(user, caseId, body, meta.ip);
  }

  @Put(':caseId/monitoring-visits/:visitId')
  @Contract({ summary: 'Record a monitoring visit (seen alone, well-being, concerns, assistance delivered, sustainability scores)', params: VisitParams, body: RecordMonitoringVisitSchema, response: MonitoringVisitSchema })
  recordVisit(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('visitId') visitId: string, @Body() body: RecordMonitoringVisitInput, @ReqMeta() meta: RequestMeta) {
    return this.field.recordVisit(user, caseId, visitId, body, meta.ip);
  }

  @Post(':caseId/monitoring-visits/:visitId/escalation')
  @HttpCode(200)
  @Contract({ summary: 'Escalate the protection concern found at a visit', params: VisitParams, body: EscalateConcernSchema, response: MonitoringVisitSchema })
  escalate(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('visitId') visitId: string, @Body() body: EscalateConcernInput, @ReqMeta() meta: RequestMeta) {
    return this.field.escalate(user, caseId, visitId, body, meta.ip);
  }

  @Patch(':caseId/assistance-items/:itemId')
  @Contract({ summary: 'Record an assistance item’s delivery (or cancellation with a reason)', params: ItemParams, body: UpdateAssistanceItemSchema, response: AssistanceItemSchema })
  updateItem(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('itemId') itemId: string, @Body() body: UpdateAssistanceItemInput, @ReqMeta() meta: RequestMeta) {
    return this.field.updateItem(user, caseId, itemId, body, meta.ip);
  }
}
