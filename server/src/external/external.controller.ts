import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  AssignCaseSchema,
  CaseAssignmentSchema,
  CourtAccessGrantSchema,
  CourtAccessListSchema,
  CreateGuardianConsentSchema,
  CreateMinorViewSchema,
  CreateProsieguoRequestSchema,
  GrantCourtAccessSchema,
  IdParamsSchema,
  IdSchema,
  IncomingRequestPageSchema,
  IncomingRequestQuerySchema,
  MinorViewListSchema,
  MinorViewSchema,
  PortalCaseSchema,
  PortalConsentSchema,
  PortalTracingRequestResultSchema,
  PortalTracingRequestSchema,
  ProsieguoRequestListSchema,
  ProsieguoRequestSchema,
  WithdrawConsentSchema,
  type AssignCaseInput,
  type CreateGuardianConsentInput,
  type CreateMinorViewInput,
  type CreateProsieguoRequestInput,
  type GrantCourtAccessInput,
  type IncomingRequestQuery,
  type PortalTracingRequestInput,
  type WithdrawConsentInput,
} from '@app/contracts';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { CourtAccessService } from './court-access.service';
import { IntakeRequestsService } from './intake-requests.service';
import { PortalService } from './portal.service';

const CaseParams = IdParamsSchema('caseId');

// The portals of guardians, social services and courts (domain §2), and IOM's side of what they
// send. Every case route answers 404 outside the caller's relations (access-matrix.ts).
@Controller()
export class ExternalController {
  constructor(
    private readonly portal: PortalService,
    private readonly intake: IntakeRequestsService,
    private readonly courtAccess: CourtAccessService,
  ) {}

  @Get('portal/cases/:caseId')
  @Contract({
    summary:
      "The portal's case page: state, the minor, court dates and outcomes, the reports released to you, your documents (a court: what is filed before it), consents and requests (guardian, social services), the minor's views (guardian)",
    params: CaseParams,
    response: PortalCaseSchema,
  })
  portalCase(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.portal.portalCase(user, caseId, meta.ip);
  }

  // --- Social services → IOM: the family-tracing request, and IOM's queue and assignment.

  @Post('portal/tracing-requests')
  @Contract({
    summary: 'Send a family-tracing request: it arrives as a new case in RECEIVED for the IOM unit, followed by your office, waiting for a supervisor to assign a caseworker',
    body: PortalTracingRequestSchema,
    response: PortalTracingRequestResultSchema,
    status: 201,
  })
  submitTracingRequest(@CurrentUser() user: AuthUser, @Body() body: PortalTracingRequestInput, @ReqMeta() meta: RequestMeta) {
    return this.intake.submit(user, body, meta.ip);
  }

  @Get('intake/requests')
  @Contract({
    summary: 'Requests received through the portal on your visible cases (supervisor: the unit; caseworker: assigned to you), newest first; ?unassigned=true for those waiting for a caseworker',
    query: IncomingRequestQuerySchema,
    response: IncomingRequestPageSchema,
  })
  incoming(@CurrentUser() user: AuthUser, @Query() query: IncomingRequestQuery, @ReqMeta() meta: RequestMeta) {
    return this.intake.incoming(user, query, meta.ip);
  }

  @Post('cases/:caseId/assignment')
  @HttpCode(200)
  @Contract({
    summary: "Assign (or reassign) the case's caseworker (a caseworker of your unit; 409 when already theirs or the case is closed); the previous caseworker's access ends now",
    params: CaseParams,
    body: AssignCaseSchema,
    response: CaseAssignmentSchema,
  })
  assign(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: AssignCaseInput, @ReqMeta() meta: RequestMeta) {
    return this.intake.assign(user, caseId, body, meta.ip);
  }

  // --- Time-limited court access.

  @Get('cases/:caseId/court-access')
  @Contract({ summary: "The case's court grants (live, expired, revoked), newest first", params: CaseParams, response: CourtAccessListSchema })
  listCourtAccess(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.courtAccess.list(user, caseId, meta.ip);
  }

  @Post('cases/:caseId/court-access')
  @Contract({
    summary: 'Give a juvenile court time-limited access to the case (until expiresAt, at most a year); the court reads the case and what is filed before it until then',
    params: CaseParams,
    body: GrantCourtAccessSchema,
    response: CourtAccessGrantSchema,
    status: 201,
  })
  grantCourtAccess(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: GrantCourtAccessInput, @ReqMeta() meta: RequestMeta) {
    return this.courtAccess.grant(user, caseId, body, meta.ip);
  }

  @Post('cases/:caseId/court-access/:grantId/revoke')
  @HttpCode(200)
  @Contract({ summary: "End a court's access now (409 when it has already ended)", params: z.strictObject({ caseId: IdSchema, grantId: IdSchema }), response: CourtAccessGrantSchema })
  revokeCourtAccess(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('grantId') grantId: string, @ReqMeta() meta: RequestMeta) {
    return this.courtAccess.revoke(user, caseId, grantId, meta.ip);
  }

  // --- Guardian.

  @Post('cases/:caseId/guardian-consents')
  @Contract({
    summary: "Record your own consent as the ward's guardian, given with the minor (TRACING, SHARE_REPORT, DATA_PROCESSING, PHOTO; 409 on a closed case)",
    params: CaseParams,
    body: CreateGuardianConsentSchema,
    response: PortalConsentSchema,
    status: 201,
  })
  giveConsent(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateGuardianConsentInput, @ReqMeta() meta: RequestMeta) {
    return this.portal.giveConsent(user, caseId, body, meta.ip);
  }

  @Post('cases/:caseId/guardian-consents/:consentId/withdraw')
  @HttpCode(200)
  @Contract({
    summary: 'Withdraw a consent you gave (withdrawing consent to tracing or data processing ends the intervention: the case moves to WITHDRAWN and field work is cancelled)',
    params: z.strictObject({ caseId: IdSchema, consentId: IdSchema }),
    body: WithdrawConsentSchema,
    response: PortalConsentSchema,
  })
  withdrawConsent(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('consentId') consentId: string, @Body() body: WithdrawConsentInput, @ReqMeta() meta: RequestMeta) {
    return this.portal.withdrawConsent(user, caseId, consentId, body.reason, meta.ip);
  }

  @Get('cases/:caseId/minor-views')
  @Contract({ summary: "The minor's views recorded in the minor's own words, newest first", params: CaseParams, response: MinorViewListSchema })
  minorViews(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.portal.minorViews(user, caseId, meta.ip);
  }

  @Post('cases/:caseId/minor-views')
  @Contract({ summary: "Record the minor's views in the minor's own words, with the language and any mediator (you are recorded as the source)", params: CaseParams, body: CreateMinorViewSchema, response: MinorViewSchema, status: 201 })
  recordMinorView(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateMinorViewInput, @ReqMeta() meta: RequestMeta) {
    return this.portal.recordMinorView(user, caseId, body, meta.ip);
  }

  // --- Social services: continuation of support at 18.

  @Get('cases/:caseId/prosieguo-requests')
  @Contract({ summary: 'Requests for continuation of support after 18 (prosieguo amministrativo), newest first', params: CaseParams, response: ProsieguoRequestListSchema })
  prosieguoRequests(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.portal.prosieguoRequests(user, caseId, meta.ip);
  }

  @Post('cases/:caseId/prosieguo-requests')
  @Contract({
    summary: 'Ask for continuation of support after 18 (L. 47/2017 art. 13): reasons, and optionally until when (after the 18th, at the latest the 21st birthday)',
    params: CaseParams,
    body: CreateProsieguoRequestSchema,
    response: ProsieguoRequestSchema,
    status: 201,
  })
  requestProsieguo(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateProsieguoRequestInput, @ReqMeta() meta: RequestMeta) {
    return this.portal.requestProsieguo(user, caseId, body, meta.ip);
  }
}
