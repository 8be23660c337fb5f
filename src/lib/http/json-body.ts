import bodyParser from 'koa-bodyparser';
import type { Middleware } from 'koa';

import { UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import type { AppState } from './state.js';

export const JSON_BODY_LIMIT = '100kb';

// strict: false parses any JSON value, so that a string or number body gets the message below
// rather than a parse error. With onProtoPoisoning 'ignore', a `__proto__` key stays the own key
// that JSON.parse makes, and input validation rejects it by name. The default, 'error', would
// reject the whole body as malformed instead.
const parseJson = bodyParser({
  enableTypes: ['json'],
  jsonLimit: JSON_BODY_LIMIT,
  strict: false,
  onProtoPoisoning: 'ignore',
} as bodyParser.Options);

// co-body marks its parse errors with status 400 but not as safe to expose, so they would
// otherwise become a 500.
async function parseJsonBody(ctx: Parameters<Middleware<AppState>>[0]): Promise<void> {
  try {
    await parseJson(ctx, async () => {});
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw ValidationError.forField('body', 'The request body is not valid JSON.');
    }
    throw error;
  }
}

/**
 * Route middleware for requests that carry a body: requires a JSON content type (415
 * otherwise), parses it, and requires the result to be a JSON object (400 otherwise).
 */
export const jsonBody: Middleware<AppState> = async (ctx, next) => {
  if (!/^application\/([\w.+-]+\+)?json$/.test(ctx.request.type)) {
    throw new UnsupportedMediaTypeError();
  }

  await parseJsonBody(ctx);
  const body: unknown = ctx.request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw ValidationError.forField('body', 'The request body must be a JSON object.');
  }

  await next();
};
