import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { routeKey, routeRoles } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { PUBLIC_KEY } from '../common/route-metadata';
import { SESSION_COOKIE, SessionService } from './session.service';

// Global guard, deny by default: a route without @Public() needs a live session, and its roles are
// the authorisation matrix's (contracts/src/access-matrix.ts), declared nowhere else: a route the
// matrix does not list is refused to everyone, as is a role it does not list for the route.
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

    // Read on every request (not cached at start-up): the matrix is the policy.
    const roles = routeRoles(routeKey(request.method, request.routeOptions?.url ?? ''));
    if (!roles.includes(session.user.role)) {
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
