import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  CaseFileSchema,
  ConsentSchema,
  CreateConsentSchema,
  CreateFamilyMemberSchema,
  CreateRiskCheckSchema,
  FamilyMemberSchema,
  IdSchema,
  RiskCheckSchema,
  WithdrawConsentSchema,
  type CreateConsentInput,
  type CreateFamilyMemberInput,
  type CreateRiskCheckInput,
  type WithdrawConsentInput,
} from '@app/contracts';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { CaseFileService } from './case-file.service';

const CaseParams = z.strictObject({ caseId: IdSchema });
const ConsentParams = z.strictObject({ caseId: IdSchema, consentId: IdSchema });
const RiskParams = z.strictObject({ caseId: IdSchema, riskCheckId: IdSchema });

// The IOM unit's working file: consents, risk checks, family members. External users get their
// own narrower views (issue 5); field officers only the tracing packet.
@Controller('cases/:caseId')
export class CaseFileController {
  constructor(private readonly caseFile: CaseFileService) {}

  @Get('file')
  @Contract({ summary: 'Consents, risk checks and family members of a case', params: CaseParams, response: CaseFileSchema })
  get(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.caseFile.get(user, caseId, meta.ip);
  }

  @Post('consents')
  @Contract({ summary: 'Record a consent (the minor’s in their own words, with language and mediator)', params: CaseParams, body: CreateConsentSchema, response: ConsentSchema, status: 201 })
  addConsent(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateConsentInput, @ReqMeta() meta: RequestMeta) {
    return this.caseFile.addConsent(user, caseId, body, meta.ip);
  }

  @Post('consents/:consentId/withdraw')
  @HttpCode(200)
  @Contract({ summary: 'Withdraw a consent; the minor’s or guardian’s withdrawal moves the case to WITHDRAWN and cancels tracing', params: ConsentParams, body: WithdrawConsentSchema, response: ConsentSchema })
  withdraw(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('consentId') consentId: string, @Body() body: WithdrawConsentInput, @ReqMeta() meta: RequestMeta) {
    return this.caseFile.withdrawConsent(user, caseId, consentId, body.reason, meta.ip);
  }

  @Post('risk-checks')
  @Contract({ summary: 'Record a risk check', params: CaseParams, body: CreateRiskCheckSchema, response: RiskCheckSchema, status: 201 })
  addRiskCheck(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateRiskCheckInput, @ReqMeta() meta: RequestMeta) {
    return this.caseFile.addRiskCheck(user, caseId, body, meta.ip);
  }

  @Post('risk-checks/:riskCheckId/approve')
  @HttpCode(200)
  @Contract({ summary: 'Approve a risk check (supervisor)', params: RiskParams, response: RiskCheckSchema })
  approveRiskCheck(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('riskCheckId') riskCheckId: string, @ReqMeta() meta: RequestMeta) {
    return this.caseFile.approveRiskCheck(user, caseId, riskCheckId, meta.ip);
  }

  @Post('family-members')
  @Contract({ summary: 'Add a family member (a "do not contact" flag needs a reason)', params: CaseParams, body: CreateFamilyMemberSchema, response: FamilyMemberSchema, status: 201 })
  addFamilyMember(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateFamilyMemberInput, @ReqMeta() meta: RequestMeta) {
    return this.caseFile.addFamilyMember(user, caseId, body, meta.ip);
  }
}
