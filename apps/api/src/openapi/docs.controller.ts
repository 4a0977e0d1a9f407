import { Controller, Header } from '@nestjs/common';
import { Route } from '../routes/route.decorators';
import { buildOpenApiDocument } from './openapi-document';

/** Swagger UI from swagger-ui-dist (assets served under /docs/assets/ by configureHttp), reading /openapi.json. */
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>planledger API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });</script>
</body>
</html>
`;

@Controller()
export class DocsController {
  /** Built once: the route table does not change while the process runs. */
  private readonly document = buildOpenApiDocument();

  @Route('openApiDocument')
  openApi() {
    return this.document;
  }

  @Route('docsPage')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return DOCS_PAGE;
  }
}
