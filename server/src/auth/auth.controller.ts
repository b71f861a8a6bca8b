import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CurrentUserSchema, LoginSchema, type CurrentUser as CurrentUserDto, type LoginInput } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract, Public } from '../common/route-metadata';
import { toCurrentUser } from './current-user.mapper';
import { LoginService } from './login.service';
import { SESSION_COOKIE, SessionService } from './session.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @Contract({ summary: 'Sign in with email and password; sets the session cookie', body: LoginSchema, response: CurrentUserSchema })
  async signIn(@Body() body: LoginInput, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<CurrentUserDto> {
    const { token, user } = await this.login.login(body, meta);
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
      maxAge: Math.floor(this.sessions.absoluteMs / 1000),
    });
    return toCurrentUser(user);
  }

  @Get('me')
  @Contract({ summary: 'The signed-in user', response: CurrentUserSchema })
  me(@CurrentUser() user: AuthUser): CurrentUserDto {
    return toCurrentUser(user);
  }

  @Post('logout')
  @HttpCode(204)
  @Contract({ summary: 'End the session server-side and clear the cookie' })
  async logout(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.destroy(request.sessionTokenHash!);
    await this.audit.append({ actor: user, action: 'LOGOUT', entityType: 'session', entityId: user.id, ip: request.ip });
    void reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
    void reply.header('clear-site-data', '"cache", "cookies"');
  }
}
