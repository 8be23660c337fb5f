import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';

import { registerApplicantRoutes } from './applicants/applicant.routes.js';
import { registerDocsRoutes } from './docs/routes.js';
import { registerExperienceRoutes } from './experiences/experience.routes.js';
import { registerHealthRoutes } from './health/routes.js';
import { registerJobRoutes } from './jobs/job.routes.js';
import { errorHandler } from './lib/http/error-handler.js';
import { requestContext } from './lib/http/request-context.js';
import { routeFallback } from './lib/http/route-fallback.js';
import type { AppState } from './lib/http/state.js';
import { registerSummaryRoutes } from './summary/summary.routes.js';

const CLIENT_DISCONNECT_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

type ApplicationError = NodeJS.ErrnoException & { expose?: boolean };

// A client that hangs up mid-request, or breaks HTTP (Node's parser codes start with HPE_), is
// routine, so such errors are not logged as the service's own.
function isClientFault(error: ApplicationError): boolean {
  const code = error.code ?? '';
  return Boolean(error.expose) || CLIENT_DISCONNECT_CODES.has(code) || code.startsWith('HPE_');
}

export interface AppOptions {
  logger: Logger;
}

/** Builds the Koa application: middleware and routes only, with no listening and no database. */
export function createApp({ logger }: AppOptions): Koa<AppState> {
  const app = new Koa<AppState>();
  // strict: false lets every path match with or without a trailing slash.
  const router = new Router<AppState>({ strict: false });
  registerHealthRoutes(router);
  registerDocsRoutes(router);
  registerJobRoutes(router);
  registerApplicantRoutes(router);
  registerExperienceRoutes(router);
  registerSummaryRoutes(router);

  app.use(requestContext(logger));
  app.use(errorHandler());
  app.use(routeFallback());
  app.use(router.routes());
  app.use(router.allowedMethods());

  // Errors that escape the middleware above, such as a failed response stream.
  app.on('error', (error: ApplicationError) => {
    if (isClientFault(error)) {
      logger.info({ err: error }, 'client connection failed');
    } else {
      logger.error({ err: error }, 'unhandled application error');
    }
  });
  return app;
}
