import { createReadStream } from 'node:fs';
import { extname, join } from 'node:path';
import type Router from '@koa/router';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

import { NotFoundError } from '../lib/errors.js';
import type { AppState } from '../lib/http/state.js';
import { openApiDocument } from './openapi.js';

const SWAGGER_UI_DIRECTORY = getAbsoluteFSPath();

// Only these files of swagger-ui-dist are served, so a path can never reach anything else.
const SWAGGER_UI_ASSETS = new Set([
  'swagger-ui.css',
  'index.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
]);

const DOCS_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Job applicant API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css">
    <link rel="stylesheet" href="/docs/index.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-standalone-preset.js"></script>
    <script src="/docs/initializer.js"></script>
  </body>
</html>
`;

const INITIALIZER = `window.onload = () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

/** `GET /openapi.json`, and a Swagger UI page at `GET /docs/` that tries requests in a browser. */
export function registerDocsRoutes(router: Router<AppState>): void {
  router.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument;
  });

  router.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = DOCS_PAGE;
  });

  router.get('/docs/initializer.js', (ctx) => {
    ctx.type = 'text/javascript';
    ctx.body = INITIALIZER;
  });

  router.get('/docs/:asset', (ctx) => {
    const { asset } = ctx.params;
    if (!asset || !SWAGGER_UI_ASSETS.has(asset)) {
      throw new NotFoundError(`No documentation file is named ${asset}.`);
    }
    ctx.type = extname(asset);
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = createReadStream(join(SWAGGER_UI_DIRECTORY, asset));
  });
}
