import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { z } from 'zod';

export const PUBLIC_KEY = 'route:public';
export const CONTRACT_KEY = 'route:contract';

export interface RouteContract {
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  // Documented success status (defaults: 200, or 204 when there is no response schema).
  status?: number;
  produces?: string;
}

// Who may call a route is said once: @Public(), or its entry in the authorisation matrix
// (contracts/src/access-matrix.ts, ROUTE_ACCESS), which the AccessGuard reads. A route with
// neither is refused to everyone, and the route-inventory test fails on it.
export const Public = () => SetMetadata(PUBLIC_KEY, true);
export const Contract = (contract: RouteContract) => applyDecorators(SetMetadata(CONTRACT_KEY, contract));
