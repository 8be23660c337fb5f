import bodyParser from 'koa-bodyparser';
import type { Middleware } from 'koa';

import { UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import type { AppState } from './state.js';

export const JSON_BODY_LIMIT = '100kb';

const parseJson = bodyParser({ enableTypes: ['json'], jsonLimit: JSON_BODY_LIMIT, strict: true });

/**
 * Route middleware for requests that carry a body: requires a JSON content type (415
 * otherwise), parses it, and requires the result to be a JSON object (400 otherwise).
 */
export const jsonBody: Middleware<AppState> = async (ctx, next) => {
  if (!/^application\/([\w.+-]+\+)?json$/.test(ctx.request.type)) {
    throw new UnsupportedMediaTypeError();
  }

  await parseJson(ctx, async () => {});
  const body: unknown = ctx.request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw ValidationError.forField('body', 'The request body must be a JSON object.');
  }

  await next();
};
