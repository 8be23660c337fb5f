import type { Document } from 'bson';

import { CommandError } from '../errors.js';
import { isPlainDocument } from '../storage/keys.js';

/** The `u` field of an update statement: operators, a replacement document or a pipeline. */
export type UpdateSpec = Document | Document[];

const UPDATE_OPERATORS = new Set([
  '$addToSet',
  '$bit',
  '$currentDate',
  '$inc',
  '$max',
  '$min',
  '$mul',
  '$pop',
  '$pull',
  '$pullAll',
  '$push',
  '$rename',
  '$set',
  '$setOnInsert',
  '$unset',
]);
const PIPELINE_UPDATE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

/** Rejects an update document that MongoDB would not parse. */
export function validateUpdate(update: unknown): asserts update is UpdateSpec {
  if (Array.isArray(update)) return validatePipeline(update);
  if (!isPlainDocument(update)) {
    throw new CommandError('FailedToParse', 'Update argument must be either an object or an array');
  }
  if (!isOperatorUpdate(update)) return;

  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw new CommandError(
        'FailedToParse',
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainDocument(fields)) {
      throw new CommandError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${typeof fields} instead. For example: {$mod: {<field>: ...}} not {${operator}: ${JSON.stringify(fields)}}`,
      );
    }
  }
}

function validatePipeline(stages: unknown[]): void {
  for (const stage of stages) {
    const name = isPlainDocument(stage) ? Object.keys(stage)[0] : undefined;
    if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
      throw new CommandError(
        'InvalidOptions',
        `${name ?? 'A non-object stage'} is not allowed to be used within an update`,
      );
    }
  }
}

/** True for `{ $set: ... }` style updates, false for replacement documents. */
export function isOperatorUpdate(update: UpdateSpec): boolean {
  if (Array.isArray(update)) return false;
  const fields = Object.keys(update);
  const operators = fields.filter((field) => field.startsWith('$'));
  if (operators.length > 0 && operators.length < fields.length) {
    throw new CommandError(
      'FailedToParse',
      `The dollar ($) prefixed field '${operators[0]}' in '${operators[0]}' is not allowed in a replacement document`,
    );
  }
  return operators.length > 0;
}
