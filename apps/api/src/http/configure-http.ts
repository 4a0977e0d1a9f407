import { dirname } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiExceptionFilter } from './api-exception.filter';
import { BODY_LIMIT, TEXT_BODY_TYPES, parseJsonText } from './body-parsing';
import { correlationId } from './correlation-id';
import { serveWebApp } from './web-app';

/** swagger-ui-dist's files; resolved through package.json so its 1 MB bundle is never loaded into node. */
export const swaggerUiAssetsDir = (): string => dirname(require.resolve('swagger-ui-dist/package.json'));

/**
 * Everything the HTTP layer needs from the Express application; main.ts calls it before
 * `listen`, the tests call it too. Order matters: correlation id first (errors from the body
 * parser already carry one), then the body (5 MB, JSON and YAML read as text), then the filter.
 */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Says nothing an attacker should learn from every answer.
  express.disable('x-powered-by');
  express.use(correlationId);
  express.useBodyParser('text', { type: TEXT_BODY_TYPES, limit: BODY_LIMIT });
  express.use(parseJsonText);
  express.useGlobalFilters(new ApiExceptionFilter());
  express.useStaticAssets(swaggerUiAssetsDir(), { prefix: '/docs/assets/', index: false });
  // The web app under /app/ (docs/decisions/0007-web-app.md); `/` leads there.
  serveWebApp(express);
}
