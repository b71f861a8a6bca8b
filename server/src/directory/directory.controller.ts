import { Controller, Get, Query } from '@nestjs/common';
import {
  DirectoryOrganisationListSchema,
  DirectoryOrganisationsQuerySchema,
  DirectoryUserListSchema,
  DirectoryUsersQuerySchema,
  type DirectoryOrganisationsQuery,
  type DirectoryUsersQuery,
} from '@app/contracts';
import { Contract } from '../common/route-metadata';
import { DirectoryService } from './directory.service';

// IOM staff only (the admin routes are for administrators): id, name and type, nothing more.
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('organisations')
  @Contract({ summary: 'Organisations for the intake pick lists, optionally of one type', query: DirectoryOrganisationsQuerySchema, response: DirectoryOrganisationListSchema })
  organisations(@Query() query: DirectoryOrganisationsQuery) {
    return this.directory.organisations(query);
  }

  @Get('users')
  @Contract({ summary: 'Active guardians or caseworkers for the intake pick lists', query: DirectoryUsersQuerySchema, response: DirectoryUserListSchema })
  users(@Query() query: DirectoryUsersQuery) {
    return this.directory.users(query);
  }
}
