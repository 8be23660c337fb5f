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
  // Parses every JSON media type that the check below admits, such as application/ld+json.
  extendTypes: { json: ['application/*+json'] },
  jsonLimit: JSON_BODY_LIMIT,
  strict: false,
  onProtoPoisoning: 'ignore',
} as bodyParser.Options);

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

// The parser does not mark its own errors as safe to expose, so without this translation they
// would become a 500. They cover malformed JSON, a body that does not decompress as its
// Content-Encoding declares, and a Content-Encoding that the parser cannot decompress (marked 415).
async function parseJsonBody(ctx: Parameters<Middleware<AppState>>[0]): Promise<void> {
  try {
    await parseJson(ctx, async () => {});
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw ValidationError.forField('body', 'The request body is not valid JSON.');
    }
    if (isZlibError(error)) {
      const encoding = ctx.get('Content-Encoding');
      throw ValidationError.forField('body', `The request body is not valid ${encoding} data.`);
    }
    if ((error as { status?: unknown }).status === 415) {
      throw new UnsupportedMediaTypeError(
        `The Content-Encoding ${ctx.get('Content-Encoding')} is not supported. ` +
          'Send the body uncompressed, or compressed with gzip, deflate or br.',
      );
    }
    throw error;
  }
}

/**
 * Route middleware for requests that carry a body: requires a JSON content type (415
 * otherwise), parses it, and requires the result to be a JSON object (400 otherwise).
 */
export const jsonBody: Middleware<AppState> = async (ctx, next) => {
  // Media types are case-insensitive, so APPLICATION/JSON is JSON too.
  if (!/^application\/([\w.+-]+\+)?json$/.test(ctx.request.type.toLowerCase())) {
    throw new UnsupportedMediaTypeError();
  }

  await parseJsonBody(ctx);
  const body: unknown = ctx.request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw ValidationError.forField('body', 'The request body must be a JSON object.');
  }

  await next();
};
