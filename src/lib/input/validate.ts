import type Joi from 'joi';

import { ValidationError, type FieldError } from '../errors.js';
import { canonicalizeKeys, type FieldNames } from './fields.js';

// Messages for the joi rules that the schemas use, worded like the API's other messages.
const MESSAGES: Joi.LanguageMessages = {
  'any.required': '{{#label}} is required.',
  'string.base': '{{#label}} must be a string.',
  'string.empty': '{{#label}} must not be empty.',
  'string.max': '{{#label}} must be at most {{#limit}} characters long.',
  'string.email': '{{#label}} must be a valid email address.',
  'object.min': 'The request body must contain at least one field.',
};

const VALIDATION_OPTIONS: Joi.ValidationOptions = {
  abortEarly: false,
  convert: true,
  errors: { wrap: { label: false } },
  messages: MESSAGES,
};

function toFieldErrors(details: Joi.ValidationErrorItem[], requestKeys: Map<string, string>) {
  return details.map((detail): FieldError => {
    const key = detail.path[0];
    if (key === undefined) {
      return { field: 'body', message: detail.message };
    }
    const field = requestKeys.get(String(key)) ?? detail.context?.label ?? String(key);
    return { field, message: detail.message };
  });
}

/**
 * Validates a parsed JSON body or query string against a joi schema whose keys are the internal
 * keys of `fieldNames` and whose labels are the documented names, and returns the converted
 * value. Throws one ValidationError that lists every rejected key and every invalid value, each
 * named by the key that the request used.
 */
export function validateInput<T>(
  schema: Joi.ObjectSchema<T>,
  source: object,
  fieldNames: FieldNames,
): T {
  const input = canonicalizeKeys(source, fieldNames);
  const { value, error } = schema.validate(input.values, VALIDATION_OPTIONS);

  // A body whose every key was rejected is not empty, so "at least one field" would mislead.
  const details = (error?.details ?? []).filter(
    (detail) => input.errors.length === 0 || detail.type !== 'object.min',
  );
  const errors = [...input.errors, ...toFieldErrors(details, input.requestKeys)];
  if (errors.length === 1) {
    throw new ValidationError(errors, errors[0]!.message);
  }
  if (errors.length > 1) {
    throw new ValidationError(errors);
  }
  return value;
}
