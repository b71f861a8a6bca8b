import { Controller, Get, Param, Query } from '@nestjs/common';
import { CaseDetailSchema, CaseListQuerySchema, CasePageSchema, IdParamsSchema, type CaseListQuery } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract, Roles } from '../common/route-metadata';
import { CasesService } from './cases.service';

const CASE_READERS = ['supervisor', 'caseworker', 'guardian', 'social_services', 'court'] as const;

@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

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
}
