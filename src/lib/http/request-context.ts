import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';

import type { AppState } from './state.js';

// A client's id is echoed only when it is short and printable, so it cannot forge log lines.
const ACCEPTED_REQUEST_ID = /^[\w.:@-]{1,128}$/;

/**
 * Gives each request an id (the client's `X-Request-Id` when acceptable, else a UUID), returns
 * it in the response header, and logs one line per request once the response status is final.
 */
export function requestContext(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const clientId = ctx.get('X-Request-Id');
    const requestId = ACCEPTED_REQUEST_ID.test(clientId) ? clientId : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const startedAt = performance.now();

    try {
      await next();
    } finally {
      ctx.state.log.info(
        {
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        },
        'request completed',
      );
    }
  };
}
