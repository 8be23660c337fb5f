import Joi from 'joi';
import { Types } from 'mongoose';

import { NotFoundError, ValidationError } from '../errors.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

const OBJECT_ID_MESSAGE = 'must be an id of 24 hexadecimal characters.';

/** Returns the ObjectId that a 24-digit hexadecimal text spells, or undefined. */
export function parseObjectId(text: string): Types.ObjectId | undefined {
  return OBJECT_ID.test(text) ? new Types.ObjectId(text) : undefined;
}

/**
 * Parses the id of an existing resource from a path. Throws NotFoundError when the text is not
 * an id, because no resource can have it.
 */
export function parseResourceId(text: string, resourceName: string): Types.ObjectId {
  const id = parseObjectId(text);
  if (!id) {
    throw new NotFoundError(`No ${resourceName} has the id ${text}.`);
  }
  return id;
}

/**
 * Parses the id that a client chose for a resource it creates. Throws a ValidationError naming
 * `id` when the text is not an id.
 */
export function parseNewResourceId(text: string): Types.ObjectId {
  const id = parseObjectId(text);
  if (!id) {
    throw ValidationError.forField('id', `The id ${text} is invalid. An id ${OBJECT_ID_MESSAGE}`);
  }
  return id;
}

/** A joi schema that accepts an id as text and converts it to an ObjectId. */
export const objectIdSchema = Joi.any()
  .custom((value: unknown, helpers) => {
    const id = typeof value === 'string' ? parseObjectId(value) : undefined;
    return id ?? helpers.error('objectId.invalid');
  })
  .messages({ 'objectId.invalid': `{{#label}} ${OBJECT_ID_MESSAGE}` });
