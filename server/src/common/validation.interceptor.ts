import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { CONTRACT_KEY, type RouteContract } from './route-metadata';
import { parseOrThrow } from './validation';

const emptyObject = z.strictObject({});

// Validates params, query and body against the route's contract before the handler runs, and
// replaces them with the parsed values (defaults and coercions applied, unknown keys rejected).
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const contract = this.reflector.get<RouteContract | undefined>(CONTRACT_KEY, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const mutable = request as unknown as { params: unknown; query: unknown; body: unknown };
    mutable.params = parseOrThrow(contract?.params ?? emptyObject, request.params ?? {}, 'params');
    mutable.query = parseOrThrow(contract?.query ?? emptyObject, request.query ?? {}, 'query');
    const hasBody = request.body !== undefined && request.body !== null;
    if (contract?.body) mutable.body = parseOrThrow(contract.body, request.body, 'body');
    else if (hasBody && !String(request.headers['content-type'] ?? '').startsWith('multipart/')) mutable.body = parseOrThrow(emptyObject, request.body, 'body');
    return next.handle();
  }
}
