import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerificationSchema,
  CaseAccessLogQuerySchema,
  CaseAccessLogSchema,
  DisclosureRegisterPageSchema,
  DisclosureRegisterQuerySchema,
  IdParamsSchema,
  type AuditQuery,
  type DisclosureRegisterQuery,
} from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { DpoService } from './dpo.service';

@Controller('dpo')
export class DpoController {
  constructor(private readonly dpo: DpoService) {}

  @Get('audit')
  @Contract({
    summary: 'The audit trail, newest first (?action=, ?actorId=, ?caseId=, ?from=&to=, ?denied=true for refusals only; keyset pagination on the sequence number)',
    query: AuditQuerySchema,
    response: AuditPageSchema,
  })
  auditTrail(@CurrentUser() user: AuthUser, @Query() query: AuditQuery, @ReqMeta() meta: RequestMeta) {
    return this.dpo.auditTrail(user, query, meta.ip);
  }

  @Get('audit/verification')
  @Contract({ summary: "Verify the audit trail's hash chain now (as npm run audit:verify) and give the head hash to anchor", response: AuditVerificationSchema })
  verify(@CurrentUser() user: AuthUser, @ReqMeta() meta: RequestMeta) {
    return this.dpo.verify(user, meta.ip);
  }

  @Get('disclosures')
  @Contract({
    summary: 'The disclosure register across cases (recipient, purpose, legal basis, version hash, approver, first read, acknowledgement), newest first (?caseId=, ?recipientOrganisationId=, ?from=&to=)',
    query: DisclosureRegisterQuerySchema,
    response: DisclosureRegisterPageSchema,
  })
  disclosures(@CurrentUser() user: AuthUser, @Query() query: DisclosureRegisterQuery, @ReqMeta() meta: RequestMeta) {
    return this.dpo.disclosureRegister(user, query, meta.ip);
  }

  @Get('cases/:caseId/access-log')
  @Contract({
    summary: "Every audited access to one case, newest first: reads, changes, downloads, refused attempts (the case number only, never its content)",
    params: IdParamsSchema('caseId'),
    query: CaseAccessLogQuerySchema,
    response: CaseAccessLogSchema,
  })
  accessLog(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Query() query: { cursor?: string; limit: number }, @ReqMeta() meta: RequestMeta) {
    return this.dpo.caseAccessLog(user, caseId, query, meta.ip);
  }
}
