import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  CreateOrganisationSchema,
  CreateUserSchema,
  IdParamsSchema,
  OrganisationListSchema,
  OrganisationSchema,
  ResetPasswordSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSchema,
  type CreateOrganisationInput,
  type CreateUserInput,
  type ResetPasswordInput,
} from '@app/contracts';
import type { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { AdminService } from './admin.service';

const UserParams = IdParamsSchema('userId');

@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('organisations')
  @Contract({ summary: 'List organisations', response: OrganisationListSchema })
  listOrganisations() {
    return this.admin.listOrganisations();
  }

  @Post('organisations')
  @Contract({ summary: 'Create an organisation', body: CreateOrganisationSchema, response: OrganisationSchema, status: 201 })
  createOrganisation(@CurrentUser() user: AuthUser, @Body() body: CreateOrganisationInput, @ReqMeta() meta: RequestMeta) {
    return this.admin.createOrganisation(user, body, meta.ip);
  }

  @Get('users')
  @Contract({ summary: 'List users (keyset pagination)', query: UserListQuerySchema, response: UserPageSchema })
  listUsers(@Query() query: z.output<typeof UserListQuerySchema>) {
    return this.admin.listUsers(query);
  }

  @Post('users')
  @Contract({ summary: 'Create a user', body: CreateUserSchema, response: UserSchema, status: 201 })
  createUser(@CurrentUser() user: AuthUser, @Body() body: CreateUserInput, @ReqMeta() meta: RequestMeta) {
    return this.admin.createUser(user, body, meta.ip);
  }

  @Post('users/:userId/password')
  @HttpCode(204)
  @Contract({ summary: "Reset a user's password (ends their sessions)", params: UserParams, body: ResetPasswordSchema })
  resetPassword(@CurrentUser() user: AuthUser, @Param('userId') userId: string, @Body() body: ResetPasswordInput, @ReqMeta() meta: RequestMeta) {
    return this.admin.resetPassword(user, userId, body.password, meta.ip);
  }

  @Post('users/:userId/deactivate')
  @HttpCode(204)
  @Contract({ summary: 'Deactivate a user (ends their sessions)', params: UserParams })
  deactivate(@CurrentUser() user: AuthUser, @Param('userId') userId: string, @ReqMeta() meta: RequestMeta) {
    return this.admin.deactivate(user, userId, meta.ip);
  }
}
