import { ApiErrorSchema } from '@app/contracts';
import { z } from 'zod';
import type { RouteInfo } from './route-inventory';

type JsonSchema = Record<string, unknown>;
const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parametersFor(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

// OpenAPI 3.1 from the route contracts (zod 4's JSON Schema output is draft 2020-12, which 3.1 uses).
export function buildOpenApi(routes: RouteInfo[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
  for (const route of routes) {
    const contract = route.contract;
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const status = String(contract?.status ?? (contract?.response || contract?.produces ? 200 : 204));
    const success: JsonSchema = { description: 'Success' };
    if (contract?.response) success.content = { 'application/json': { schema: toSchema(contract.response, 'output') } };
    else if (contract?.produces) success.content = { [contract.produces]: { schema: { type: 'string', format: 'binary' } } };
    const operation: JsonSchema = {
      operationId: `${route.controller}.${route.handler}`,
      summary: contract?.summary ?? route.handler,
      tags: [route.controller.replace(/Controller$/, '')],
      'x-roles': route.isPublic ? 'public' : route.roles ?? [],
      security: route.isPublic ? [] : [{ session: [] }],
      parameters: [...parametersFor(contract?.params, 'path'), ...parametersFor(contract?.query, 'query')],
      responses: { [status]: success, '400': error, ...(route.isPublic ? {} : { '401': error, '403': error }), '404': error },
    };
    if (contract?.body) operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(contract.body, 'input') } } };
    (paths[openApiPath] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MSNA case management API (IOM Rome)',
      version,
      description: 'Every mutating request must carry the header `X-Requested-With: fetch`. Errors share one shape: { code, message, details? }.',
    },
    paths,
    components: {
      schemas: { ApiError: toSchema(ApiErrorSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-sid' } },
    },
  };
}
