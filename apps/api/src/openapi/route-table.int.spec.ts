import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { expressPath, routeEntries } from '../routes/route-table';

let api: ApiTestApp;
beforeAll(async () => {
  api = await startApiTestApp();
});
afterAll(async () => {
  await api?.close();
});

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** What Express actually serves: every route layer of the router (middleware and static files are not routes). */
function registeredRoutes(): string[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((method) => `${method.toUpperCase()} ${layer.route!.path}`))
    .sort();
}

describe('route table, OpenAPI document and the app agree', () => {
  it('every route the app registers is in the route table, and every table entry is registered', () => {
    const table = routeEntries().map(([, spec]) => `${spec.method.toUpperCase()} ${expressPath(spec.path)}`).sort();
    expect(registeredRoutes()).toEqual(table);
  });

  it('/openapi.json is OpenAPI 3.1 and documents every registered route', async () => {
    const response = await call(api.url, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${expressPath(path)}`))
      .sort();
    expect(documented).toEqual(registeredRoutes());
  });

  it('documents request schemas from the zod schemas', async () => {
    const { body } = await call(api.url, 'GET', '/openapi.json');
    const progress = body.paths['/assignments/{id}/progress'].post;
    expect(progress.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['note'], additionalProperties: false });
    expect(progress.parameters).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'planId', in: 'query', required: false }),
      expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }),
    ]));
    // Who acts comes from the bearer token: public routes say so with an empty security list.
    expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(progress.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(progress.responses).toHaveProperty('401');
    expect(body.paths['/health'].get.security).toEqual([]);
    expect(Object.keys(body.paths['/plans'].post.requestBody.content)).toEqual(['text/yaml', 'application/yaml', 'application/json']);
    expect(body.paths['/plans/{id}/publish'].post.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
  });

  it('serves the Swagger UI page and its assets under /docs', async () => {
    const page = await call(api.url, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('/openapi.json');
    const css = await fetch(`${api.url}/docs/assets/swagger-ui.css`);
    expect(css.status).toBe(200);
  });
});
