import type { Document } from 'bson';

import { CommandError } from '../errors.js';
import type { EvaluationSettings } from '../query/engine.js';
import { isPlainDocument } from '../storage/keys.js';

/** Reads the collection name that a command carries as the value of its first field. */
export function collectionName(command: Document, field: string): string {
  const name = command[field];
  if (typeof name !== 'string' || name === '') {
    throw new CommandError(
      'InvalidNamespace',
      `collection name has invalid type ${bsonTypeName(name)}`,
    );
  }
  return name;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainDocument(value)) throw wrongType(command, field, 'object');
  return value;
}

export function requiredArray(command: Document, field: string): unknown[] {
  const value = command[field];
  if (value === undefined) {
    throw new CommandError(
      'Location40414',
      `BSON field '${commandName(command)}.${field}' is missing but a required field`,
    );
  }
  if (!Array.isArray(value)) throw wrongType(command, field, 'array');
  return value;
}

/** Reads a non-negative integer option such as `skip` or `batchSize`, converting a Long to a number. */
export function optionalCount(command: Document, field: string): number | undefined {
  const value = optionalNumber(command, field);
  if (value !== undefined && value < 0) {
    throw new CommandError(
      'BadValue',
      `BSON field '${field}' value must be >= 0, actual value '${value}'`,
    );
  }
  return value;
}

export function optionalNumber(command: Document, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (isPlainDocument(value) || typeof (value as Document).toNumber !== 'function') {
    throw wrongType(command, field, 'long');
  }
  return (value as { toNumber(): number }).toNumber();
}

/** Reads the options that change how filters and expressions evaluate: `collation` and `let`. */
export function evaluationSettings(command: Document): EvaluationSettings {
  const collation = optionalDocument(command, 'collation');
  const variables = optionalDocument(command, 'let');
  // The "simple" locale is MongoDB's name for plain binary comparison, mingo's default.
  const usesCollation = collation !== undefined && collation.locale !== 'simple';
  return {
    collation: usesCollation ? (collation as EvaluationSettings['collation']) : undefined,
    variables,
  };
}

function commandName(command: Document): string {
  return Object.keys(command)[0] ?? '';
}

function wrongType(command: Document, field: string, expected: string): CommandError {
  const actual = bsonTypeName(command[field]);
  return new CommandError(
    'TypeMismatch',
    `BSON field '${commandName(command)}.${field}' is the wrong type '${actual}', expected type '${expected}'`,
  );
}

/** Names a value's type as MongoDB's error messages do. */
export function bsonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  const bsonType = (value as Document)._bsontype as string | undefined;
  if (bsonType) return bsonType.charAt(0).toLowerCase() + bsonType.slice(1);
  return 'object';
}
