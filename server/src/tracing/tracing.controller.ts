import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  CaseTracingSchema,
  ContactAttemptSchema,
  CreateContactAttemptSchema,
  CreateFamilyConsentSchema,
  CreateTracingRequestSchema,
  FamilyAssessmentSchema,
  FamilyConsentSchema,
  IdSchema,
  PutAssessmentTranslationSchema,
  PutFamilyAssessmentSchema,
  RecordTracingOutcomeSchema,
  TracingRequestDetailSchema,
  TracingRequestListQuerySchema,
  TracingRequestPageSchema,
  type CreateContactAttemptInput,
  type CreateFamilyConsentInput,
  type CreateTracingRequestInput,
  type PutAssessmentTranslationInput,
  type PutFamilyAssessmentInput,
  type RecordTracingOutcomeInput,
  type TracingRequestListQuery,
} from '@app/contracts';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { TracingService } from './tracing.service';
import { FamilyAssessmentService } from './assessment.service';

const CaseParams = z.strictObject({ caseId: IdSchema });
const RequestParams = z.strictObject({ tracingRequestId: IdSchema });

// IOM Rome's side: send a packet, follow the case's tracing, translate the assessment.
@Controller('cases/:caseId')
export class CaseTracingController {
  constructor(
    private readonly tracing: TracingService,
    private readonly assessments: FamilyAssessmentService,
  ) {}

  @Post('tracing-requests')
  @Contract({
    summary:
      'Send a redacted tracing packet to a mission (READY_FOR_TRACING or TRACING_IN_PROGRESS; needs the minor’s consent and an approved pre-tracing risk check; starts tracing)',
    params: CaseParams,
    body: CreateTracingRequestSchema,
    response: TracingRequestDetailSchema,
    status: 201,
  })
  create(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateTracingRequestInput, @ReqMeta() meta: RequestMeta) {
    return this.tracing.create(user, caseId, body, meta.ip);
  }

  @Get('tracing')
  @Contract({ summary: 'The case’s tracing requests with attempts, outcomes, family consents and the assessment with its Italian translation', params: CaseParams, response: CaseTracingSchema })
  caseTracing(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.tracing.caseTracing(user, caseId, meta.ip);
  }

  @Put('assessment/translation')
  @Contract({
    summary: 'Save the Italian translation of every section of the family assessment (If-Match: the assessment version; 428 without, 412 stale)',
    params: CaseParams,
    body: PutAssessmentTranslationSchema,
    response: FamilyAssessmentSchema,
  })
  translate(
    @CurrentUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Body() body: PutAssessmentTranslationInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.assessments.putTranslation(user, caseId, body, ifMatch, meta.ip);
  }
}

// The mission's side: the packets sent to the caller's own mission, and the field work on them.
// Anything outside that scope answers 404.
@Controller('tracing-requests')
export class FieldTracingController {
  constructor(
    private readonly tracing: TracingService,
    private readonly assessments: FamilyAssessmentService,
  ) {}

  @Get()
  @Contract({ summary: 'Tracing requests sent to the caller’s mission, newest first (keyset pagination)', query: TracingRequestListQuerySchema, response: TracingRequestPageSchema })
  list(@CurrentUser() user: AuthUser, @Query() query: TracingRequestListQuery) {
    return this.tracing.listForMission(user, query);
  }

  @Get(':tracingRequestId')
  @Contract({ summary: 'One tracing request: the packet and the field records (a cancelled request shows only its status and dates to the mission)', params: RequestParams, response: TracingRequestDetailSchema })
  get(@CurrentUser() user: AuthUser, @Param('tracingRequestId') id: string, @ReqMeta() meta: RequestMeta) {
    return this.tracing.getById(user, id, meta.ip);
  }

  @Post(':tracingRequestId/contact-attempts')
  @Contract({ summary: 'Log a contact attempt (never with a "do not contact" relative)', params: RequestParams, body: CreateContactAttemptSchema, response: ContactAttemptSchema, status: 201 })
  addContactAttempt(@CurrentUser() user: AuthUser, @Param('tracingRequestId') id: string, @Body() body: CreateContactAttemptInput, @ReqMeta() meta: RequestMeta) {
    return this.tracing.addContactAttempt(user, id, body, meta.ip);
  }

  @Post(':tracingRequestId/family-consents')
  @Contract({ summary: 'Record a family member’s consent to the interview or to sharing the report', params: RequestParams, body: CreateFamilyConsentSchema, response: FamilyConsentSchema, status: 201 })
  addFamilyConsent(@CurrentUser() user: AuthUser, @Param('tracingRequestId') id: string, @Body() body: CreateFamilyConsentInput, @ReqMeta() meta: RequestMeta) {
    return this.tracing.addFamilyConsent(user, id, body, meta.ip);
  }

  @Post(':tracingRequestId/outcome')
  @HttpCode(200)
  @Contract({ summary: 'Record the outcome (needs a contact attempt); LOCATED completes the request, anything else fails it', params: RequestParams, body: RecordTracingOutcomeSchema, response: TracingRequestDetailSchema })
  recordOutcome(@CurrentUser() user: AuthUser, @Param('tracingRequestId') id: string, @Body() body: RecordTracingOutcomeInput, @ReqMeta() meta: RequestMeta) {
    return this.tracing.recordOutcome(user, id, body, meta.ip);
  }

  @Put(':tracingRequestId/assessment')
  @Contract({
    summary: 'Write the family assessment in the original language (after the outcome LOCATED; If-Match: the assessment version when changing it)',
    params: RequestParams,
    body: PutFamilyAssessmentSchema,
    response: FamilyAssessmentSchema,
  })
  putAssessment(
    @CurrentUser() user: AuthUser,
    @Param('tracingRequestId') id: string,
    @Body() body: PutFamilyAssessmentInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.assessments.putAssessment(user, id, body, ifMatch, meta.ip);
  }
}
