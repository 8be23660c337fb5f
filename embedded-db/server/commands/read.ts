import { Long, type Document } from 'bson';
import { compare } from 'mingo/util';

import { CommandError } from '../errors.js';
import { findDocuments, matchDocuments } from '../query/find.js';
import { canonicalKey, MISSING, valuesAtPath } from '../storage/keys.js';
import {
  bsonTypeName,
  collectionName,
  evaluationSettings,
  optionalCount,
  optionalDocument,
  optionalNumber,
  requiredArray,
} from './arguments.js';
import type { CommandContext, CommandHandler } from './command.js';

function find(command: Document, context: CommandContext): Document {
  const name = collectionName(command, 'find');
  const limit = optionalNumber(command, 'limit') ?? 0;
  const documents = findDocuments(context.database.collection(name), {
    filter: optionalDocument(command, 'filter'),
    sort: optionalDocument(command, 'sort'),
    projection: optionalDocument(command, 'projection'),
    skip: optionalCount(command, 'skip'),
    limit: Math.abs(limit),
    settings: evaluationSettings(command),
  });

  const namespace = `${context.database.name}.${name}`;
  const singleBatch = command.singleBatch === true || limit < 0;
  const batchSize = optionalCount(command, 'batchSize');
  return { cursor: context.cursors.firstBatch(namespace, documents, { batchSize, singleBatch }) };
}

function getMore(command: Document, context: CommandContext): Document {
  const id = toCursorId(command.getMore);
  const namespace = `${context.database.name}.${collectionName(command, 'collection')}`;
  return { cursor: context.cursors.getMore(id, namespace, optionalCount(command, 'batchSize')) };
}

function killCursors(command: Document, context: CommandContext): Document {
  collectionName(command, 'killCursors');
  const ids = requiredArray(command, 'cursors').map(toCursorId);

  const { killed, notFound } = context.cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
}

/** Reads a cursor id, which arrives as a number when it fits one because of `promoteLongs`. */
function toCursorId(value: unknown): Long {
  if (Long.isLong(value)) return value;
  if (typeof value === 'number' && Number.isInteger(value)) return Long.fromNumber(value);
  if (typeof value === 'bigint') return Long.fromBigInt(value);
  throw new CommandError('TypeMismatch', `cursor id must be a long, got ${bsonTypeName(value)}`);
}

function count(command: Document, context: CommandContext): Document {
  const collection = context.database.collection(collectionName(command, 'count'));
  const filter = optionalDocument(command, 'query');
  const skip = optionalCount(command, 'skip') ?? 0;
  const limit = Math.abs(optionalNumber(command, 'limit') ?? 0);

  const total =
    filter && Object.keys(filter).length > 0
      ? matchDocuments(collection, filter, evaluationSettings(command)).length
      : (collection?.size ?? 0);
  const counted = Math.max(total - skip, 0);
  return { n: limit > 0 ? Math.min(counted, limit) : counted };
}

/**
 * Returns the distinct values of a field, counting each element of an array value
 * separately as MongoDB does, sorted in MongoDB's comparison order.
 */
function distinct(command: Document, context: CommandContext): Document {
  const collection = context.database.collection(collectionName(command, 'distinct'));
  const key = command.key;
  if (typeof key !== 'string') {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'distinct.key' is missing or is not a string",
    );
  }

  const values = new Map<string, unknown>();
  const filter = optionalDocument(command, 'query') ?? {};
  for (const document of matchDocuments(collection, filter, evaluationSettings(command))) {
    for (const value of valuesAtPath(document, key)) {
      if (value !== MISSING && !isEmptyArray(value)) values.set(canonicalKey(value), value);
    }
  }
  return { values: [...values.values()].sort(compare) };
}

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** Commands that read documents or page through cursors. */
export const readCommands: Record<string, CommandHandler> = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
};
