import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule, type AppOptions } from './app.module';
import { Clock } from './common/clock';
import { CLIENT_DIST } from './common/paths';
import type { AppConfig } from './config/app-config';
import { API_PREFIX } from './openapi/route-inventory';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_BODY_LIMIT = 1024 * 1024;

const LOG_LEVELS: Record<AppConfig['LOG_LEVEL'], LogLevel[] | false> = {
  silent: false,
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

// CSRF defence on top of SameSite=Strict: every mutating API call must carry the SPA's custom
// header (a cross-site form cannot set it) and must not come from a foreign origin.
function csrfCheck(config: AppConfig) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // Every unsafe method, whatever the path: matching on the raw URL would let an encoded path
    // (/%61pi/…) that the router decodes to /api/… slip past.
    if (SAFE_METHODS.has(request.method)) return;
    const expected = config.PUBLIC_ORIGIN ?? `${request.protocol}://${request.headers.host ?? ''}`;
    const origin = request.headers.origin;
    const foreign = (origin !== undefined && origin !== expected) || request.headers['sec-fetch-site'] === 'cross-site';
    if (request.headers['x-requested-with'] !== 'fetch' || foreign) {
      return reply
        .status(403)
        .header('content-type', 'application/json; charset=utf-8')
        .send({ code: 'CSRF_REJECTED', message: 'Request refused: missing X-Requested-With header or foreign origin' });
    }
  };
}

export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({ bodyLimit: JSON_BODY_LIMIT, trustProxy: config.TRUST_PROXY, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: LOG_LEVELS[config.LOG_LEVEL],
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  await app.register(fastifyCookie);
  // Document uploads (multipart/form-data): one file up to MAX_UPLOAD_MB and a few short text
  // fields; any limit exceeded answers 413 with nothing stored. JSON bodies keep the 1 MB limit.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 10, fieldSize: 4096, fieldNameSize: 100, parts: 12, headerPairs: 20 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', csrfCheck(config));
  // Answers carry personal data: never cache them. Only the SPA's own files (which set their own
  // cache-control) are cacheable.
  // The app's clock (TEST_NOW outside production): the SPA takes "now" and "today" from it, so a
  // demo on a chosen day shows that day in the browser too (client/src/lib/clock.ts).
  const clock = app.get(Clock);
  fastify.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    void reply.header('x-app-now', clock.now().toISOString());
  });

  const indexFile = join(CLIENT_DIST, 'index.html');
  if (existsSync(indexFile)) {
    const indexHtml = readFileSync(indexFile);
    await app.register(fastifyStatic, {
      root: CLIENT_DIST,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        void res.header('cache-control', path.includes(`${join(CLIENT_DIST, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Deep links (/cases/123) get the SPA; unknown API paths and missing assets keep a real 404.
    fastify.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml));
    fastify.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      if (wantsHtml && path !== '/' && !path.startsWith(`/${API_PREFIX}/`) && !path.startsWith('/assets/') && !path.includes('.')) {
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
      }
    });
  }

  await app.init();
  await fastify.ready();
  return app;
}
