import { Controller, Get, Query, Res } from '@nestjs/common';
import { StatsQuerySchema, StatsReportSchema, type StatsQuery } from '@app/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { StatsService } from './stats.service';

@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Contract({
    summary:
      "The unit's figures (domain §6) for a period (?from=&to=, inclusive days; default the last twelve months), broken down by ?breakdown=none|nationality|region|sex|ageGroup|period (?period=month|quarter|year). Counts only; cells under the small-cell threshold are suppressed",
    query: StatsQuerySchema,
    response: StatsReportSchema,
  })
  report(@CurrentUser() user: AuthUser, @Query() query: StatsQuery, @ReqMeta() meta: RequestMeta) {
    return this.stats.report(user, query, meta.ip);
  }

  @Get('export')
  @Contract({ summary: 'The same figures as CSV (one line per group and a TOTAL line; suppressed cells read "suppressed"); audited', query: StatsQuerySchema, produces: 'text/csv' })
  async export(@CurrentUser() user: AuthUser, @Query() query: StatsQuery, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { csv, fileName } = await this.stats.csv(user, query, meta.ip);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`);
    return csv;
  }
}
