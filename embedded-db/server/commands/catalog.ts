import type { Document } from 'bson';
import { Query } from 'mingo/query';

import { CommandError } from '../errors.js';
import { queryOptions } from '../query/engine.js';
import type { Collection } from '../storage/collection.js';
import { ID_INDEX_SPEC, type IndexSpec } from '../storage/indexes.js';
import { canonicalKey, isPlainDocument } from '../storage/keys.js';
import { collectionName, optionalDocument, requiredArray } from './arguments.js';
import type { CommandContext, CommandHandler } from './command.js';

/** Creates a collection. Like MongoDB 7, repeating a create with the same options succeeds. */
function create(command: Document, context: CommandContext): Document {
  const name = collectionName(command, 'create');
  const options = withoutFields(command, ['create']);

  const existing = context.database.collection(name);
  if (!existing) {
    context.database.createCollection(name, options);
    return {};
  }
  if (canonicalKey(existing.options) !== canonicalKey(options)) {
    throw new CommandError('NamespaceExists', `Collection ${existing.namespace} already exists.`);
  }
  return {};
}

/** Drops a collection. Like MongoDB 7, dropping a missing collection succeeds. */
function drop(command: Document, context: CommandContext): Document {
  const name = collectionName(command, 'drop');
  const collection = context.database.collection(name);
  if (!collection) return {};

  context.database.dropCollection(name);
  return { nIndexesWas: collection.indexSpecs().length, ns: collection.namespace };
}

function dropDatabase(_command: Document, context: CommandContext): Document {
  context.storage.dropDatabase(context.database.name);
  return { dropped: context.database.name };
}

function listCollections(command: Document, context: CommandContext): Document {
  const nameOnly = command.nameOnly === true;
  let entries = context.database
    .collections()
    .map((collection) => describeCollection(collection, nameOnly));

  const filter = optionalDocument(command, 'filter');
  if (filter) entries = new Query(filter, queryOptions()).find<Document>(entries).all();

  const namespace = `${context.database.name}.$cmd.listCollections`;
  return {
    cursor: context.cursors.firstBatch(namespace, entries, { batchSize: cursorBatchSize(command) }),
  };
}

function describeCollection(collection: Collection, nameOnly: boolean): Document {
  if (nameOnly) return { name: collection.name, type: 'collection' };
  return {
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false, uuid: collection.uuid },
    idIndex: ID_INDEX_SPEC,
  };
}

function listDatabases(command: Document, context: CommandContext): Document {
  const databases = context.storage
    .databases()
    .filter((database) => database.collections().length > 0);
  const entries = databases.map((database) => ({
    name: database.name,
    sizeOnDisk: 0,
    empty: false,
  }));
  if (command.nameOnly === true) return { databases: entries.map(({ name }) => ({ name })) };
  return { databases: entries, totalSize: 0, totalSizeMb: 0 };
}

/**
 * Creates indexes, ignoring any that already exist with the same name, key and options.
 * Each spec is kept as given, so `listIndexes` reports the options a client sent.
 */
function createIndexes(command: Document, context: CommandContext): Document {
  const name = collectionName(command, 'createIndexes');
  const specs = requiredArray(command, 'indexes').map(validateIndexSpec);

  const createdCollectionAutomatically = !context.database.collection(name);
  const collection = context.database.collectionForWrite(name);
  const numIndexesBefore = collection.indexSpecs().length;
  const results = specs.map((spec) => collection.createIndex(spec));

  const reply: Document = {
    numIndexesBefore,
    numIndexesAfter: collection.indexSpecs().length,
    createdCollectionAutomatically,
  };
  if (results.every((result) => result === 'exists')) reply.note = 'all indexes already exist';
  return reply;
}

function validateIndexSpec(spec: unknown): IndexSpec {
  if (!isPlainDocument(spec) || !isPlainDocument(spec.key) || Object.keys(spec.key).length === 0) {
    throw new CommandError(
      'FailedToParse',
      'Error in specification: the index key pattern must be a non-empty object',
    );
  }
  if (typeof spec.name !== 'string' || spec.name === '') {
    throw new CommandError(
      'FailedToParse',
      `Error in specification ${JSON.stringify(spec)} :: caused by :: The field 'name' must be a non-empty string`,
    );
  }
  return { v: 2, key: spec.key, name: spec.name, ...withoutFields(spec, ['v', 'key', 'name']) };
}

function listIndexes(command: Document, context: CommandContext): Document {
  const collection = existingCollection(command, 'listIndexes', context);
  const batchSize = cursorBatchSize(command);
  return {
    cursor: context.cursors.firstBatch(collection.namespace, collection.indexSpecs(), {
      batchSize,
    }),
  };
}

/** Drops indexes by name, by key pattern, by a list of names, or all but `_id_` with `'*'`. */
function dropIndexes(command: Document, context: CommandContext): Document {
  const collection = existingCollection(command, 'dropIndexes', context);
  const nIndexesWas = collection.indexSpecs().length;

  const target = command.index;
  if (target === '*') collection.dropAllIndexes();
  else for (const name of indexNames(collection, target)) dropIndex(collection, name);
  return { nIndexesWas };
}

function indexNames(collection: Collection, target: unknown): string[] {
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.map(String);
  if (isPlainDocument(target)) {
    const name = collection.indexNameForKey(target);
    if (!name)
      throw new CommandError(
        'IndexNotFound',
        `can't find index with key: ${JSON.stringify(target)}`,
      );
    return [name];
  }
  throw new CommandError(
    'TypeMismatch',
    "BSON field 'dropIndexes.index' must be a string, an array of strings or an object",
  );
}

function dropIndex(collection: Collection, name: string): void {
  if (name === ID_INDEX_SPEC.name)
    throw new CommandError('InvalidOptions', 'cannot drop _id index');
  if (!collection.dropIndex(name)) {
    throw new CommandError('IndexNotFound', `index not found with name [${name}]`);
  }
}

function existingCollection(command: Document, field: string, context: CommandContext): Collection {
  const name = collectionName(command, field);
  const collection = context.database.collection(name);
  if (!collection)
    throw new CommandError(
      'NamespaceNotFound',
      `ns does not exist: ${context.database.name}.${name}`,
    );
  return collection;
}

function withoutFields(document: Document, fields: string[]): Document {
  return Object.fromEntries(Object.entries(document).filter(([field]) => !fields.includes(field)));
}

function cursorBatchSize(command: Document): number | undefined {
  const cursor = optionalDocument(command, 'cursor');
  return typeof cursor?.batchSize === 'number' ? cursor.batchSize : undefined;
}

/** Commands that create, list and drop databases, collections and indexes. */
export const catalogCommands: Record<string, CommandHandler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  createIndexes,
  listIndexes,
  dropIndexes,
};
