import type { Document } from 'bson';
import { Query } from 'mingo/query';

import { CommandError } from '../errors.js';
import { queryOptions, sortDocuments } from '../query/engine.js';
import { matchDocuments } from '../query/find.js';
import { applyUpdate, buildUpsertDocument, type UpdateContext } from '../query/update.js';
import { validateUpdate } from '../query/update-spec.js';
import type { Collection } from '../storage/collection.js';
import { collectionName, evaluationSettings, optionalDocument } from './arguments.js';
import type { CommandContext, CommandHandler } from './command.js';

/** The outcome before projection: the document to return and `lastErrorObject`. */
interface Outcome {
  value: Document | null;
  lastErrorObject: Document;
}

function findAndModify(command: Document, context: CommandContext): Document {
  validateOptions(command);
  const name = collectionName(command, 'findAndModify');
  const updateContext: UpdateContext = {
    filter: optionalDocument(command, 'query') ?? {},
    arrayFilters: command.arrayFilters as Document[] | undefined,
    settings: evaluationSettings(command),
  };

  const current = findFirst(context.database.collection(name), command, updateContext);
  const outcome =
    command.remove === true
      ? removeDocument(context.database.collection(name), current)
      : updateDocument(context.database.collectionForWrite(name), current, command, updateContext);

  const fields = optionalDocument(command, 'fields');
  return { lastErrorObject: outcome.lastErrorObject, value: project(outcome.value, fields) };
}

function validateOptions(command: Document): void {
  const removes = command.remove === true;
  if (removes && command.update !== undefined) {
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  }
  if (!removes && command.update === undefined) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  if (removes && command.new === true) {
    throw new CommandError(
      'FailedToParse',
      "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document",
    );
  }
  if (removes && command.upsert === true) {
    throw new CommandError('FailedToParse', 'Cannot specify both upsert=true and remove=true');
  }
}

function findFirst(
  collection: Collection | undefined,
  command: Document,
  context: UpdateContext,
): Document | undefined {
  const sort = optionalDocument(command, 'sort');
  if (!sort || Object.keys(sort).length === 0) {
    return matchDocuments(collection, context.filter, context.settings, 1)[0];
  }
  const matches = matchDocuments(collection, context.filter, context.settings);
  return sortDocuments(matches, sort, context.settings)[0];
}

function removeDocument(
  collection: Collection | undefined,
  current: Document | undefined,
): Outcome {
  if (!collection || !current) return { value: null, lastErrorObject: { n: 0 } };

  collection.remove(current);
  return { value: current, lastErrorObject: { n: 1 } };
}

function updateDocument(
  collection: Collection,
  current: Document | undefined,
  command: Document,
  context: UpdateContext,
): Outcome {
  const change = command.update as unknown;
  validateUpdate(change);

  if (!current && command.upsert === true) {
    const inserted = buildUpsertDocument(change, context);
    collection.insert(inserted);
    const lastErrorObject = { n: 1, updatedExisting: false, upserted: inserted._id };
    return { value: command.new === true ? inserted : null, lastErrorObject };
  }
  if (!current) return { value: null, lastErrorObject: { n: 0, updatedExisting: false } };

  const next = applyUpdate(current, change, context);
  collection.replace(current, next);
  return {
    value: command.new === true ? next : current,
    lastErrorObject: { n: 1, updatedExisting: true },
  };
}

function project(document: Document | null, fields: Document | undefined): Document | null {
  if (!document || !fields || Object.keys(fields).length === 0) return document;
  return new Query({}, queryOptions()).find<Document>([document], fields).all()[0] ?? null;
}

/** `findAndModify`, which updates, upserts or removes one document and returns it. */
export const findAndModifyCommands: Record<string, CommandHandler> = {
  findAndModify,
  findandmodify: findAndModify,
};
