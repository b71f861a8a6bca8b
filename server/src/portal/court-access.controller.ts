import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  IdParamsSchema,
  CourtAccessGrantSchema,
  CourtAccessListSchema,
  GrantCourtAccessSchema,
  IdSchema,
  type GrantCourtAccessInput,
} from '@app/contracts';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { CourtAccessService } from './court-access.service';

const CaseParams = IdParamsSchema('caseId');

// A juvenile court's time-limited access to a case, given and ended by a supervisor.
@Controller()
export class CourtAccessController {
  constructor(private readonly courtAccess: CourtAccessService) {}

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
}
