import { Injectable, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { routeKey, routeRoles, type Role } from '@app/contracts';
import { CONTRACT_KEY, PUBLIC_KEY, type RouteContract } from '../common/route-metadata';

export const API_PREFIX = 'api';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  contract: RouteContract | undefined;
}

const joinPath = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

// Every route the Nest app serves, with what it declares. Drives the OpenAPI document and the
// route-inventory test (no route without a declared audience: @Public() or a matrix entry).
@Injectable()
export class RouteInventory {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  list(): RouteInfo[] {
    const routes: RouteInfo[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const classPath: string = Reflect.getMetadata('path', wrapper.metatype) ?? '';
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as object;
        const methodPath: string | undefined = Reflect.getMetadata('path', handler);
        const method: RequestMethod | undefined = Reflect.getMetadata('method', handler);
        if (methodPath === undefined || method === undefined) continue;
        const targets = [handler as () => void, wrapper.metatype];
        const path = joinPath(API_PREFIX, classPath, methodPath);
        const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
        routes.push({
          method: RequestMethod[method],
          path,
          controller: wrapper.metatype.name,
          handler: name,
          isPublic,
          // The authorisation matrix's roles for the route (the one place they are declared).
          roles: isPublic ? undefined : routeRoles(routeKey(RequestMethod[method], path)),
          contract: this.reflector.get<RouteContract | undefined>(CONTRACT_KEY, handler as () => void),
        });
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}
