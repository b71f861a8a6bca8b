import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { routeKey, routeRule, type AccessTarget } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { AuditService } from './audit.service';
import { AppError } from '../common/app-error';

// The path parameter that names each kind of target (access-matrix.ts).
const TARGET_PARAM: Record<Exclude<AccessTarget, 'none'>, string> = {
  case: 'caseId',
  report: 'reportId',
  document: 'documentId',
  tracing_request: 'tracingRequestId',
  task: 'taskId',
  disclosure: 'disclosureId',
  user: 'userId',
  return: 'caseId',
};

// Denied attempts are audited (security-and-performance §1 #40, §2.2 step 5). The route wall
// audits its own refusals (AUTHZ_DENIED, in the AccessGuard); this records the others: a row-wall
// refusal (404 for a resource outside the caller's relations, indistinguishable from a missing one)
// and a refusal a service decides (403 FORBIDDEN: a supervisor passing QA, say). Routes whose
// service writes its own *_ACCESS_DENIED row (auditsOwnDenials in the matrix) are left to it, so
// every refusal has exactly one audit row.
@Injectable()
export class DenialAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => from(this.record(context, error)).pipe(mergeMap(() => throwError(() => error)))));
  }

  private async record(context: ExecutionContext, error: unknown): Promise<void> {
    if (!(error instanceof AppError) || (error.code !== 'NOT_FOUND' && error.code !== 'FORBIDDEN')) return;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = request.user;
    if (!user) return;
    const route = routeKey(request.method, request.routeOptions?.url ?? '');
    const rule = routeRule(route);
    if (error.code === 'NOT_FOUND' && rule?.auditsOwnDenials) return;
    const params = (request.params ?? {}) as Record<string, string>;
    const targetParam = rule && rule.target !== 'none' ? TARGET_PARAM[rule.target] : undefined;
    // A returned minor is a case too: the DPO's access log of the case shows the refusal.
    const entityType = !rule || rule.target === 'none' ? 'route' : rule.target === 'return' ? 'case' : rule.target;
    const entityId = targetParam ? (params[targetParam] ?? null) : route;
    try {
      await this.audit.append({ actor: user, action: 'ACCESS_DENIED', entityType, entityId, detail: { route, code: error.code, params }, ip: request.ip });
    } catch {
      // The refusal stands even if its audit row cannot be written; the original error is answered.
    }
  }
}
