import type { Middleware } from 'koa';

import { toProblemResponse } from './problem.js';
import type { AppState } from './state.js';

/**
 * Turns every error thrown below it into an `application/problem+json` response, and logs the
 * server-side ones (5xx) with their stack. Client errors are logged only by the request line.
 */
export function errorHandler(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const { problem, headers } = toProblemResponse(error);
      if (problem.status >= 500) {
        ctx.state.log.error({ err: error, status: problem.status }, 'request failed');
      }

      ctx.status = problem.status;
      ctx.set(headers);
      ctx.type = 'application/problem+json';
      ctx.body = problem;
    }
  };
}
