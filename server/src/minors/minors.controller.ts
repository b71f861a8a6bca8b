import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { MinorSearchRequestSchema, MinorSearchResponseSchema, type MinorSearchRequest } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { MinorSearchService } from './minor-search.service';

@Controller('minors')
export class MinorsController {
  constructor(private readonly search: MinorSearchService) {}

  // POST with the name in the body: names never travel in URLs (query strings are refused).
  @Post('search')
  @HttpCode(200)
  @Contract({
    summary: 'Likely duplicates of a person across transliterations, aliases and name order, ranked with the reasons (name similarity, phonetic key, date of birth)',
    body: MinorSearchRequestSchema,
    response: MinorSearchResponseSchema,
  })
  find(@CurrentUser() user: AuthUser, @Body() body: MinorSearchRequest, @ReqMeta() meta: RequestMeta) {
    return this.search.search(user, body, meta.ip);
  }
}
