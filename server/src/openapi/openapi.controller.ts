import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { Contract, Public } from '../common/route-metadata';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildOpenApi } from './openapi.builder';
import { RouteInventory } from './route-inventory';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

@Controller()
export class OpenApiController {
  private document?: Record<string, unknown>;

  constructor(
    private readonly inventory: RouteInventory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('openapi.json')
  @Public()
  @Contract({ summary: 'This OpenAPI 3.1 document', produces: 'application/json' })
  openApi(): Record<string, unknown> {
    this.document ??= buildOpenApi(this.inventory.list(), process.env.npm_package_version ?? '0.1.0');
    return this.document;
  }

  // A script-free page (the CSP forbids inline scripts): every operation with its schemas.
  @Get('docs')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Contract({ summary: 'Browsable API description (not served in production)', produces: 'text/html' })
  docs(): string {
    if (this.config.NODE_ENV === 'production') throw new AppError('NOT_FOUND', 'Not found');
    const document = this.openApi() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const sections = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => {
        const roles = op['x-roles'];
        return `<details><summary><code>${method.toUpperCase()} ${escapeHtml(path)}</code> — ${escapeHtml(String(op.summary))}
          <small>(${escapeHtml(Array.isArray(roles) ? roles.join(', ') : String(roles))})</small></summary>
          <pre>${escapeHtml(JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2))}</pre></details>`;
      }),
    );
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MSNA API</title>
      <style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}summary{cursor:pointer;padding:.3rem 0}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
      </head><body><h1>MSNA case management API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
      Mutating requests need <code>X-Requested-With: fetch</code>.</p>${sections.join('\n')}</body></html>`;
  }
}
