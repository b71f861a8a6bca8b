import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  IdParamsSchema,
  AssignCaseSchema,
  CaseAssignmentSchema,
  IncomingRequestPageSchema,
  IncomingRequestQuerySchema,
  PortalTracingRequestResultSchema,
  PortalTracingRequestSchema,
  type AssignCaseInput,
  type IncomingRequestQuery,
  type PortalTracingRequestInput,
} from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { IntakeRequestsService } from './intake-requests.service';

const CaseParams = IdParamsSchema('caseId');

// Requests from social services (a family-tracing request from the portal) and the supervisor's
// queue of incoming requests, with assignment to a caseworker.
@Controller()
export class IntakeRequestsController {
  constructor(private readonly intake: IntakeRequestsService) {}

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
}
