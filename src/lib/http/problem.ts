import { STATUS_CODES } from 'node:http';
import Joi from 'joi';
import mongoose from 'mongoose';

import { HttpError, ValidationError, type FieldError } from '../errors.js';
import { JSON_BODY_LIMIT } from './json-body.js';

/** An RFC 9457 problem details object, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
}

interface ProblemParts {
  status: number;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

const DATABASE_UNAVAILABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

// Errors from koa-bodyparser (raw-body and co-body), distinguished by their `type`.
const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': `The request body is larger than the limit of ${JSON_BODY_LIMIT}.`,
  'entity.verify.failed': 'The request body could not be verified.',
  'encoding.unsupported': 'The request body has an unsupported Content-Encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was aborted before its body arrived.',
  'request.size.invalid': 'The request body does not match its Content-Length.',
};

type ErrorMapping = [matches: (error: unknown) => boolean, toParts: (error: never) => ProblemParts];

/**
 * The one table from errors to responses, checked in order. Anything not listed here becomes a
 * 500 whose detail does not reveal the cause.
 */
const ERROR_MAPPINGS: ErrorMapping[] = [
  [(error) => error instanceof ValidationError, fromValidationError],
  [(error) => error instanceof HttpError, fromHttpError],
  [(error) => Joi.isError(error), fromJoiError],
  [(error) => error instanceof mongoose.Error.ValidationError, fromMongooseValidationError],
  [(error) => error instanceof mongoose.Error.CastError, fromCastError],
  [isDuplicateKeyError, () => conflict()],
  [isDatabaseUnavailable, () => unavailable()],
  [isBodyParserError, fromBodyParserError],
];

function fromValidationError(error: ValidationError): ProblemParts {
  return { status: 400, detail: error.message, errors: error.errors };
}

function fromHttpError(error: HttpError): ProblemParts {
  return { status: error.status, detail: error.message, headers: error.headers };
}

function fromJoiError(error: Joi.ValidationError): ProblemParts {
  const errors = error.details.map((item) => ({
    field: item.path.join('.') || 'body',
    message: item.message,
  }));
  return { status: 400, detail: 'The request contains invalid fields.', errors };
}

function fromMongooseValidationError(error: mongoose.Error.ValidationError): ProblemParts {
  const errors = Object.entries(error.errors).map(([field, item]) => ({
    field,
    message: item instanceof mongoose.Error.CastError ? `${field} is invalid.` : item.message,
  }));
  return { status: 400, detail: 'The request contains invalid fields.', errors };
}

function fromCastError(error: mongoose.Error.CastError): ProblemParts {
  if (error.path === '_id') {
    return { status: 404, detail: 'No resource has that id.' };
  }
  const errors = [{ field: error.path, message: `${error.path} is invalid.` }];
  return { status: 400, detail: 'The request contains invalid fields.', errors };
}

function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

function conflict(): ProblemParts {
  return { status: 409, detail: 'A resource with the same unique fields already exists.' };
}

function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof Error && DATABASE_UNAVAILABLE_ERRORS.has(error.name);
}

function unavailable(): ProblemParts {
  const detail = 'The database is unavailable. Try again shortly.';
  return { status: 503, detail, headers: { 'Retry-After': '5' } };
}

interface BodyParserError {
  status: number;
  type: string;
  expose: boolean;
}

function isBodyParserError(error: unknown): boolean {
  const candidate = error as Partial<BodyParserError> | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    candidate.expose === true
  );
}

function fromBodyParserError(error: BodyParserError): ProblemParts {
  const detail = BODY_PARSER_DETAILS[error.type] ?? STATUS_CODES[error.status] ?? 'Bad request.';
  const errors = error.status === 400 ? [{ field: 'body', message: detail }] : undefined;
  return { status: error.status, detail, errors };
}

function internal(): ProblemParts {
  return { status: 500, detail: 'An unexpected error occurred. It has been logged.' };
}

/** Maps any thrown value to the problem response the client gets. */
export function toProblemResponse(error: unknown): ProblemResponse {
  const mapping = ERROR_MAPPINGS.find(([matches]) => matches(error));
  const parts = mapping ? mapping[1](error as never) : internal();

  const problem: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[parts.status] ?? 'Error',
    status: parts.status,
    detail: parts.detail,
  };
  if (parts.errors) {
    problem.errors = parts.errors;
  }
  return { problem, headers: parts.headers ?? {} };
}
