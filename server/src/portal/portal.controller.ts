import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  IdParamsSchema,
  CreateGuardianConsentSchema,
  CreateMinorViewSchema,
  CreateProsieguoRequestSchema,
  IdSchema,
  MinorViewListSchema,
  MinorViewSchema,
  PortalCaseSchema,
  PortalConsentSchema,
  ProsieguoRequestListSchema,
  ProsieguoRequestSchema,
  WithdrawConsentSchema,
  type CreateGuardianConsentInput,
  type CreateMinorViewInput,
  type CreateProsieguoRequestInput,
  type WithdrawConsentInput,
} from '@app/contracts';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { PortalService } from './portal.service';

const CaseParams = IdParamsSchema('caseId');

// The portals of guardians, social services and courts (domain §2): the portal's case page, the
// guardian's consents and the minor's views, the continuation of support after 18. Every case route
// answers 404 outside the caller's relations (access-matrix.ts).
@Controller()
export class PortalController {
  constructor(private readonly portal: PortalService) {}

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
