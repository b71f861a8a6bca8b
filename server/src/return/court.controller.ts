import { Body, Controller, Get, Param, Post, Put, Req } from '@nestjs/common';
import {
  AttachDecreeSchema,
  CourtDecisionSchema,
  CourtFileSchema,
  CourtHearingSchema,
  CourtProceedingSchema,
  CreateCourtProceedingSchema,
  DocumentSchema,
  IdSchema,
  RecordCourtDecisionSchema,
  RecordHearingSchema,
  RecordProsieguoSchema,
  ScheduleHearingSchema,
  type AttachDecreeInput,
  type CreateCourtProceedingInput,
  type RecordCourtDecisionInput,
  type RecordHearingInput,
  type RecordProsieguoInput,
  type ScheduleHearingInput,
} from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { readSingleFileUpload } from '../documents/multipart';
import { CourtService } from './court.service';

const CaseParams = z.strictObject({ caseId: IdSchema });
const ProceedingParams = z.strictObject({ caseId: IdSchema, proceedingId: IdSchema });
const HearingParams = z.strictObject({ caseId: IdSchema, hearingId: IdSchema });
const DecisionParams = z.strictObject({ caseId: IdSchema, decisionId: IdSchema });
// The court's clerks act through a live `court` grant of their own court; IOM staff from the acts
// received. IOM records the filing (it does not file the petition).

@Controller('cases/:caseId/court')
export class CourtController {
  constructor(private readonly court: CourtService) {}

  @Get()
  @Contract({ summary: 'The proceedings before the juvenile court with hearings and decisions (a court user: their own court’s)', params: CaseParams, response: CourtFileSchema })
  file(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.court.file(user, caseId, meta.ip);
  }

  @Post('proceedings')
  @Contract({
    summary: 'Record the filing of the art. 8 return petition: court, docket number, who filed it, the documents before the court (the court’s clerks need a live court grant on the case)',
    params: CaseParams,
    body: CreateCourtProceedingSchema,
    response: CourtProceedingSchema,
    status: 201,
  })
  createProceeding(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateCourtProceedingInput, @ReqMeta() meta: RequestMeta) {
    return this.court.createProceeding(user, caseId, body, meta.ip);
  }

  @Post('proceedings/:proceedingId/hearings')
  @Contract({ summary: 'Schedule a hearing (a task for the caseworker)', params: ProceedingParams, body: ScheduleHearingSchema, response: CourtHearingSchema, status: 201 })
  scheduleHearing(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('proceedingId') proceedingId: string, @Body() body: ScheduleHearingInput, @ReqMeta() meta: RequestMeta) {
    return this.court.scheduleHearing(user, caseId, proceedingId, body, meta.ip);
  }

  @Put('hearings/:hearingId')
  @Contract({ summary: 'Record what happened at a hearing: the minor heard, the guardian heard, the interpreter', params: HearingParams, body: RecordHearingSchema, response: CourtHearingSchema })
  recordHearing(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('hearingId') hearingId: string, @Body() body: RecordHearingInput, @ReqMeta() meta: RequestMeta) {
    return this.court.recordHearing(user, caseId, hearingId, body, meta.ip);
  }

  @Post('decrees')
  @Contract({
    summary:
      'Upload a decree (a document of type COURT_DECREE). multipart/form-data: one file in "file" (PDF, PNG, JPEG, DOCX or ODT, checked by content) and the fields title, language, type? (COURT_DECREE), sensitivity?, origin?',
    params: CaseParams,
    response: DocumentSchema,
    status: 201,
  })
  async uploadDecree(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Req() request: FastifyRequest, @ReqMeta() meta: RequestMeta) {
    return this.court.uploadDecree(user, caseId, await readSingleFileUpload(request), meta.ip);
  }

  @Post('proceedings/:proceedingId/decision')
  @Contract({ summary: 'Record the decision on the return petition (return ordered or rejected), with its decree now or later', params: ProceedingParams, body: RecordCourtDecisionSchema, response: CourtDecisionSchema, status: 201 })
  recordDecision(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('proceedingId') proceedingId: string, @Body() body: RecordCourtDecisionInput, @ReqMeta() meta: RequestMeta) {
    return this.court.recordDecision(user, caseId, proceedingId, body, meta.ip);
  }

  @Put('decisions/:decisionId/decree')
  @Contract({ summary: 'Attach the decree to a decision recorded without it (once)', params: DecisionParams, body: AttachDecreeSchema, response: CourtDecisionSchema })
  attachDecree(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Param('decisionId') decisionId: string, @Body() body: AttachDecreeInput, @ReqMeta() meta: RequestMeta) {
    return this.court.attachDecree(user, caseId, decisionId, body, meta.ip);
  }

  @Post('prosieguo')
  @Contract({
    summary: 'Record a continuation of support after 18 (prosieguo, art. 13) from the court’s decree: sets the minor’s prosieguo end (after the 18th, no later than the 21st birthday; 400 otherwise)',
    params: CaseParams,
    body: RecordProsieguoSchema,
    response: CourtDecisionSchema,
    status: 201,
  })
  prosieguo(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: RecordProsieguoInput, @ReqMeta() meta: RequestMeta) {
    return this.court.recordProsieguo(user, caseId, body, meta.ip);
  }
}
