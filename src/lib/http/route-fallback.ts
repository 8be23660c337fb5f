import { STATUS_CODES } from 'node:http';
import type { Middleware } from 'koa';

import { HttpError, MethodNotAllowedError, NotFoundError } from '../errors.js';
import type { AppState } from './state.js';

/**
 * Completes what the routers leave bodiless: an unmatched path becomes a 404 problem, a known
 * path with the wrong method a 405 problem with `Allow`, and `OPTIONS` a 204 with `Allow`.
 * Belongs between the error handler and the routers.
 */
export function routeFallback(): Middleware<AppState> {
  return async (ctx, next) => {
    await next();
    const allowed = ctx.response.get('Allow');
    // The router responds to OPTIONS itself, with 200 and an empty string body.
    if (ctx.method === 'OPTIONS' && ctx.status === 200 && allowed && !ctx.body) {
      ctx.status = 204;
      return;
    }
    if (ctx.body != null) {
      return;
    }

    // The router responds to a method it does not know at all, such as PROPFIND, with 501. On a
    // path that exists, that is one more method the resource does not allow.
    if (ctx.status === 405 || (ctx.status === 501 && allowed)) {
      throw new MethodNotAllowedError(ctx.method, allowed);
    } else if (ctx.status === 404) {
      throw new NotFoundError(`No route matches ${ctx.method} ${ctx.path}.`);
    } else if (ctx.status >= 400) {
      throw new HttpError(ctx.status, STATUS_CODES[ctx.status] ?? 'Request failed.');
    }
  };
}
