import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { AcknowledgeResultSchema, DisclosureReceiptListSchema, IdParamsSchema, InboxPageSchema, InboxQuerySchema, type InboxQuery } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { InboxService } from './inbox.service';

@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('inbox')
  @Contract({
    summary:
      'Reports released to the caller (as a person or through their organisation), newest first, with read and acknowledged status (?status=all|unread|unacknowledged, ?caseId=; keyset pagination). Open one with its pdfUrl (watermarked)',
    query: InboxQuerySchema,
    response: InboxPageSchema,
  })
  list(@CurrentUser() user: AuthUser, @Query() query: InboxQuery, @ReqMeta() meta: RequestMeta) {
    return this.inbox.list(user, query, meta.ip);
  }

  @Post('inbox/:disclosureId/acknowledge')
  @HttpCode(200)
  @Contract({
    summary: 'Acknowledge receipt of a report released to you (recorded once, with who and when, in the disclosure register; 404 for anything not addressed to you)',
    params: IdParamsSchema('disclosureId'),
    response: AcknowledgeResultSchema,
  })
  acknowledge(@CurrentUser() user: AuthUser, @Param('disclosureId') disclosureId: string, @ReqMeta() meta: RequestMeta) {
    return this.inbox.acknowledge(user, disclosureId, meta.ip);
  }

  @Get('cases/:caseId/disclosures')
  @Contract({
    summary: "The case's disclosure register with receipts: who each version went to, who read it (first download) and who acknowledged it, when",
    params: IdParamsSchema('caseId'),
    response: DisclosureReceiptListSchema,
  })
  receipts(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @ReqMeta() meta: RequestMeta) {
    return this.inbox.receipts(user, caseId, meta.ip);
  }
}
