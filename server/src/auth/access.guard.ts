import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { routeKey, routeRule, type Role } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { PUBLIC_KEY, ROLES_KEY } from '../common/route-metadata';
import { SESSION_COOKIE, SessionService } from './session.service';

// Global guard, deny by default: a route without @Public() needs a live session, and a route
// that declares no roles is refused to everyone, as is a role the authorisation matrix does not
// list for the route.
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    request.user = session.user;
    request.sessionTokenHash = session.tokenHash;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // The authorisation matrix (contracts/src/access-matrix.ts) must allow the role too: a role
    // added to @Roles() without a matrix entry stays refused.
    const rule = routeRule(routeKey(request.method, request.routeOptions?.url ?? ''));
    if (!roles?.includes(session.user.role) || (rule && !rule.allow[session.user.role])) {
      await this.audit.append({
        actor: session.user,
        action: 'AUTHZ_DENIED',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions?.url ?? ''}`,
        ip: request.ip,
      });
      throw new AppError('FORBIDDEN', 'Your role does not allow this action');
    }
    return true;
  }
}
