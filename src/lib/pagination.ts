import Joi from 'joi';

import { defineFieldNames } from './input/fields.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** The page of a sorted list that a request selects: its size and its first index. */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** The body of every list response. */
export interface Page<T> extends PageRequest {
  items: T[];
  /** The number of matching items across all pages. */
  total: number;
}

const DIGITS = /^\d{1,16}$/;

// Query values arrive as text. Only plain digits count, so `1.0`, `1e2`, `-0` and ` 5` fail,
// which joi's number conversion would accept.
function integerParameter(min: number, max: number, message: string): Joi.Schema {
  return Joi.any()
    .custom((value: unknown, helpers) => {
      const number = typeof value === 'string' && DIGITS.test(value) ? Number(value) : NaN;
      return number >= min && number <= max ? number : helpers.error('integer.invalid');
    })
    .messages({ 'integer.invalid': message });
}

export const PAGINATION_FIELD_NAMES = defineFieldNames({ limit: 'limit', offset: 'offset' });

/** The joi keys for `limit` and `offset`, to spread into a list's query schema. */
export const paginationKeys = {
  limit: integerParameter(
    1,
    MAX_LIMIT,
    `{{#label}} must be an integer from 1 to ${MAX_LIMIT}.`,
  ).default(DEFAULT_LIMIT),
  offset: integerParameter(
    0,
    Number.MAX_SAFE_INTEGER,
    '{{#label}} must be an integer of 0 or more.',
  ).default(0),
};

/** Builds a list response body from one page of items and the total count. */
export function toPage<T>(items: T[], total: number, { limit, offset }: PageRequest): Page<T> {
  return { items, total, limit, offset };
}
