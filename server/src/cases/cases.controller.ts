import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  CaseDetailSchema,
  CaseFilterOptionsSchema,
  CaseListQuerySchema,
  CasePageSchema,
  CaseSearchRequestSchema,
  CreateCaseSchema,
  IdParamsSchema,
  TimelinePageSchema,
  TimelineQuerySchema,
  TransitionRequestSchema,
  UpdateCaseSchema,
  UpdateMinorSchema,
  type CaseListQuery,
  type CaseSearchRequest,
  type CreateCaseInput,
  type TimelineQuery,
  type TransitionRequest,
  type UpdateCaseInput,
  type UpdateMinorInput,
} from '@app/contracts';
import { CaseTransitionService } from '../workflow/case-transition.service';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { CaseEditService } from './case-edit.service';
import { CaseIntakeService } from './case-intake.service';
import { CasesService } from './cases.service';

@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitionService,
    private readonly intake: CaseIntakeService,
    private readonly edits: CaseEditService,
  ) {}

  @Get()
  @Contract({
    summary: "The caller's visible cases, newest first (keyset pagination), filtered by state, nationality, caseworker, requesting authority or overdue tasks. No name filter here: use POST /api/cases/search",
    query: CaseListQuerySchema,
    response: CasePageSchema,
  })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseListQuery) {
    return this.cases.list(user, query);
  }

  @Post('search')
  @HttpCode(200)
  @Contract({ summary: 'The case list with the same filters plus a name (in the body, never in the URL), matched across transliterations and aliases', body: CaseSearchRequestSchema, response: CasePageSchema })
  search(@CurrentUser() user: AuthUser, @Body() body: CaseSearchRequest, @ReqMeta() meta: RequestMeta) {
    return this.cases.search(user, body, meta.ip);
  }

  @Get('filters')
  @Contract({ summary: 'Options for the case list filters (states, nationalities, caseworkers, requesting authorities) among the caller’s visible cases', response: CaseFilterOptionsSchema })
  filters(@CurrentUser() user: AuthUser) {
    return this.cases.filterOptions(user);
  }

  @Post()
  @Contract({
    summary: 'Register a request: a new minor (or an existing one, after the duplicate check) and the case in RECEIVED, with its grants',
    body: CreateCaseSchema,
    response: CaseDetailSchema,
    status: 201,
  })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateCaseInput, @ReqMeta() meta: RequestMeta) {
    const caseId = await this.intake.create(user, body, meta.ip);
    return this.cases.afterChange(user, caseId);
  }

  @Get(':caseId')
  @Contract({ summary: 'One case with the minor’s profile (404 when not visible to the caller; internal notes for IOM staff only)', params: IdParamsSchema('caseId'), response: CaseDetailSchema })
  get(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.cases.get(user, caseId, meta.ip);
  }

  @Patch(':caseId')
  @Contract({
    summary: 'Edit the case fields (If-Match: the case version). 412 stale, 428 without If-Match, 409 closed case',
    params: IdParamsSchema('caseId'),
    body: UpdateCaseSchema,
    response: CaseDetailSchema,
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Body() body: UpdateCaseInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.edits.updateCase(user, caseId, body, ifMatch, meta.ip);
    return this.cases.afterChange(user, caseId);
  }

  @Patch(':caseId/minor')
  @Contract({
    summary: "Edit the minor's profile through the case (If-Match: the case version). 412 stale, 428 without If-Match, 409 closed case",
    params: IdParamsSchema('caseId'),
    body: UpdateMinorSchema,
    response: CaseDetailSchema,
  })
  async updateMinor(
    @CurrentUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Body() body: UpdateMinorInput,
    @Headers('if-match') ifMatch: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.edits.updateMinor(user, caseId, body, ifMatch, meta.ip);
    return this.cases.afterChange(user, caseId);
  }

  @Get(':caseId/timeline')
  @Contract({
    summary: 'The case history, newest first (keyset pagination); external users see state changes, consents and edits of non-internal fields only',
    params: IdParamsSchema('caseId'),
    query: TimelineQuerySchema,
    response: TimelinePageSchema,
  })
  timeline(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Query() query: TimelineQuery, @ReqMeta() meta: RequestMeta) {
    return this.cases.timeline(user, caseId, query, meta.ip);
  }

  @Post(':caseId/transitions')
  @HttpCode(200)
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
