import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where the web app lives (docs/decisions/0007-web-app.md): API routes keep the root paths. */
export const WEB_APP_PREFIX = '/app';

/** apps/web/dist, found upwards from this file (it runs from the sources in tests, from dist/ in the service). */
export function findWebDist(from = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'apps', 'web', 'vite.config.mjs'))) return join(dir, 'apps', 'web', 'dist');
    if (dirname(dir) === dir) return null;
  }
}

// antd writes its styles at run time (inline <style>): style-src needs 'unsafe-inline'; scripts only from here.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
  "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json; charset=utf-8',
};

/** Which precompressed copy (scripts/build-web.cjs makes x.br and x.gz beside x) the request accepts: br, then gzip. */
export function acceptedEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    if (name) accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Hashed assets with a precompressed copy: the .br or .gz the browser accepts, with
 * Content-Encoding and Vary: Accept-Encoding (issue 11: 400 KB gzipped instead of 1.3 MB raw).
 * Anything else falls through to the plain static files.
 */
function precompressedAssets(assetsDir: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const type = ASSET_TYPES[extname(req.path)];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || req.path.includes('..')) return next();
    res.setHeader('vary', 'Accept-Encoding');
    const encoding = acceptedEncoding(req.headers['accept-encoding']);
    const file = encoding && join(assetsDir, `${req.path}.${encoding === 'br' ? 'br' : 'gz'}`);
    if (!file || !existsSync(file)) return next();
    res.setHeader('content-encoding', encoding);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-type', type);
    res.setHeader('cache-control', IMMUTABLE);
    res.sendFile(file, { cacheControl: false, lastModified: false }, (error) => {
      if (error && !res.headersSent) next();
    });
  };
}

/**
 * Serves the built web app: hashed assets under /app/assets/ as immutable, index.html (never
 * cached) for every other /app/* path so that a deep link survives a reload, and `/` → 302 /app/.
 * Without a build, /app/ answers 503 saying how to build it (npm start builds it when stale).
 */
export function serveWebApp(app: NestExpressApplication, distDir: string | null = findWebDist()): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && (req.path === '/' || req.path === WEB_APP_PREFIX)) return res.redirect(302, `${WEB_APP_PREFIX}/`);
    next();
  });
  if (distDir && existsSync(distDir)) {
    app.use(`${WEB_APP_PREFIX}/assets`, precompressedAssets(join(distDir, 'assets')));
    app.useStaticAssets(distDir, {
      prefix: `${WEB_APP_PREFIX}/`,
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('cache-control', path.startsWith(join(distDir, 'assets')) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.use(WEB_APP_PREFIX, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing hashed asset is a 404, not the page (a stale tab asking for an old bundle).
    if (req.path.startsWith('/assets/')) return res.status(404).type('text/plain').send('not found\n');
    const index = distDir && join(distDir, 'index.html');
    if (!index || !existsSync(index)) {
      return res.status(503).type('text/plain').send('The web app is not built: run `npm run web:build` (npm start builds it when its sources changed).\n');
    }
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.sendFile(index);
  });
}
