import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CaseDetailSchema, CaseListQuerySchema, CasePageSchema, IdParamsSchema, TransitionRequestSchema, type CaseListQuery, type TransitionRequest } from '@app/contracts';
import { CaseTransitionService } from '../workflow/case-transition.service';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract, Roles } from '../common/route-metadata';
import { CasesService } from './cases.service';

const CASE_READERS = ['supervisor', 'caseworker', 'guardian', 'social_services', 'court'] as const;

@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitionService,
  ) {}

  @Get()
  @Roles(...CASE_READERS)
  @Contract({ summary: "The caller's visible cases, newest first (keyset pagination)", query: CaseListQuerySchema, response: CasePageSchema })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseListQuery) {
    return this.cases.list(user, query);
  }

  @Get(':caseId')
  @Roles(...CASE_READERS)
  @Contract({ summary: 'One case (404 when not visible to the caller)', params: IdParamsSchema('caseId'), response: CaseDetailSchema })
  get(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.cases.get(user, caseId, meta.ip);
  }

  @Post(':caseId/transitions')
  @HttpCode(200)
  @Roles('caseworker', 'supervisor')
  @Contract({
    summary: 'Move the case to another state (If-Match: the case version). 409 illegal, 422 unmet preconditions, 412 stale, 428 without If-Match',
    params: IdParamsSchema('caseId'),
    body: TransitionRequestSchema,
    response: CaseDetailSchema,
  })
  async transition(
    @CurrentUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Body() body: TransitionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.transitions.transition(user, caseId, body, ifMatch, meta.ip);
    return this.cases.afterChange(user, caseId);
  }
}
