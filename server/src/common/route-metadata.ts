import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { Role } from '@app/contracts';
import type { z } from 'zod';

export const PUBLIC_KEY = 'route:public';
export const ROLES_KEY = 'route:roles';
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

// Every route declares who may call it: either @Public() or @Roles(...). The route-inventory test
// fails on any route that declares neither.
export const Public = () => SetMetadata(PUBLIC_KEY, true);
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);
export const Contract = (contract: RouteContract) => applyDecorators(SetMetadata(CONTRACT_KEY, contract));
